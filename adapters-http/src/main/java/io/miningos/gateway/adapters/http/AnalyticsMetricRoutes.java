package io.miningos.gateway.adapters.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.miningos.gateway.application.analytics.port.in.ContainerHistoryQuery;
import io.miningos.gateway.application.analytics.port.in.DailyMetricQuery;
import io.miningos.gateway.application.analytics.port.in.IntervalQuery;
import io.miningos.gateway.application.analytics.port.in.MetricsUseCase;
import io.miningos.gateway.application.analytics.port.in.TimelineQuery;
import io.miningos.gateway.domain.analytics.TimeRange;

import java.time.Clock;

/**
 * {@code /auth/metrics/*}: the site's daily hashrate, consumption and efficiency ({@code ?start=&end=}, with
 * {@code &groupBy=&racks=} for the first two), miner states, power modes and their timeline, temperatures, the
 * DCS's cooling ({@code &interval=}, {@code &container=}), and one container's stats and things. A token is
 * enough. A {@code start}/{@code end} that is missing or not a whole number is {@code ERR_MISSING_START_END}.
 */
public final class AnalyticsMetricRoutes implements RouteGroup {

    private final MetricsUseCase metrics;
    private final Clock clock;

    public AnalyticsMetricRoutes(MetricsUseCase metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/auth/metrics/hashrate", ctx -> OrkResponses.send(ctx,
                metrics.hashrate(daily(ctx), QueryParams.refresh(ctx))));
        routes.get("/auth/metrics/consumption", ctx -> OrkResponses.send(ctx,
                metrics.consumption(daily(ctx), QueryParams.refresh(ctx))));
        routes.get("/auth/metrics/efficiency", ctx -> OrkResponses.send(ctx,
                metrics.efficiency(range(ctx), QueryParams.refresh(ctx))));
        routes.get("/auth/metrics/miner-status", ctx -> OrkResponses.send(ctx,
                metrics.minerStatus(range(ctx), QueryParams.refresh(ctx))));
        routes.get("/auth/metrics/power-mode", ctx -> OrkResponses.send(ctx,
                metrics.powerMode(interval(ctx, false), QueryParams.refresh(ctx))));
        routes.get("/auth/metrics/power-mode/timeline", ctx -> OrkResponses.send(ctx,
                metrics.powerModeTimeline(TimelineQuery.of(optional(ctx, "start"), optional(ctx, "end"),
                        QueryParams.given(ctx, "container"), clock.millis()), QueryParams.refresh(ctx))));
        routes.get("/auth/metrics/temperature", ctx -> OrkResponses.send(ctx,
                metrics.temperature(interval(ctx, true), QueryParams.refresh(ctx))));
        routes.get("/auth/metrics/cooling", ctx -> OrkResponses.send(ctx,
                metrics.cooling(interval(ctx, false), QueryParams.refresh(ctx))));
        routes.get("/auth/metrics/containers/{id}/history", ctx -> OrkResponses.send(ctx,
                metrics.containerHistory(ContainerHistoryQuery.of(ctx.pathParam("id"), optional(ctx, "start"),
                        optional(ctx, "end"), QueryParams.integer(ctx, "limit", ContainerHistoryQuery.LIMIT_INVALID),
                        clock.millis()), QueryParams.refresh(ctx))));
        routes.get("/auth/metrics/containers/{id}", ctx -> OrkResponses.send(ctx,
                metrics.container(ctx.pathParam("id"), QueryParams.refresh(ctx))));
    }

    private static DailyMetricQuery daily(Context ctx) {
        return DailyMetricQuery.of(start(ctx), end(ctx), QueryParams.given(ctx, "groupBy"),
                QueryParams.given(ctx, "racks"));
    }

    private static TimeRange range(Context ctx) {
        return TimeRange.of(start(ctx), end(ctx), TimeRange.MAX_DAYS_SPAN);
    }

    private static IntervalQuery interval(Context ctx, boolean byContainer) {
        return IntervalQuery.of(start(ctx), end(ctx), QueryParams.given(ctx, "interval"),
                byContainer ? QueryParams.given(ctx, "container") : null);
    }

    private static Long start(Context ctx) {
        return QueryParams.integer(ctx, "start", TimeRange.MISSING_START_END);
    }

    private static Long end(Context ctx) {
        return QueryParams.integer(ctx, "end", TimeRange.MISSING_START_END);
    }

    /** An optional bound: absent or empty is null (the route's default); not a whole number is a 400. */
    private static Long optional(Context ctx, String name) {
        return QueryParams.given(ctx, name) == null ? null
                : QueryParams.integer(ctx, name, TimeRange.MISSING_START_END);
    }
}
