package io.miningos.gateway.application.logs.port.in;

import io.miningos.gateway.domain.error.DomainException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReadCostTest {

    private static final long NOW = Instant.parse("2026-11-29T12:00:00Z").toEpochMilli();
    private static final long DAY = 86_400_000L;

    private static Map<String, Object> params(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static String refusal(Runnable read) {
        return assertThrows(DomainException.class, read::run).code();
    }

    private static void tailLog(Object... pairs) {
        new TailLogQuery(params(pairs)).requireAffordable(NOW);
    }

    @Test
    void keysNameTheirInterval() {
        assertEquals(300_000, ReadCost.intervalOf("stat-5m"));
        assertEquals(10_800_000, ReadCost.intervalOf("stat-3h"));
        assertEquals(DAY, ReadCost.intervalOf("stat-1D"));
        assertEquals(20_000, ReadCost.intervalOf("stat-20s"));
        assertEquals(60_000, ReadCost.intervalOf("stat-rtd"), "no interval in the name: counted as one minute");
        assertEquals(60_000, ReadCost.intervalOf("stat-transactions"));
    }

    @Test
    void theReadsThatFroze() {
        // The requests: each made every route stop answering.
        assertEquals("ERR_RANGE_TOO_LARGE", refusal(() -> tailLog("key", "stat-5m", "type", "miner", "start", 0L,
                "end", NOW)));
        assertEquals("ERR_RANGE_TOO_LARGE", refusal(() -> tailLog("key", "stat-5m", "start", NOW - 30 * DAY,
                "end", NOW)));
        assertEquals("ERR_RANGE_TOO_LARGE", refusal(() -> tailLog("key", "stat-3h", "groupRange", "1D",
                "start", 0L)));
        assertEquals("ERR_RANGE_TOO_LARGE", refusal(() -> tailLog("key", "stat-5m", "end", NOW)),
                "a missing start is 0");
        List<Object> keys = List.of(Map.of("key", "stat-5m", "type", "miner"),
                Map.of("key", "stat-5m", "type", "powermeter"));
        assertEquals("ERR_RANGE_TOO_LARGE", refusal(() -> new TailLogMultiQuery(params("keys", keys,
                "start", NOW - 30 * DAY, "end", NOW)).requireAffordable(NOW)));
        assertEquals("ERR_RANGE_TOO_LARGE", refusal(() -> new RangeAggrQuery(List.of(
                Map.of("type", "miner", "startDate", 0, "endDate", NOW)))));
    }

    @Test
    void whatTheUiReadsStillGoesThrough() {
        // hashrate report: 30 days of stat-5m grouped by day, no limit; beyond 30 days stat-3h by week
        assertDoesNotThrow(() -> tailLog("key", "stat-5m", "groupRange", "1D", "start", NOW - 31 * DAY,
                "end", NOW));
        assertDoesNotThrow(() -> tailLog("key", "stat-3h", "groupRange", "1W", "start", NOW - 366 * DAY,
                "end", NOW));
        // line charts: 288 entries of any range; yesterday's aggregate; realtime polls
        assertDoesNotThrow(() -> tailLog("key", "stat-5m", "limit", 288L, "start", 0L, "end", NOW));
        assertDoesNotThrow(() -> tailLog("key", "stat-5m", "aggrTimes", List.of(Map.of("start", 1, "end", 2)),
                "start", NOW - DAY, "end", NOW));
        assertDoesNotThrow(() -> tailLog("key", "stat-rtd", "limit", 1L, "start", NOW));
        assertDoesNotThrow(() -> tailLog("key", "stat-5m", "limit", 10_080L, "start", 0L));
        assertDoesNotThrow(() -> tailLog("key", "stat-5m"), "no range: the ORK's default of 100 entries");
        // a month of daily means, one range-aggr key per type
        assertDoesNotThrow(() -> new RangeAggrQuery(List.of(
                Map.of("type", "miner", "startDate", "2026-11-01T00:00:00Z", "endDate", "2026-11-28T23:59:59Z"),
                Map.of("type", "powermeter", "startDate", "2026-11-01", "endDate", "2026-11-28"))));
    }

    @Test
    void rangesWithoutLimitAreBoundedByWhetherTheOrkGroupsThem() {
        long sevenDays = 2_015 * 300_000L; // 2,016 ticks of stat-5m, ends included
        assertDoesNotThrow(() -> tailLog("key", "stat-5m", "start", NOW - sevenDays, "end", NOW));
        assertEquals("ERR_RANGE_TOO_LARGE", refusal(() -> tailLog("key", "stat-5m",
                "start", NOW - sevenDays - 300_000, "end", NOW)));
        long thirtyFiveDays = 10_079 * 300_000L;
        assertDoesNotThrow(() -> tailLog("key", "stat-5m", "groupRange", "1D", "start", NOW - thirtyFiveDays));
        assertEquals("ERR_RANGE_TOO_LARGE", refusal(() -> tailLog("key", "stat-5m", "groupRange", "1D",
                "start", NOW - thirtyFiveDays - 300_000)));
    }

    @Test
    void aggrTimesAndMultiKeysAreCounted() {
        List<Object> ranges = new ArrayList<>();
        for (int i = 0; i <= ReadCost.MAX_AGGR_TIMES; i++) {
            ranges.add(Map.of("start", i, "end", i + 1));
        }
        assertEquals("ERR_AGGRTIMES_TOO_LARGE", refusal(() -> tailLog("key", "stat-5m", "aggrTimes", ranges,
                "limit", 1L)));
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i <= ReadCost.MAX_MULTI_KEYS; i++) {
            keys.add(Map.of("key", "stat-rtd", "type", "t" + i));
        }
        assertEquals("ERR_KEYS_TOO_LARGE", refusal(() -> new TailLogMultiQuery(params("keys", keys))));
        // the keys' costs add up; a key's own range counts unless the shared parameters override it
        List<Object> twoWeeks = List.of(Map.of("key", "stat-5m", "start", NOW - 4 * DAY),
                Map.of("key", "stat-5m", "start", NOW - 4 * DAY));
        assertEquals("ERR_RANGE_TOO_LARGE", refusal(() -> new TailLogMultiQuery(params("keys", twoWeeks))
                .requireAffordable(NOW)));
        assertDoesNotThrow(() -> new TailLogMultiQuery(params("keys", twoWeeks, "limit", 288L))
                .requireAffordable(NOW));
    }

    @Test
    void rangeAggrKeysSpanAtMostAYearAndAreFew() {
        assertDoesNotThrow(() -> new RangeAggrQuery(List.of(
                Map.of("type", "miner", "startDate", "2025-01-01", "endDate", "2026-01-01"))));
        assertEquals("ERR_RANGE_TOO_LARGE", refusal(() -> new RangeAggrQuery(List.of(
                Map.of("type", "miner", "startDate", "2025-01-01", "endDate", "2026-01-03")))));
        assertEquals("ERR_RANGE_TOO_LARGE", refusal(() -> new RangeAggrQuery(List.of(
                Map.of("type", "miner", "startDate", "1970-01-01T00:00:00.000Z", "endDate", "2026-11-29")))));
        assertDoesNotThrow(() -> new RangeAggrQuery(List.of(
                Map.of("type", "miner", "startDate", "someday", "endDate", "2026-11-29"))),
                "a date the gateway cannot read costs nothing: the ORK answers that key's error");
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i <= ReadCost.MAX_RANGE_KEYS; i++) {
            keys.add(Map.of("type", "miner", "startDate", "2026-11-01", "endDate", "2026-11-02"));
        }
        assertEquals("ERR_KEYS_TOO_LARGE", refusal(() -> new RangeAggrQuery(keys)));
    }

    @Test
    void historyLogGetsADefaultLimitAndABoundedOne() {
        assertEquals(1_000L, new HistoryLogQuery(params("logType", "alerts")).params().get("limit"));
        assertEquals(50L, new HistoryLogQuery(params("logType", "alerts", "limit", 50L)).params().get("limit"));
        assertEquals("ERR_LIMIT_INVALID", refusal(() -> new HistoryLogQuery(params("logType", "alerts",
                "limit", 10_001L))));
        assertEquals("ERR_LIMIT_INVALID", refusal(() -> new HistoryLogQuery(params("logType", "alerts",
                "limit", 0L))), "0 would read as no limit at all to a JavaScript ORK");
    }
}
