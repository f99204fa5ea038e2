package io.miningos.gateway.application.analytics;

import io.miningos.gateway.domain.analytics.finance.DailyStat;
import io.miningos.gateway.domain.analytics.metrics.ContainerStats;
import io.miningos.gateway.domain.analytics.metrics.CoolingSeries;
import io.miningos.gateway.domain.analytics.metrics.DailyMetrics;
import io.miningos.gateway.domain.analytics.metrics.GroupedDaily;
import io.miningos.gateway.domain.analytics.metrics.MetricInterval;
import io.miningos.gateway.domain.analytics.metrics.MinerStatusSeries;
import io.miningos.gateway.domain.analytics.metrics.PowerModeSeries;
import io.miningos.gateway.domain.analytics.metrics.PowerModeTimeline;
import io.miningos.gateway.domain.analytics.metrics.TemperatureSeries;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics answers' JSON: field names carry their units (MH/s, W, MWh, W/TH/s, °C), values rounded by the
 * domain's readers, whole numbers written without a fraction.
 */
final class MetricViews {

    private MetricViews() {
    }

    static Map<String, Object> hashrate(List<Long> days, Map<Long, DailyStat> hashrate) {
        List<Object> log = new ArrayList<>();
        for (DailyMetrics.HashrateDay d : DailyMetrics.hashrate(days, hashrate)) {
            log.add(entry("ts", d.ts(), "hashrateMhs", whole(d.hashrateMhs())));
        }
        DailyMetrics.HashrateSummary s = DailyMetrics.hashrateSummary(days, hashrate);
        return answer(log, entry("avgHashrateMhs", whole(s.avgHashrateMhs()), "days", s.days()));
    }

    static Map<String, Object> consumption(List<Long> days, Map<Long, DailyStat> power) {
        List<Object> log = new ArrayList<>();
        for (DailyMetrics.ConsumptionDay d : DailyMetrics.consumption(days, power)) {
            log.add(entry("ts", d.ts(), "powerW", whole(d.powerW()), "consumptionMWh", d.consumptionMWh()));
        }
        DailyMetrics.ConsumptionSummary s = DailyMetrics.consumptionSummary(days, power);
        return answer(log, entry("avgPowerW", whole(s.avgPowerW()), "totalConsumptionMWh", s.totalConsumptionMWh(),
                "days", s.days()));
    }

    /** Every day of the range; a day no ORK reported has no groups ({@code {}}). */
    static Map<String, Object> groupedHashrate(List<Long> days, List<GroupedDaily.Day> read, long now) {
        Map<Long, GroupedDaily.Day> byDay = byDay(days, read);
        List<Object> log = new ArrayList<>();
        for (long day : days) {
            GroupedDaily.Day d = byDay.get(day);
            log.add(entry("ts", day, "hashrateMhs", d == null ? Map.of() : wholes(GroupedDaily.rounded(d.values()))));
        }
        GroupedDaily.Summary s = GroupedDaily.summary(List.copyOf(byDay.values()), false, now);
        Map<String, Object> groups = new LinkedHashMap<>();
        s.groupedBy().forEach((g, v) -> groups.put(g, entry("avgHashrateMhs", whole(v.avg()), "days", v.days())));
        return answer(log, entry("avgHashrateMhs", whole(s.avg()), "days", byDay.size(), "groupedBy", groups));
    }

