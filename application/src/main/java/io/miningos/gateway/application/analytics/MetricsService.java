package io.miningos.gateway.application.analytics;

import io.miningos.gateway.application.analytics.port.in.ContainerHistoryQuery;
import io.miningos.gateway.application.analytics.port.in.DailyMetricQuery;
import io.miningos.gateway.application.analytics.port.in.IntervalQuery;
import io.miningos.gateway.application.analytics.port.in.MetricsUseCase;
import io.miningos.gateway.application.analytics.port.in.TimelineQuery;
import io.miningos.gateway.application.ork.CallReplies;
import io.miningos.gateway.application.ork.OrkCall;
import io.miningos.gateway.application.ork.OrkRequests;
import io.miningos.gateway.application.ork.port.GatheredAnswer;
import io.miningos.gateway.domain.analytics.JsonView;
import io.miningos.gateway.domain.analytics.TimeRange;
import io.miningos.gateway.domain.analytics.devices.ThingLists;
import io.miningos.gateway.domain.analytics.finance.DailyAggregates;
import io.miningos.gateway.domain.analytics.metrics.ContainerStats;
import io.miningos.gateway.domain.analytics.metrics.CoolingSeries;
import io.miningos.gateway.domain.analytics.metrics.GroupedDaily;
import io.miningos.gateway.domain.analytics.metrics.MetricInterval;
import io.miningos.gateway.domain.analytics.metrics.MinerStatusSeries;
import io.miningos.gateway.domain.analytics.metrics.PowerModeSeries;
import io.miningos.gateway.domain.analytics.metrics.PowerModeTimeline;
import io.miningos.gateway.domain.analytics.metrics.TemperatureSeries;
import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.error.ErrorKind;
import io.miningos.gateway.domain.ork.OrkMethod;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The metrics routes (docs/analytics-design.md §4.6): the site's daily means from the ORKs' daily store (one key
 * per day, as the finance routes), the miners' {@code stat-3h} log bucketed and averaged by the racks, the
 * containers' {@code stat-5m} log and things; every read asked of every ORK at once and added up by the domain's
 * readers; {@link MetricViews} writes the answers.
 */
public final class MetricsService implements MetricsUseCase {

    public static final String HASHRATE = "/auth/metrics/hashrate";
    public static final String CONSUMPTION = "/auth/metrics/consumption";
    public static final String EFFICIENCY = "/auth/metrics/efficiency";
    public static final String MINER_STATUS = "/auth/metrics/miner-status";
    public static final String POWER_MODE = "/auth/metrics/power-mode";
    public static final String TIMELINE = "/auth/metrics/power-mode/timeline";
    public static final String TEMPERATURE = "/auth/metrics/temperature";
    public static final String COOLING = "/auth/metrics/cooling";
    public static final String CONTAINER_HISTORY = "/auth/metrics/containers/:id/history";
    public static final String CONTAINER = "/auth/metrics/containers/:id";

    static final String MINER = "miner";
    static final String METER = "powermeter";
    static final String HASHRATE_SUM = "hashrate_mhs_5m_sum_aggr";
    static final String POWER_SUM = "power_w_sum_aggr";
    static final String EFFICIENCY_AVG = "efficiency_w_ths_avg_aggr";
    static final String SITE_POWER = "site_power_w";
    /** The fields of a container's things shown by {@code /auth/metrics/containers/:id}. */
    static final Map<String, Object> DEVICE_FIELDS = fields("id", "type", "code", "tags", "info", "rack");

    private final OrkRequests orks;
    private final AnalyticsSettings settings;
    private final Clock clock;

