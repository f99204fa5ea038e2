package io.miningos.gateway.application.analytics.port.in;

import io.miningos.gateway.application.ork.port.GatheredAnswer;
import io.miningos.gateway.domain.analytics.TimeRange;

import java.util.concurrent.CompletableFuture;

/**
 * The site's metrics over time ({@code /auth/metrics/*}, docs/analytics-design.md §4.6, README "Metrics"): daily
 * means from the ORKs' daily store, the miners' and containers' 3-hourly and 5-minute logs, each read from every
 * ORK and added up; cached per route and parameters; an ORK that failed a read is reported and the others' data
 * stands. A token is enough to read.
 */
public interface MetricsUseCase {

    /** {@code {log:[{ts, hashrateMhs}], summary}}, grouped {@code hashrateMhs:{group: MH/s}}. */
    CompletableFuture<GatheredAnswer> hashrate(DailyMetricQuery query, boolean refresh);

    /** {@code {log:[{ts, powerW, consumptionMWh}], summary}}, grouped per group. */
    CompletableFuture<GatheredAnswer> consumption(DailyMetricQuery query, boolean refresh);

    /** {@code {log:[{ts, efficiencyWThs}], summary}}. */
    CompletableFuture<GatheredAnswer> efficiency(TimeRange range, boolean refresh);

    /** {@code {log:[{ts, online, offline, sleep, error, notMining, maintenance}], summary}}. */
    CompletableFuture<GatheredAnswer> minerStatus(TimeRange range, boolean refresh);

    /** {@code {interval, log:[{ts, low, normal, high, sleep, offline, notMining, maintenance, error, unknown}], summary}}. */
    CompletableFuture<GatheredAnswer> powerMode(IntervalQuery query, boolean refresh);

    /** {@code {log:[{minerId, container, segments:[{from, to, powerMode, status}]}]}}. */
    CompletableFuture<GatheredAnswer> powerModeTimeline(TimelineQuery query, boolean refresh);

    /** {@code {interval, log:[{ts, containers:{name:{maxC, avgC}}, siteMaxC, siteAvgC}], summary}}. */
    CompletableFuture<GatheredAnswer> temperature(IntervalQuery query, boolean refresh);

    /** The DCS's cooling ({@code 501 ERR_FEATURE_NOT_ENABLED} without a central DCS). */
    CompletableFuture<GatheredAnswer> cooling(IntervalQuery query, boolean refresh);

    /** {@code {log:[{ts, ...the container's own stats}]}}. */
    CompletableFuture<GatheredAnswer> containerHistory(ContainerHistoryQuery query, boolean refresh);

    /** {@code {id, devices, miners, telemetry, truncated}}. */
    CompletableFuture<GatheredAnswer> container(String container, boolean refresh);
}