    static Map<String, Object> groupedConsumption(List<Long> days, List<GroupedDaily.Day> read, long now) {
        Map<Long, GroupedDaily.Day> byDay = byDay(days, read);
        List<Object> log = new ArrayList<>();
        for (long day : days) {
            GroupedDaily.Day d = byDay.get(day);
            log.add(entry("ts", day, "powerW", d == null ? Map.of() : wholes(GroupedDaily.rounded(d.values())),
                    "consumptionMWh", d == null ? Map.of() : GroupedDaily.energyMWh(d, now)));
        }
        GroupedDaily.Summary s = GroupedDaily.summary(List.copyOf(byDay.values()), true, now);
        Map<String, Object> groups = new LinkedHashMap<>();
        s.groupedBy().forEach((g, v) -> groups.put(g, entry("avgPowerW", whole(v.avg()), "totalConsumptionMWh",
                v.energyMWh(), "days", v.days())));
        return answer(log, entry("avgPowerW", whole(s.avg()), "totalConsumptionMWh", s.energyMWh(), "days",
                byDay.size(), "groupedBy", groups));
    }

    /** The days of the range the ORKs reported, in order (a bucket outside the range is not shown). */
    private static Map<Long, GroupedDaily.Day> byDay(List<Long> days, List<GroupedDaily.Day> read) {
        Map<Long, GroupedDaily.Day> reported = new HashMap<>();
        read.forEach(d -> reported.put(d.ts(), d));
        Map<Long, GroupedDaily.Day> out = new LinkedHashMap<>();
        for (long day : days) {
            if (reported.containsKey(day)) {
                out.put(day, reported.get(day));
            }
        }
        return out;
    }

    static Map<String, Object> efficiency(List<Long> days, Map<Long, DailyStat> minerPower,
                                          Map<Long, DailyStat> hashrate, Map<Long, Double> reported) {
        List<DailyMetrics.EfficiencyDay> computed = DailyMetrics.efficiency(days, minerPower, hashrate, reported);
        List<Object> log = new ArrayList<>();
        computed.forEach(d -> log.add(entry("ts", d.ts(), "efficiencyWThs", d.efficiencyWThs())));
        DailyMetrics.EfficiencySummary s = DailyMetrics.efficiencySummary(computed, minerPower, hashrate);
        return answer(log, entry("avgEfficiencyWThs", s.avgEfficiencyWThs(), "days", s.days()));
    }

    static Map<String, Object> minerStatus(List<MinerStatusSeries.Day> days) {
        List<Object> log = new ArrayList<>();
        days.forEach(d -> log.add(entry("ts", d.ts(), "online", d.online(), "offline", d.offline(), "sleep",
                d.sleep(), "error", d.error(), "notMining", d.notMining(), "maintenance", d.maintenance())));
        MinerStatusSeries.Summary s = MinerStatusSeries.summary(days);
        return answer(log, entry("avgOnline", s.avgOnline(), "avgOffline", s.avgOffline(), "avgSleep", s.avgSleep(),
                "avgError", s.avgError(), "avgNotMining", s.avgNotMining(), "avgMaintenance", s.avgMaintenance(),
                "days", days.size()));
    }

