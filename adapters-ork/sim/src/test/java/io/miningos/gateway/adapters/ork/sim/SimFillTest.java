package io.miningos.gateway.adapters.ork.sim;

import io.miningos.gateway.adapters.ork.sim.rpc.Deadline;
import io.miningos.gateway.adapters.ork.sim.stats.Rollups;
import io.miningos.gateway.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The background filling (today so far, the last weeks' day sums, then the extended data of the first visits) ends,
 * and what it computed ahead answers exactly as computing on demand does.
 */
class SimFillTest {

    private static final Instant NOW = Instant.parse("2026-06-12T15:42:10Z");

    private static SimOrk ork() {
        return new SimOrk(SimOptions.parse("f", Map.of("seed", 4, "miners", 60, "persist", false)),
                new MutableClock(NOW), null);
    }

    private static List<Object> reads(SimOrk ork) {
        long now = NOW.toEpochMilli();
        Object week = ork.handle("tailLog", Map.of("key", "stat-5m", "type", "miner", "tag", "t-miner",
                "groupRange", "1D", "start", now - 7 * Rollups.DAY, "end", now, "aggrFields",
                Map.of("hashrate_mhs_5m_sum_aggr", 1, "hashrate_mhs_5m_type_group_sum_aggr", 1)));
        Object month = ork.handle("tailLogCustomRangeAggr", Map.of("keys", List.of(Map.of("type", "powermeter",
                "startDate", "2026-05-12T00:00:00Z", "endDate", "2026-06-11T23:59:59Z",
                "fields", Map.of("site_power_w", 1), "shouldReturnDailyData", 1))));
        Object energy = ork.handle("getWrkExtData", Map.of("type", "electricity", "query", Map.of("key",
                "stats-history", "start", now - 30 * Rollups.DAY, "end", now, "groupRange", "1D")));
        Object pool = ork.handle("getWrkExtData", Map.of("type", "minerpool", "query", Map.of("key",
                "stats-history", "start", now - Rollups.DAY, "end", now)));
        return List.of(week, month, energy, pool);
    }

    @Test
    void theFillingEndsAndAnswersAsComputingOnDemandDoes() {
        SimOrk filled = ork();
        int steps = 0;
        while (filled.fillRollups(Deadline.NONE)) {
            steps++;
            assertTrue(steps <= Rollups.FILL_DAYS + 1, "one step per day, today included");
        }
        assertEquals(Rollups.FILL_DAYS + 1, steps, "today so far and " + Rollups.FILL_DAYS + " complete days");
        assertFalse(filled.fillRollups(Deadline.NONE), "nothing left");
        assertTrue(filled.rollupBytes() > 0);
        assertEquals(reads(ork()), reads(filled));
    }
}
