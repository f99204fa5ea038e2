package io.miningos.gateway.application.analytics;

import io.miningos.gateway.application.analytics.port.in.AlertHistoryQuery;
import io.miningos.gateway.application.analytics.port.in.SiteAlertsQuery;
import io.miningos.gateway.application.analytics.port.in.SiteAlertsUseCase;
import io.miningos.gateway.application.ork.OrkCall;
import io.miningos.gateway.application.ork.OrkRequests;
import io.miningos.gateway.application.ork.port.GatheredAnswer;
import io.miningos.gateway.domain.analytics.alerts.AlertDocs;
import io.miningos.gateway.domain.ork.OrkMethod;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * {@code /auth/alerts/site}: every thing with alerts, read page by page from every ORK (the Node gateway saw the
 * first 100 things of each rack), one document per alert; {@code /auth/alerts/history}: the ORKs' alert logs over
 * the range, each alert ({@code uuid}) once.
 */
public final class SiteAlertsService implements SiteAlertsUseCase {

    public static final String CURRENT = "/auth/alerts/site";
    public static final String HISTORY = "/auth/alerts/history";

    private final OrkRequests orks;

    public SiteAlertsService(OrkRequests orks) {
        this.orks = Objects.requireNonNull(orks, "orks");
    }

    @Override
    public CompletableFuture<GatheredAnswer> current(SiteAlertsQuery query, boolean refresh) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("last.alerts", 1);
        fields.put("info.container", 1);
        fields.put("type", 1);
        fields.put("id", 1);
        fields.put("code", 1);
        Map<String, Object> things = new LinkedHashMap<>();
        things.put("status", 1);
        things.put("query", queryWithAlerts());
        things.put("fields", fields);
        return orks.cachedCompute(CURRENT, query.identity(), refresh, List.of(OrkCall.pagedThings(things)),
                replies -> {
                    List<Map<String, Object>> all = AlertDocs.current(replies.getFirst().answers());
                    List<Map<String, Object>> shown = query.alerts().apply(all, SiteAlertsQuery.SEARCH_FIELDS);
                    AlertDocs.Summary s = AlertDocs.summary(shown);
                    Map<String, Object> summary = new LinkedHashMap<>();
                    summary.put("critical", s.critical());
                    summary.put("high", s.high());
                    summary.put("medium", s.medium());
                    summary.put("low", s.low());
                    summary.put("total", s.total());
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("alerts", query.page().slice(shown));
                    out.put("summary", summary);
                    out.put("total", shown.size());
                    return out;
                });
    }

    /** Things whose {@code last.alerts} is set ({@code $ne: null}, as the Node gateway asked). */
    private static Map<String, Object> queryWithAlerts() {
        Map<String, Object> notNull = new LinkedHashMap<>();
        notNull.put("$ne", null);
        return Map.of("last.alerts", notNull);
    }

    @Override
    public CompletableFuture<GatheredAnswer> history(AlertHistoryQuery query, boolean refresh) {
        Map<String, Object> logs = new LinkedHashMap<>();
        logs.put("logType", "alerts");
        logs.put("start", query.range().start());
        logs.put("end", query.range().end());
        logs.put("limit", AlertHistoryQuery.ORK_LIMIT);
        return orks.cachedCompute(HISTORY, query.identity(), refresh,
                List.of(new OrkCall(OrkMethod.GET_HISTORICAL_LOGS, logs)), replies -> {
                    List<Map<String, Object>> shown = query.alerts().apply(
                            AlertDocs.history(replies.getFirst().answers()), AlertHistoryQuery.SEARCH_FIELDS);
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("alerts", query.page().slice(shown));
                    out.put("total", shown.size());
                    return out;
                });
    }
}