    static Map<String, Object> powerMode(MetricInterval interval, List<PowerModeSeries.Point> points) {
        List<Object> log = new ArrayList<>();
        for (PowerModeSeries.Point p : points) {
            Map<String, Object> point = entry("ts", p.ts());
            point.putAll(p.counts());
            log.add(point);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        PowerModeSeries.summary(points).forEach((category, mean) -> summary.put("avg"
                + Character.toUpperCase(category.charAt(0)) + category.substring(1), mean));
        return interval(interval, log, summary);
    }

    static Map<String, Object> timeline(List<PowerModeTimeline.Miner> miners) {
        List<Object> log = new ArrayList<>();
        for (PowerModeTimeline.Miner m : miners) {
            List<Object> segments = new ArrayList<>();
            m.segments().forEach(s -> segments.add(entry("from", s.from(), "to", s.to(), "powerMode", s.powerMode(),
                    "status", s.status())));
            log.add(entry("minerId", m.minerId(), "container", m.container(), "segments", segments));
        }
        return entry("log", log);
    }

    static Map<String, Object> temperature(MetricInterval interval, List<TemperatureSeries.Point> points) {
        List<Object> log = new ArrayList<>();
        for (TemperatureSeries.Point p : points) {
            Map<String, Object> containers = new LinkedHashMap<>();
            p.containers().forEach((name, r) -> containers.put(name, entry("maxC", r.maxC(), "avgC", r.avgC())));
            log.add(entry("ts", p.ts(), "containers", containers, "siteMaxC", p.siteMaxC(), "siteAvgC",
                    p.siteAvgC()));
        }
        TemperatureSeries.Summary s = TemperatureSeries.summary(points);
        return interval(interval, log, entry("avgMaxTemp", s.avgMaxTemp(), "avgAvgTemp", s.avgAvgTemp(),
                "peakTemp", s.peakTemp()));
    }

    static Map<String, Object> cooling(MetricInterval interval, List<CoolingSeries.Point> points) {
        List<Object> log = new ArrayList<>();
        for (CoolingSeries.Point p : points) {
            log.add(entry("ts", p.ts(), "minerSupplyTempC", p.minerSupplyTempC(), "minerReturnTempC",
                    p.minerReturnTempC(), "minerDeltaTC", p.minerDeltaTC(), "minerFlowM3h", p.minerFlowM3h(),
                    "systemPressureBar", p.systemPressureBar(), "hvacSupplyTempC", p.hvacSupplyTempC(),
                    "hvacReturnTempC", p.hvacReturnTempC(), "chillerUptimePct", p.chillerUptimePct(),
                    "towersRunning", p.towersRunning(), "pumpsRunning", p.pumpsRunning()));
        }
        CoolingSeries.Summary s = CoolingSeries.summary(points);
        return interval(interval, log, entry("avgMinerSupplyTempC", s.avgMinerSupplyTempC(), "avgMinerReturnTempC",
                s.avgMinerReturnTempC(), "avgMinerDeltaTC", s.avgMinerDeltaTC(), "avgMinerFlowM3h",
                s.avgMinerFlowM3h(), "avgSystemPressureBar", s.avgSystemPressureBar(), "avgHvacSupplyTempC",
                s.avgHvacSupplyTempC(), "avgHvacReturnTempC", s.avgHvacReturnTempC(), "chillerUptimePct",
                s.chillerUptimePct()));
    }

    static Map<String, Object> containerHistory(List<ContainerStats.Point> points) {
        List<Object> log = new ArrayList<>();
        for (ContainerStats.Point p : points) {
            Map<String, Object> point = entry("ts", p.ts());
            p.stats().forEach(point::putIfAbsent);
            log.add(point);
        }
        return entry("log", log);
    }

    /** The container's things ({@code devices}), its miners among them, and its latest stats. */
    static Map<String, Object> container(String id, List<Map<String, Object>> things, Map<String, Object> telemetry,
                                         boolean truncated) {
        List<Object> miners = new ArrayList<>();
        for (Map<String, Object> thing : things) {
            if (thing.get("tags") instanceof List<?> tags && tags.contains("t-miner")) {
                miners.add(thing);
            }
        }
        return entry("id", id, "devices", things, "miners", miners, "telemetry", telemetry, "truncated", truncated);
    }

    private static Map<String, Object> answer(List<Object> log, Map<String, Object> summary) {
        return entry("log", log, "summary", summary);
    }

    private static Map<String, Object> interval(MetricInterval interval, List<Object> log,
                                                Map<String, Object> summary) {
        return entry("interval", interval.text(), "log", log, "summary", summary);
    }

    /** A JSON object in the order given (values may be null). */
    static Map<String, Object> entry(Object... pairs) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], pairs[i + 1]);
        }
        return out;
    }

    /** A whole number of MH/s or W as an integer (JSON {@code 1200000}, not {@code 1200000.0}). */
    static Long whole(Double value) {
        return value == null ? null : Math.round(value);
    }

    private static Map<String, Object> wholes(Map<String, Double> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((g, v) -> out.put(g, whole(v)));
        return out;
    }
}
