package io.miningos.gateway.adapters.ork.sim;

import io.miningos.gateway.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The numbers the dashboard draws agree with each other: live stats with the things' own values, series with
 * recomputation, the daily store with the 5-minute log, pools with the miners mining on them.
 */
class SimConsistencyTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-07-01T14:03:20Z"));
    private final SimOrk ork = new SimOrk(SimOptions.parse("c", Map.of("seed", 5, "miners", 500, "persist", false)),
            clock, null);

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    private Map<String, Object> rtd(String type, Map<String, Object> aggrFields) {
        return map(list(ork.handle("tailLog", Map.of("type", type, "key", "stat-rtd", "tag", "t-" + type,
                "aggrFields", aggrFields))).get(0));
    }

    @Test
    void liveHashrateAndPowerAreTheSumsOfTheMinersOwnValues() {
        double hash = 0;
        double power = 0;
        int online = 0;
        for (Object o : list(ork.handle("listThings", Map.of("query", Map.of("tags", "t-miner"), "status", 1,
                "fields", Map.of("last.snap.stats", 1), "limit", 10_000)))) {
            Map<String, Object> stats = map(map(map(map(o).get("last")).get("snap")).get("stats"));
            if (stats.get("hashrate_mhs") instanceof Map<?, ?> hr) {
                hash += num(hr.get("t_5m"));
            }
            if (stats.get("power_w") != null) {
                power += num(stats.get("power_w"));
            }
            if ("mining".equals(stats.get("status"))) {
                online++;
            }
        }
        Map<String, Object> live = rtd("miner", Map.of("hashrate_mhs_1m_sum_aggr", 1, "power_w_sum_aggr", 1,
                "online_or_minor_error_miners_amount_aggr", 1));
        assertEquals(hash, num(live.get("hashrate_mhs_1m_sum_aggr")), hash * 1e-6);
        assertEquals(power, num(live.get("power_w_sum_aggr")), 500 * 1.0);
        assertEquals(online, num(live.get("online_or_minor_error_miners_amount_aggr")), 0.0);
        double sitePower = num(rtd("powermeter", Map.of("site_power_w", 1)).get("site_power_w"));
        assertTrue(sitePower > power * 1.02 && sitePower < power * 1.15, "site " + sitePower + " vs miners " + power);
        double containers = num(rtd("container", Map.of("container_power_w_sum_aggr",
                1)).get("container_power_w_sum_aggr"));
        assertTrue(containers > power && containers < sitePower, containers + " between " + power + " and "
                + sitePower);
    }

    @Test
    void pastTicksReadTheSameEveryTimeAndMatchTheRangeAggregates() {
        long end = clock.millis() - 3_600_000L;
        long start = end - 3_600_000L + 1;
        Map<String, Object> req = Map.of("type", "miner", "key", "stat-5m", "tag", "t-miner", "start", start,
                "end", end, "aggrFields", Map.of("hashrate_mhs_5m_sum_aggr", 1));
        List<Object> first = list(ork.handle("tailLog", req));
        clock.advance(java.time.Duration.ofMinutes(7));
        assertEquals(first, ork.handle("tailLog", req));
        double sum = 0;
        for (Object row : first) {
            sum += num(map(row).get("hashrate_mhs_5m_sum_aggr"));
        }
        Map<String, Object> ranged = map(list(ork.handle("tailLog", Map.of("type", "miner", "key", "stat-5m",
                "tag", "t-miner", "start", start, "end", end, "aggrFields", Map.of("hashrate_mhs_5m_sum_aggr", 1),
                "aggrTimes", List.of(Map.of("start", start, "end", end))))).get(0));
        assertEquals(sum, num(ranged.get("hashrate_mhs_5m_sum_aggr")), sum * 1e-9);
        assertEquals(first.size(), num(ranged.get("aggrIntervals")), 0.0);
    }

    @Test
    void theDailyStoreAddsUpTheFiveMinuteLog() {
        Map<String, Object> day = map(map(list(ork.handle("tailLogCustomRangeAggr", Map.of("keys", List.of(
                Map.of("type", "powermeter", "startDate", "2026-06-29", "endDate",
                        "2026-06-29"))))).get(0)).get("data"));
        long dayStart = Instant.parse("2026-06-29T00:00:00Z").toEpochMilli();
        Map<String, Object> direct = map(list(ork.handle("tailLog", Map.of("type", "powermeter", "key", "stat-5m",
                "tag", "t-powermeter", "start", dayStart, "end", dayStart + 86_399_999L,
                "aggrFields", Map.of("site_power_w", 1),
                "aggrTimes", List.of(Map.of("start", dayStart, "end", dayStart + 86_399_999L))))).get(0));
        assertEquals(num(direct.get("site_power_w")), num(day.get("site_power_w")), 1.0);
        assertEquals(288, num(day.get("aggrIntervals")), 0.0);
        double meanSitePower = num(day.get("site_power_w")) / num(day.get("aggrIntervals"));
        assertTrue(meanSitePower > 1e6, "a 500-miner site draws megawatts: " + meanSitePower);
        List<Object> daily = list(map(list(ork.handle("tailLogCustomRangeAggr", Map.of("keys", List.of(
                Map.of("type", "powermeter", "startDate", "2026-06-28", "endDate", "2026-06-29",
                        "shouldReturnDailyData", true, "fields", Map.of("site_power_w", 1)))))).get(0)).get("data"));
        assertEquals(2, daily.size());
        assertEquals(dayStart, num(map(daily.get(1)).get("ts")), 0.0);
        Map<String, Object> val = map(map(daily.get(1)).get("val"));
        assertEquals(List.of("site_power_w", "aggrCount", "aggrIntervals"), List.copyOf(val.keySet()));
        assertEquals(num(day.get("site_power_w")), num(val.get("site_power_w")), 0.0);
        assertEquals(288, num(val.get("aggrIntervals")), 0.0, "a day's value says how many intervals it sums");
        assertEquals(num(day.get("aggrCount")), num(val.get("aggrCount")), 0.0);
    }

    /** What the UI does with a day of the daily store: a {@code sum} field divided by {@code aggrIntervals}. */
    private static double uiDailyMean(Map<String, Object> val, String field) {
        return num(val.get(field)) / num(val.get("aggrIntervals"));
    }

    @Test
    void theDailyFiguresTheUiComputesMatchTheLiveSiteWithinNoise() {
        List<Object> keys = List.of(
                Map.of("type", "miner", "startDate", "2026-06-30", "endDate", "2026-06-30", "shouldReturnDailyData", 1,
                        "fields", Map.of("hashrate_mhs_5m_sum_aggr", 1)),
                Map.of("type", "miner", "startDate", "2026-06-30", "endDate", "2026-06-30", "shouldReturnDailyData", 1,
                        "fields", Map.of("power_w_sum_aggr", 1, "efficiency_w_ths_avg_aggr", 1)),
                Map.of("type", "powermeter", "startDate", "2026-06-30", "endDate", "2026-06-30",
                        "shouldReturnDailyData", 1, "fields", Map.of("site_power_w", 1)));
        List<Object> answer = list(ork.handle("tailLogCustomRangeAggr", Map.of("keys", keys)));
        Map<String, Object> hashDay = map(map(list(map(answer.get(0)).get("data")).get(0)).get("val"));
        Map<String, Object> powerDay = map(map(list(map(answer.get(1)).get("data")).get(0)).get("val"));
        Map<String, Object> siteDay = map(map(list(map(answer.get(2)).get("data")).get(0)).get("val"));
        Map<String, Object> live = rtd("miner", Map.of("hashrate_mhs_1m_sum_aggr", 1, "power_w_sum_aggr", 1,
                "efficiency_w_ths_avg_aggr", 1));
        double liveSite = num(rtd("powermeter", Map.of("site_power_w", 1)).get("site_power_w"));
        assertNear(num(live.get("hashrate_mhs_1m_sum_aggr")), uiDailyMean(hashDay, "hashrate_mhs_5m_sum_aggr"),
                "hashrate");
        assertNear(num(live.get("power_w_sum_aggr")), uiDailyMean(powerDay, "power_w_sum_aggr"), "miner power");
        assertNear(liveSite, uiDailyMean(siteDay, "site_power_w"), "site power");
        // an avg field is already a mean: no division
        assertNear(num(live.get("efficiency_w_ths_avg_aggr")), num(powerDay.get("efficiency_w_ths_avg_aggr")),
                "efficiency");
    }

    /** Within the site's own variation over a day (offline spells, faults, weather): 10 %. */
    private static void assertNear(double live, double daily, String what) {
        assertTrue(Math.abs(daily / live - 1) < 0.10, what + ": daily mean " + daily + " vs live " + live);
    }

    @Test
    void daysGroupedByGroupRangeAddUpTheTicksTheyGroup() {
        long day = Instant.parse("2026-06-29T00:00:00Z").toEpochMilli();
        Map<String, Object> range = Map.of("type", "miner", "key", "stat-5m", "tag", "t-miner", "start", day,
                "end", day + 86_399_999L);
        List<Object> ticks = list(ork.handle("tailLog", with(range, "aggrFields", Map.of("hashrate_mhs_5m_sum_aggr", 1,
                "online_or_minor_error_miners_amount_aggr", 1, "offline_cnt", 1))));
        assertEquals(288, ticks.size());
        double hash = 0;
        double online = 0;
        Map<String, Double> offline = new java.util.HashMap<>();
        for (Object t : ticks) {
            hash += num(map(t).get("hashrate_mhs_5m_sum_aggr"));
            online += num(map(t).get("online_or_minor_error_miners_amount_aggr"));
            map(map(t).get("offline_cnt")).forEach((c, n) -> offline.merge(c, num(n), Double::sum));
        }
        Map<String, Object> summed = map(list(ork.handle("tailLog", with(with(range, "groupRange", "1D"), "aggrFields",
                Map.of("hashrate_mhs_5m_sum_aggr", 1, "offline_cnt", 1)))).get(0));
        assertEquals(day + "-" + (day + 86_399_999L), summed.get("ts"));
        assertEquals(hash, num(summed.get("hashrate_mhs_5m_sum_aggr")), hash * 1e-9);
        map(summed.get("offline_cnt")).forEach((c, n) -> assertEquals(offline.get(c), num(n), 1e-6, c));
        assertEquals(offline.keySet(), map(summed.get("offline_cnt")).keySet());
        Map<String, Object> averaged = map(list(ork.handle("tailLog", with(with(with(range, "groupRange", "1D"),
                "shouldCalculateAvg", true), "aggrFields", Map.of("online_or_minor_error_miners_amount_aggr", 1))))
                .get(0));
        assertEquals(online / 288, num(averaged.get("online_or_minor_error_miners_amount_aggr")), 0.01);
    }

    private static Map<String, Object> with(Map<String, Object> m, String key, Object value) {
        Map<String, Object> out = new java.util.LinkedHashMap<>(m);
        out.put(key, value);
        return out;
    }

    @Test
    void poolHashrateIsTheHashrateOfTheMinersOnThePool() {
        Map<String, Object> stats = map(list(ork.handle("getWrkExtData", Map.of("type", "minerpool",
                "query", Map.of("key", "stats")))).get(0));
        assertTrue(stats.get("ts") instanceof String, "aggregated ext data has a string ts");
        double poolHashHs = 0;
        long workers = 0;
        for (Object s : list(stats.get("stats"))) {
            poolHashHs += num(map(s).get("hashrate"));
            workers += ((Number) map(s).get("worker_count")).longValue();
        }
        double minersMhs = num(rtd("miner", Map.of("hashrate_mhs_1m_sum_aggr", 1)).get("hashrate_mhs_1m_sum_aggr"));
        assertEquals(minersMhs * 1e6, poolHashHs, minersMhs * 1e6 * 0.05);
        assertEquals(495, workers, "every containerised miner is a pool worker");
        double nominal = num(map(ork.handle("getGlobalConfig", Map.of())).get("nominalSiteHashrate_MHS"));
        assertTrue(minersMhs < nominal && minersMhs > nominal * 0.7, minersMhs + " of nameplate " + nominal);
    }

    @Test
    void crossThingAggregationGroupsPoolWorkersByContainer() {
        Map<String, Object> res = map(list(ork.handle("getWrkExtData", Map.of("type", "minerpool",
                "query", Map.of("key", "workers", "limit", 100), "applyAggrCrossthg", true))).get(0));
        List<Object> byContainer = list(res.get("workers"));
        assertTrue(!byContainer.isEmpty());
        for (Object o : byContainer) {
            Map<String, Object> g = map(o);
            assertTrue(((String) g.get("container")).contains("-"), g.toString());
            assertTrue(num(g.get("active_workers_count")) >= 0);
        }
    }
}
