package io.miningos.gateway.adapters.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.miningos.gateway.application.analytics.port.in.AlertHistoryQuery;
import io.miningos.gateway.application.analytics.port.in.SiteAlertsQuery;
import io.miningos.gateway.application.analytics.port.in.SiteAlertsUseCase;
import io.miningos.gateway.domain.analytics.TimeRange;
import io.miningos.gateway.domain.analytics.alerts.AlertQuery;

import java.util.Arrays;
import java.util.List;

/**
 * {@code GET /auth/alerts/site?filter=&sort=&search=&offset=&limit=} and
 * {@code GET /auth/alerts/history?start=&end=&filter=&sort=&search=&offset=&limit=}: {@code filter} and {@code sort}
 * are JSON objects (unparsable: {@code ERR_INVALID_FILTER} / {@code ERR_INVALID_SORT}, the Node gateway's codes).
 * The caller needs {@code alerts:r}, checked before the parameters.
 */
public final class SiteAlertRoutes implements RouteGroup {

    private final SiteAlertsUseCase alerts;

    public SiteAlertRoutes(SiteAlertsUseCase alerts) {
        this.alerts = alerts;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/auth/alerts/site", ctx -> {
            Authentication.caller(ctx).require(SiteAlertsUseCase.PERMISSION);
            SiteAlertsQuery query = SiteAlertsQuery.of(filter(ctx), sort(ctx), QueryParams.text(ctx, "search"),
                    page(ctx, "offset"), page(ctx, "limit"),
                    identity(ctx, "filter", "sort", "search", "offset", "limit"));
            OrkResponses.send(ctx, alerts.current(query, QueryParams.refresh(ctx)));
        });
        routes.get("/auth/alerts/history", ctx -> {
            Authentication.caller(ctx).require(SiteAlertsUseCase.PERMISSION);
            AlertHistoryQuery query = AlertHistoryQuery.of(
                    QueryParams.integer(ctx, "start", TimeRange.MISSING_START_END),
                    QueryParams.integer(ctx, "end", TimeRange.MISSING_START_END), filter(ctx), sort(ctx),
                    QueryParams.text(ctx, "search"), page(ctx, "offset"), page(ctx, "limit"),
                    identity(ctx, "start", "end", "filter", "sort", "search", "offset", "limit"));
            OrkResponses.send(ctx, alerts.history(query, QueryParams.refresh(ctx)));
        });
    }

    private static Object filter(Context ctx) {
        return QueryParams.json(ctx, "filter", AlertQuery.FILTER_INVALID);
    }

    private static Object sort(Context ctx) {
        return QueryParams.json(ctx, "sort", AlertQuery.SORT_INVALID);
    }

    /** {@code offset}/{@code limit}: a whole number, else {@code ERR_OFFSET_INVALID} / {@code ERR_LIMIT_INVALID}. */
    private static Long page(Context ctx, String name) {
        return QueryParams.integer(ctx, name, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    private static List<String> identity(Context ctx, String... names) {
        return Arrays.stream(names).map(name -> QueryParams.given(ctx, name)).toList();
    }
}
