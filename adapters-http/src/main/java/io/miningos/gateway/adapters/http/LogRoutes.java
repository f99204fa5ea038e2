package io.miningos.gateway.adapters.http;

import io.javalin.config.RoutesConfig;
import io.miningos.gateway.adapters.http.QueryParams.Kind;
import io.miningos.gateway.application.logs.port.in.HistoryLogQuery;
import io.miningos.gateway.application.logs.port.in.LogsUseCase;
import io.miningos.gateway.application.logs.port.in.RangeAggrQuery;
import io.miningos.gateway.application.logs.port.in.TailLogMultiQuery;
import io.miningos.gateway.application.logs.port.in.TailLogQuery;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code /auth/tail-log}, {@code /auth/tail-log/multi}, {@code /auth/tail-log/range-aggr} and
 * {@code /auth/history-log}. Their parameters go to the ORKs as a whole (the UI also sends ones such as
 * {@code groupRange} or {@code aggrHourly}); the known ones are typed here, unknown ones travel as text.
 */
public final class LogRoutes implements RouteGroup {

    private static final Map<String, Kind> TAIL_LOG = Map.ofEntries(
            Map.entry("key", Kind.TEXT), Map.entry("type", Kind.TEXT), Map.entry("tag", Kind.TEXT),
            Map.entry("start", Kind.INTEGER), Map.entry("end", Kind.INTEGER), Map.entry("offset", Kind.INTEGER),
            Map.entry("limit", Kind.INTEGER), Map.entry("fields", Kind.OBJECT), Map.entry("aggrFields", Kind.OBJECT),
            Map.entry("aggrTimes", Kind.ARRAY), Map.entry("groupRange", Kind.TEXT),
            Map.entry("shouldCalculateAvg", Kind.FLAG), Map.entry("mergeSitesData", Kind.FLAG),
            Map.entry("applyAggrCrossthg", Kind.FLAG), Map.entry("aggrHourly", Kind.FLAG));
    private static final Map<String, Kind> TAIL_LOG_MULTI = with(TAIL_LOG, "keys", Kind.ARRAY);
    private static final Map<String, Kind> HISTORY_LOG = Map.ofEntries(
            Map.entry("logType", Kind.TEXT), Map.entry("tag", Kind.TEXT), Map.entry("start", Kind.INTEGER),
            Map.entry("end", Kind.INTEGER), Map.entry("startExcl", Kind.INTEGER), Map.entry("endExcl", Kind.INTEGER),
            Map.entry("offset", Kind.INTEGER), Map.entry("limit", Kind.INTEGER), Map.entry("query", Kind.OBJECT),
            Map.entry("fields", Kind.OBJECT), Map.entry("sort", Kind.OBJECT));

    private final LogsUseCase logs;

    public LogRoutes(LogsUseCase logs) {
        this.logs = logs;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/auth/tail-log", ctx -> OrkResponses.send(ctx, logs.tailLog(
                new TailLogQuery(QueryParams.all(ctx, TAIL_LOG)), QueryParams.refresh(ctx))));
        routes.get("/auth/tail-log/multi", ctx -> OrkResponses.send(ctx, logs.tailLogMulti(
                new TailLogMultiQuery(QueryParams.all(ctx, TAIL_LOG_MULTI)), QueryParams.refresh(ctx))));
        routes.get("/auth/tail-log/range-aggr", ctx -> OrkResponses.send(ctx, logs.rangeAggr(
                new RangeAggrQuery(QueryParams.array(ctx, "keys")), QueryParams.refresh(ctx))));
        routes.get("/auth/history-log", ctx -> OrkResponses.send(ctx, logs.historyLog(
                new HistoryLogQuery(QueryParams.all(ctx, HISTORY_LOG)), QueryParams.refresh(ctx))));
    }

    private static Map<String, Kind> with(Map<String, Kind> base, String name, Kind kind) {
        Map<String, Kind> copy = new HashMap<>(base);
        copy.put(name, kind);
        return Map.copyOf(copy);
    }
}
