package io.miningos.gateway.domain.analytics.metrics;

import io.miningos.gateway.domain.analytics.TimeRange;
import io.miningos.gateway.domain.analytics.finance.DailyStat;
import io.miningos.gateway.domain.error.DomainException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.miningos.gateway.domain.analytics.FixedSite.DAY1;
import static io.miningos.gateway.domain.analytics.FixedSite.DAY2;
import static io.miningos.gateway.domain.analytics.FixedSite.DAY3;
import static io.miningos.gateway.domain.analytics.FixedSite.NOW;
import static io.miningos.gateway.domain.analytics.Json.answers;
import static io.miningos.gateway.domain.analytics.Json.arr;
import static io.miningos.gateway.domain.analytics.Json.dec;
import static io.miningos.gateway.domain.analytics.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MetricsTest {

    static final long DAY = 86_400_000L;
    static final List<Long> DAYS = List.of(DAY1, DAY2, DAY3);

    /** A {@code groupRange: "1D"} bucket label. */
    static String bucket(long day) {
        return day + "-" + (day + DAY - 1);
    }

    @Test
    void dailyHashrateAndConsumptionAreMeansWithEveryDayListed() {
        // day 1: 60 PH/s and 1.2 MW; day 2: 50 PH/s and 1.19 MW; day 3: nothing
        Map<Long, DailyStat> hashrate = Map.of(DAY1, new DailyStat(6e10, 288 * 6e10),
                DAY2, new DailyStat(5e10, 288 * 5e10));
        Map<Long, DailyStat> power = Map.of(DAY1, new DailyStat(1_200_000, 345_600_000),
                DAY2, new DailyStat(1_190_000, 342_720_000));
        assertEquals(List.of(new DailyMetrics.HashrateDay(DAY1, 6e10), new DailyMetrics.HashrateDay(DAY2, 5e10),
                new DailyMetrics.HashrateDay(DAY3, null)), DailyMetrics.hashrate(DAYS, hashrate));
        assertEquals(new DailyMetrics.HashrateSummary(5.5e10, 2), DailyMetrics.hashrateSummary(DAYS, hashrate));
        assertEquals(List.of(new DailyMetrics.ConsumptionDay(DAY1, 1_200_000.0, 28.8),
                new DailyMetrics.ConsumptionDay(DAY2, 1_190_000.0, 28.56),
                new DailyMetrics.ConsumptionDay(DAY3, null, null)), DailyMetrics.consumption(DAYS, power));
        assertEquals(new DailyMetrics.ConsumptionSummary(1_195_000.0, 57.36, 2),
                DailyMetrics.consumptionSummary(DAYS, power));
        assertEquals(new DailyMetrics.ConsumptionSummary(null, null, 0),
                DailyMetrics.consumptionSummary(DAYS, Map.of()));
    }

    @Test
    void efficiencyIsMinerPowerOverHashrateFallingBackToTheReportedMean() {
        Map<Long, DailyStat> minerPower = Map.of(DAY1, new DailyStat(1_140_000, 0), DAY2,
                new DailyStat(1_100_000, 0));
        Map<Long, DailyStat> hashrate = Map.of(DAY1, new DailyStat(6e10, 0), DAY2, new DailyStat(5e10, 0));
        // 1,140,000 W / 60,000 TH/s = 19; 1,100,000 / 50,000 = 22; day 3 only has the store's mean 25.4
        List<DailyMetrics.EfficiencyDay> log = DailyMetrics.efficiency(DAYS, minerPower, hashrate,
                Map.of(DAY3, 25.4, DAY1, 99.0));
        assertEquals(List.of(new DailyMetrics.EfficiencyDay(DAY1, 19.0), new DailyMetrics.EfficiencyDay(DAY2, 22.0),
                new DailyMetrics.EfficiencyDay(DAY3, 25.4)), log);
        // measured and reported days mixed: the mean of the daily values, (19 + 22 + 25.4) / 3
        assertEquals(new DailyMetrics.EfficiencySummary(22.13, 3),
                DailyMetrics.efficiencySummary(log, minerPower, hashrate));
        // measured days only: all power over all hashrate, 2,240,000 / 110,000 = 20.36
        List<DailyMetrics.EfficiencyDay> measured = log.subList(0, 2);
        assertEquals(new DailyMetrics.EfficiencySummary(20.36, 2),
                DailyMetrics.efficiencySummary(measured, minerPower, hashrate));
        assertEquals(new DailyMetrics.EfficiencySummary(null, 0), DailyMetrics.efficiencySummary(
                DailyMetrics.efficiency(DAYS, Map.of(), Map.of(), Map.of()), Map.of(), Map.of()));
    }

    @Test
    void groupedDailyValuesAddUpOverOrksAndGiveEnergy() {
        Object ork1 = arr(obj("ts", bucket(DAY1), "power_w_container_group_sum_aggr",
                        obj("group-1", 600_000, "group-2", 590_000)),
                obj("ts", bucket(DAY2), "power_w_container_group_sum_aggr", obj("group-1", 610_000)));
        Object ork2 = arr(obj("ts", bucket(DAY1), "power_w_container_group_sum_aggr", obj("group-3", 100_000)));
        List<GroupedDaily.Day> days = GroupedDaily.read(answers(ork1, ork2), "power_w_container_group_sum_aggr",
                Set.of());
        assertEquals(List.of(new GroupedDaily.Day(DAY1, Map.of("group-1", 600_000.0, "group-2", 590_000.0,
                "group-3", 100_000.0)), new GroupedDaily.Day(DAY2, Map.of("group-1", 610_000.0))), days);
        GroupedDaily.Summary s = GroupedDaily.summary(days, true, NOW);
        // group-1: (600,000 + 610,000) / 2 W; (600,000 + 610,000) W × 24 h = 29.04 MWh
        assertEquals(new GroupedDaily.Group(605_000.0, 29.04, 2), s.groupedBy().get("group-1"));
        assertEquals(new GroupedDaily.Group(100_000.0, 2.4, 1), s.groupedBy().get("group-3"));
        // site: days' sums 1,290,000 and 610,000 W
        assertEquals(950_000.0, s.avg());
        assertEquals(45.6, s.energyMWh());
        assertEquals(Map.of("group-1", 14.64), GroupedDaily.energyMWh(days.get(1), DAY2 + DAY));
        // seen at 06:00 of day 2, day 2 has had 6 hours: 610,000 W × 6 h
        assertEquals(Map.of("group-1", 3.66), GroupedDaily.energyMWh(days.get(1), DAY2 + 6 * 3_600_000L));
        assertEquals(List.of(new GroupedDaily.Day(DAY1, Map.of("group-2", 590_000.0))),
                GroupedDaily.read(answers(ork1), "power_w_container_group_sum_aggr", Set.of("group-2")));
        assertEquals(new GroupedDaily.Summary(null, null, Map.of()), GroupedDaily.summary(List.of(), true, NOW));
    }

    @Test
    void groupByAndRacksAreValidated() {
        assertNull(GroupedDaily.GroupBy.parse(""));
        assertEquals(GroupedDaily.GroupBy.RACK, GroupedDaily.GroupBy.parse("rack"));
        assertEquals("ERR_GROUPBY_INVALID",
                assertThrows(DomainException.class, () -> GroupedDaily.GroupBy.parse("site")).code());
        assertEquals(Set.of("group-1_rack-1", "group-2_rack-1"), GroupedDaily.parseRacks(" group-1_rack-1,,group-2_rack-1 "));
        assertEquals("ERR_RACKS_INVALID", assertThrows(DomainException.class,
                () -> GroupedDaily.parseRacks("r,".repeat(1_001))).code());
    }

    @Test
    void minerStatusCountsOnlineAsNotInAnyOtherState() {
        Object ork1 = arr(obj("ts", bucket(DAY1), "type_cnt", obj("miner-am-s21", 80),
                        "offline_cnt", obj("group-1", 2), "power_mode_sleep_cnt", obj("group-1", dec("1.5")),
                        "error_cnt", obj("group-1", dec("0.5")), "maintenance_type_cnt", obj("miner-am-s21", 3)),
                obj("ts", bucket(DAY2), "type_cnt", obj("miner-am-s21", 80)));
        Object ork2 = arr(obj("ts", bucket(DAY1), "type_cnt", obj("miner-wm-m56s", 40), "offline_cnt",
                obj("group-2", 1)));
        List<MinerStatusSeries.Day> days = MinerStatusSeries.read(answers(ork1, ork2));
        // day 1: 120 counted − 3 offline − 1.5 asleep − 0.5 in error = 115 online; maintenance (3) is not in 120
        assertEquals(List.of(new MinerStatusSeries.Day(DAY1, 115, 3, 1.5, 0.5, 0, 3),
                new MinerStatusSeries.Day(DAY2, 80, 0, 0, 0, 0, 0)), days);
        assertEquals(new MinerStatusSeries.Summary(97.5, 1.5, 0.75, 0.25, 0.0, 1.5), MinerStatusSeries.summary(days));
        assertEquals(new MinerStatusSeries.Summary(null, null, null, null, null, null),
                MinerStatusSeries.summary(List.of()));
    }

    @Test
    void powerModesCountEachMinerOnceInOneCategory() {
        Object ork1 = arr(obj("ts", DAY1,
                "power_mode_group_aggr", obj("c1-1_1", "normal", "c1-1_2", "low", "c1-1_3", "high", "c1-1_4", "normal",
                        "c1-1_5", "turbo", "c1-1_6", "normal"),
                "status_group_aggr", obj("c1-1_1", "mining", "c1-1_2", "mining", "c1-1_3", "offline",
                        "c1-1_4", "error", "c1-1_5", "mining", "c1-1_6", "idle")));
        Object ork2 = arr(obj("ts", DAY1, "power_mode_group_aggr", obj("c2-1_1", "sleep"),
                "status_group_aggr", obj("c2-1_1", "sleeping")),
                obj("ts", DAY1 + 10_800_000L, "power_mode_group_aggr", obj("c2-1_1", "high")));
        List<PowerModeSeries.Point> points = PowerModeSeries.read(answers(ork1, ork2), MetricInterval.HOUR);
        assertEquals(2, points.size());
        assertEquals(Map.of("low", 1, "normal", 1, "high", 0, "sleep", 1, "offline", 1, "notMining", 1,
                "maintenance", 0, "error", 1, "unknown", 1), points.get(0).counts());
        assertEquals(1, points.get(1).counts().get("high")); // no status: its mode decides
        Map<String, Double> summary = PowerModeSeries.summary(points);
        assertEquals(0.5, summary.get("low"));
        assertEquals(1.0, summary.get("sleep") + summary.get("high")); // 0.5 + 0.5
        assertNull(PowerModeSeries.summary(List.of()).get("normal"));
    }

    @Test
    void timelineSegmentsAndTheContainerIsTheLongestKnownPrefix() {
        long t0 = DAY1;
        long t1 = t0 + 10_800_000L;
        long t2 = t1 + 10_800_000L;
        long t3 = t2 + 10_800_000L;
        Object ork = arr(
                obj("ts", t0, "power_mode_group_aggr", obj("bitdeer-7b-2-3_b2", "normal"),
                        "status_group_aggr", obj("bitdeer-7b-2-3_b2", "mining")),
                obj("ts", t2, "power_mode_group_aggr", obj("bitdeer-7b-2-3_b2", "low"),
                        "status_group_aggr", obj("bitdeer-7b-2-3_b2", "mining")),
                obj("ts", t1, "power_mode_group_aggr", obj("bitdeer-7b-2-3_b2", "normal", "microbt-2-4_13", ""),
                        "status_group_aggr", obj("bitdeer-7b-2-3_b2", "mining")),
                obj("ts", t3, "power_mode_group_aggr", obj("bitdeer-7b-2-3_b2", "low"),
                        "status_group_aggr", obj("bitdeer-7b-2-3_b2", "mining")));
        List<PowerModeTimeline.Miner> miners = PowerModeTimeline.read(answers(ork), List.of("bitdeer-7b", "microbt-2"),
                null);
        assertEquals(new PowerModeTimeline.Miner("bitdeer-7b-2-3_b2", "bitdeer-7b", List.of(
                new PowerModeTimeline.Segment(t0, t2, "normal", "mining"),
                new PowerModeTimeline.Segment(t2, t3, "low", "mining"))), miners.get(0));
        assertEquals(new PowerModeTimeline.Miner("microbt-2-4_13", "microbt-2", List.of(
                new PowerModeTimeline.Segment(t1, t1, "unknown", "unknown"))), miners.get(1));
        assertEquals(List.of("microbt-2-4_13"), PowerModeTimeline.read(answers(ork), List.of(), "microbt-2")
                .stream().map(PowerModeTimeline.Miner::minerId).toList()); // without known names: last "-"
    }

    @Test
    void temperaturesPerContainerAndSite() {
        long t2 = DAY1 + 10_800_000L;
        Object ork1 = arr(obj("ts", DAY1, "temperature_c_group_max_aggr", obj("group-1", 78, "group-2", 74),
                        "temperature_c_group_avg_aggr", obj("group-1", dec("66.2"), "group-2", dec("64.8"))),
                obj("ts", t2, "temperature_c_group_max_aggr", obj("group-1", 79),
                        "temperature_c_group_avg_aggr", obj("group-1", 66)));
        Object ork2 = arr(obj("ts", DAY1, "temperature_c_group_max_aggr", obj("group-3", 80)));
        List<TemperatureSeries.Point> points = TemperatureSeries.read(answers(ork1, ork2), MetricInterval.HOUR, null);
        TemperatureSeries.Point p1 = points.getFirst();
        assertEquals(new TemperatureSeries.Reading(80.0, null), p1.containers().get("group-3"));
        assertEquals(80.0, p1.siteMaxC());
        assertEquals(65.5, p1.siteAvgC()); // (66.2 + 64.8) / 2; group-3 reported no mean
        // means of site max (80, 79) and site mean (65.5, 66), and the peak
        assertEquals(new TemperatureSeries.Summary(79.5, 65.8, 80.0), TemperatureSeries.summary(points));
        List<TemperatureSeries.Point> one = TemperatureSeries.read(answers(ork1, ork2), MetricInterval.HOUR,
                "group-2");
        assertEquals(74.0, one.getFirst().siteMaxC());
        assertEquals(new TemperatureSeries.Summary(null, null, null), TemperatureSeries.summary(List.of()));
    }

    @Test
    void coolingPointsAreRoundedAndAveraged() {
        Object ork = arr(obj("ts", bucket(DAY1), "miner_supply_temp_c", dec("37.14"), "miner_return_temp_c",
                        dec("44.81"), "miner_flow_m3h", dec("384.12"), "system_pressure_bar", dec("2.8"),
                        "hvac_supply_temp_c", dec("7.2"), "hvac_return_temp_c", dec("13.8"),
                        "chiller_running", dec("0.958"), "towers_running", 2, "pumps_running", 7),
                obj("ts", bucket(DAY2), "aggrFields", obj("miner_supply_temp_c", 37, "miner_return_temp_c", 45)));
        List<CoolingSeries.Point> points = CoolingSeries.read(answers(ork), MetricInterval.DAY);
        // Δt = 44.81 − 37.14 = 7.67 → 7.7; the chiller ran 95.8 % of the time
        assertEquals(new CoolingSeries.Point(DAY1, 37.1, 44.8, 7.7, 384.1, 2.8, 7.2, 13.8, 95.8, 2.0, 7.0),
                points.get(0));
        assertEquals(new CoolingSeries.Point(DAY2, 37.0, 45.0, 8.0, null, null, null, null, null, null, null),
                points.get(1));
        // (37.1 + 37) / 2 = 37.05 → 37.1; (7.7 + 8) / 2 = 7.85 → 7.9
        assertEquals(new CoolingSeries.Summary(37.1, 44.9, 7.9, 384.1, 2.8, 7.2, 13.8, 95.8),
                CoolingSeries.summary(points));
    }

    @Test
    void containerStatsAreFoundByNameOrPrefix() {
        Object ork = arr(obj("ts", DAY2, "container_specific_stats_group_aggr",
                        obj("bitdeer-7b", obj("cold_temp_c_1_group", dec("38.2")))),
                obj("ts", DAY1, "container_specific_stats_group_aggr",
                        obj("bitdeer-7b-x", obj("cold_temp_c_1_group", 37))),
                obj("ts", DAY3, "container_specific_stats_group_aggr", obj("other", obj())));
        List<ContainerStats.Point> history = ContainerStats.history(answers(ork), "bitdeer-7b");
        assertEquals(List.of(new ContainerStats.Point(DAY1, obj("cold_temp_c_1_group", 37)),
                new ContainerStats.Point(DAY2, obj("cold_temp_c_1_group", dec("38.2")))), history);
        assertEquals(obj("cold_temp_c_1_group", dec("38.2")), ContainerStats.latest(answers(ork), "bitdeer-7b"));
        Object realTime = arr(obj("container_specific_stats_group_aggr", obj("microbt-2", obj("t2", 34))));
        assertEquals(obj("t2", 34), ContainerStats.latest(answers(realTime), "microbt-2"));
        assertNull(ContainerStats.latest(answers(arr()), "x"));
    }

    @Test
    void intervalsResolveFromTheRequestOrTheRangeLength() {
        TimeRange twoDays = TimeRange.of(DAY1, DAY1 + 2 * DAY, Duration.ofDays(366));
        TimeRange threeDays = TimeRange.of(DAY1, DAY1 + 3 * DAY, Duration.ofDays(366));
        TimeRange quarter = TimeRange.of(DAY1, DAY1 + 91 * DAY, Duration.ofDays(366));
        assertEquals(MetricInterval.HOUR, MetricInterval.resolve(null, twoDays));
        assertEquals(MetricInterval.DAY, MetricInterval.resolve("", threeDays));
        assertEquals(MetricInterval.WEEK, MetricInterval.resolve(null, quarter));
        assertEquals(MetricInterval.DAY, MetricInterval.resolve("daily", quarter));
        assertEquals("1W", MetricInterval.resolve("1w", twoDays).groupRange());
        assertEquals("ERR_INTERVAL_INVALID",
                assertThrows(DomainException.class, () -> MetricInterval.resolve("2h", twoDays)).code());
    }
}
