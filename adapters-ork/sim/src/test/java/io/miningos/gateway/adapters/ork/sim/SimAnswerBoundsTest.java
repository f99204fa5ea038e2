package io.miningos.gateway.adapters.ork.sim;

import io.miningos.gateway.adapters.ork.sim.rpc.OrkError;
import io.miningos.gateway.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** One call's answer is bounded: reads that would build hundreds of megabytes are refused before any work. */
class SimAnswerBoundsTest {

    private static final long DAY = 86_400_000L;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-04-02T11:12:13Z"));
    private final SimOrk ork = new SimOrk(SimOptions.parse("b", Map.of("seed", 8, "miners", 250, "persist", false)),
            clock, null);

    private String refused(String method, Map<String, Object> request) {
        return assertThrows(OrkError.class, () -> ork.handle(method, request)).code();
    }

    @Test
    void fullEntriesOverMonthsOrTenThousandTicksAreRefused() {
        long now = clock.millis();
        assertEquals("ERR_RANGE_TOO_LARGE", refused("tailLog", Map.of("type", "miner", "key", "stat-5m",
                "tag", "t-miner", "start", 0, "end", now)));
        assertEquals("ERR_RANGE_TOO_LARGE", refused("tailLog", Map.of("type", "miner", "key", "stat-5m",
                "tag", "t-miner", "start", now - 30 * DAY, "end", now)));
        assertEquals("ERR_RANGE_TOO_LARGE", refused("tailLog", Map.of("type", "miner", "key", "stat-5m",
                "tag", "t-miner", "start", 0, "limit", 10_080)));
        assertEquals("ERR_RANGE_TOO_LARGE", refused("tailLogMulti", Map.of("keys", List.of(
                Map.of("type", "miner", "tag", "t-miner"), Map.of("type", "container", "tag", "t-container")),
                "key", "stat-5m", "start", now - 30 * DAY, "end", now)));
    }

    @Test
    void aMonthOfAFewAggregatedFieldsAndADayOfFullEntriesAreAnswered() {
        long now = clock.millis();
        List<?> month = (List<?>) ork.handle("tailLog", Map.of("type", "powermeter", "key", "stat-5m",
                "tag", "t-powermeter", "start", now - 30 * DAY, "end", now, "aggrFields", Map.of("site_power_w", 1)));
        assertEquals(30 * 288, month.size(), 1.0);
        List<?> day = (List<?>) ork.handle("tailLog", Map.of("type", "miner", "key", "stat-30m", "tag", "t-miner",
                "start", now - DAY, "end", now));
        assertEquals(48, day.size(), 1.0);
    }
}