    public MetricsService(OrkRequests orks, AnalyticsSettings settings, Clock clock) {
        this.orks = Objects.requireNonNull(orks, "orks");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public CompletableFuture<GatheredAnswer> hashrate(DailyMetricQuery query, boolean refresh) {
        return daily(HASHRATE, query, refresh, false);
    }

    @Override
    public CompletableFuture<GatheredAnswer> consumption(DailyMetricQuery query, boolean refresh) {
        return daily(CONSUMPTION, query, refresh, true);
    }

    private CompletableFuture<GatheredAnswer> daily(String route, DailyMetricQuery query, boolean refresh,
                                                    boolean power) {
        long now = clock.millis();
        List<Long> days = query.range().daysUntil(now);
        List<String> key = withLastDay(query.identity(), days);
        if (query.groupBy() != null) {
            String field = power ? query.groupBy().powerField() : query.groupBy().hashrateField();
            OrkCall call = minerLog(query.range(), List.of(field), MetricInterval.DAY, true);
            return orks.cachedCompute(route, key, refresh, days.isEmpty() ? List.of() : List.of(call), replies -> {
                List<GroupedDaily.Day> read = days.isEmpty() ? List.of()
                        : GroupedDaily.read(replies.getFirst().answers(), field, query.racks());
                return power ? MetricViews.groupedConsumption(days, read, now)
                        : MetricViews.groupedHashrate(days, read, now);
            });
        }
        String type = power ? METER : MINER;
        DailyAggregates daily = DailyAggregates.of(days, List.of(type));
        return orks.cachedCompute(route, key, refresh, rangeAggr(daily), replies -> {
            List<JsonView> answers = replies.isEmpty() ? List.of() : replies.getFirst().answers();
            return power ? MetricViews.consumption(days, daily.sums(answers, METER, SITE_POWER))
                    : MetricViews.hashrate(days, daily.sums(answers, MINER, HASHRATE_SUM));
        });
    }

    @Override
    public CompletableFuture<GatheredAnswer> efficiency(TimeRange range, boolean refresh) {
        List<Long> days = range.daysUntil(clock.millis());
        DailyAggregates daily = DailyAggregates.of(days, List.of(MINER));
        return orks.cachedCompute(EFFICIENCY, withLastDay(identity(range), days), refresh, rangeAggr(daily),
                replies -> {
                    List<JsonView> answers = replies.isEmpty() ? List.of() : replies.getFirst().answers();
                    return MetricViews.efficiency(days, daily.sums(answers, MINER, POWER_SUM),
                            daily.sums(answers, MINER, HASHRATE_SUM), daily.means(answers, MINER, EFFICIENCY_AVG));
                });
    }

    @Override
    public CompletableFuture<GatheredAnswer> minerStatus(TimeRange range, boolean refresh) {
        OrkCall call = minerLog(range, MinerStatusSeries.FIELDS, MetricInterval.DAY, true);
        return orks.cachedCompute(MINER_STATUS, identity(range), refresh, List.of(call),
                replies -> MetricViews.minerStatus(MinerStatusSeries.read(replies.getFirst().answers())));
    }

    @Override
    public CompletableFuture<GatheredAnswer> powerMode(IntervalQuery query, boolean refresh) {
        OrkCall call = minerLog(query.range(), PowerModeSeries.FIELDS, query.interval(), false);
        return orks.cachedCompute(POWER_MODE, query.identity(), refresh, List.of(call),
                replies -> MetricViews.powerMode(query.interval(),
                        PowerModeSeries.read(replies.getFirst().answers(), query.interval())));
    }

    @Override
    public CompletableFuture<GatheredAnswer> powerModeTimeline(TimelineQuery query, boolean refresh) {
        OrkCall log = minerLog(query.range(), PowerModeSeries.FIELDS, MetricInterval.HOUR, false);
        OrkCall containers = OrkCall.pagedThings(Map.of("query", tagged("t-container"),
                "fields", fields("id", "info.container")));
        return orks.cachedCompute(TIMELINE, query.identity(), refresh, List.of(log, containers), replies -> {
            Set<String> names = new LinkedHashSet<>();
            for (Map<String, Object> thing : ThingLists.flatten(replies.get(1).answers())) {
                String name = JsonView.of(thing).path("info.container").asText();
                if (name != null && !name.isEmpty()) {
                    names.add(name);
                }
            }
            return MetricViews.timeline(PowerModeTimeline.read(replies.getFirst().answers(), names,
                    query.container()));
        });
    }

    @Override
    public CompletableFuture<GatheredAnswer> temperature(IntervalQuery query, boolean refresh) {
        OrkCall call = minerLog(query.range(), TemperatureSeries.FIELDS, query.interval(), true);
        return orks.cachedCompute(TEMPERATURE, query.identity(), refresh, List.of(call),
                replies -> MetricViews.temperature(query.interval(),
                        TemperatureSeries.read(replies.getFirst().answers(), query.interval(), query.container())));
    }

    @Override
    public CompletableFuture<GatheredAnswer> cooling(IntervalQuery query, boolean refresh) {
        if (!settings.dcsEnabled()) {
            return CompletableFuture.failedFuture(new DomainException(ErrorKind.NOT_CONFIGURED,
                    AnalyticsSettings.FEATURE_NOT_ENABLED));
        }
        Map<String, Object> payload = log(MetricInterval.KEY, "dcs", settings.dcsTag(), CoolingSeries.FIELDS);
        ranged(payload, query.range(), query.interval(), true);
        return orks.cachedCompute(COOLING, query.identity(), refresh,
                List.of(new OrkCall(OrkMethod.TAIL_LOG, payload)),
                replies -> MetricViews.cooling(query.interval(),
                        CoolingSeries.read(replies.getFirst().answers(), query.interval())));
    }

    @Override
    public CompletableFuture<GatheredAnswer> containerHistory(ContainerHistoryQuery query, boolean refresh) {
        Map<String, Object> payload = containerLog();
        payload.put("start", query.range().start());
        payload.put("end", query.range().end());
        payload.put("limit", query.limit());
        return orks.cachedCompute(CONTAINER_HISTORY, query.identity(), refresh,
                List.of(new OrkCall(OrkMethod.TAIL_LOG, payload)),
                replies -> MetricViews.containerHistory(ContainerStats.history(replies.getFirst().answers(),
                        query.container())));
    }

    @Override
    public CompletableFuture<GatheredAnswer> container(String container, boolean refresh) {
        IntervalQuery.container(container);
        OrkCall things = OrkCall.pagedThings(Map.of("query", tagged("container-" + container),
                "fields", DEVICE_FIELDS));
        Map<String, Object> latest = containerLog();
        latest.put("limit", 1);
        return orks.cachedCompute(CONTAINER, List.of(container), refresh,
                List.of(things, new OrkCall(OrkMethod.TAIL_LOG, latest)), replies -> {
                    CallReplies devices = replies.getFirst();
                    return MetricViews.container(container, ThingLists.flatten(devices.answers()),
                            ContainerStats.latest(replies.get(1).answers(), container), devices.truncated());
                });
    }

    /** The daily store read, or no call for a range in the future (its answer is the empty shape). */
    private static List<OrkCall> rangeAggr(DailyAggregates daily) {
        return daily.keys().isEmpty() ? List.of()
                : List.of(new OrkCall(OrkMethod.TAIL_LOG_CUSTOM_RANGE_AGGR, Map.of("keys", daily.request())));
    }

    /** The miners' {@code stat-3h} log over the range, bucketed as the interval says. */
    private static OrkCall minerLog(TimeRange range, List<String> fields, MetricInterval interval, boolean average) {
        Map<String, Object> payload = log(MetricInterval.KEY, MINER, "t-miner", fields);
        ranged(payload, range, interval, average);
        return new OrkCall(OrkMethod.TAIL_LOG, payload);
    }

    private static Map<String, Object> log(String key, String type, String tag, List<String> fields) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("key", key);
        payload.put("type", type);
        payload.put("tag", tag);
        payload.put("aggrFields", fields(fields.toArray(String[]::new)));
        return payload;
    }

    private static void ranged(Map<String, Object> payload, TimeRange range, MetricInterval interval,
                               boolean average) {
        if (interval.groupRange() != null) {
            payload.put("groupRange", interval.groupRange());
        }
        if (average) {
            payload.put("shouldCalculateAvg", true);
        }
        payload.put("start", range.start());
        payload.put("end", range.end());
    }

    private static Map<String, Object> containerLog() {
        return log("stat-5m", "container", "t-container", List.of(ContainerStats.FIELD));
    }

    private static Map<String, Object> tagged(String tag) {
        return Map.of("tags", Map.of("$in", List.of(tag)));
    }

    private static Map<String, Object> fields(String... names) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : names) {
            out.put(name, 1);
        }
        return out;
    }

    private static List<String> identity(TimeRange range) {
        return List.of(Long.toString(range.start()), Long.toString(range.end()));
    }

    /** Today's answer changes with the day: the range's last day so far is part of the key. */
    private static List<String> withLastDay(List<String> identity, List<Long> days) {
        List<String> key = new ArrayList<>(identity);
        key.add(days.isEmpty() ? "-" : Long.toString(days.getLast()));
        return key;
    }
}
