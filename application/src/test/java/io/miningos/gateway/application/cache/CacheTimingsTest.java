package io.miningos.gateway.application.cache;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CacheTimingsTest {

    @Test
    void readsTheNodeGatewayValuesAndDefaultsTheRest() {
        CacheTimings timings = CacheTimings.parse(Map.of("/auth/list-things", "15s", "/auth/global/data", "15m",
                "/auth/actions", "10s", "/auth/settings", "0s", "/auth/tail-log", "500ms", "/auth/x", "1h"));
        assertEquals(Duration.ofSeconds(15), timings.ttlFor("/auth/list-things"));
        assertEquals(Duration.ofMinutes(15), timings.ttlFor("/auth/global/data"));
        assertEquals(Duration.ofSeconds(10), timings.ttlFor("/auth/actions"));
        assertEquals(Duration.ZERO, timings.ttlFor("/auth/settings"));
        assertEquals(Duration.ofMillis(500), timings.ttlFor("/auth/tail-log"));
        assertEquals(Duration.ofHours(1), timings.ttlFor("/auth/x"));
        assertEquals(CacheTimings.DEFAULT_TTL, timings.ttlFor("/auth/history-log"));
    }

    @Test
    void rejectsWhatIsNotADurationNamingTheRoute() {
        for (String bad : new String[]{"15", "15 s", "fast", "-1s", "1.5s", "25h", "15S", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> CacheTimings.parse(Map.of("/auth/list-things", bad)), bad);
            assertTrue(e.getMessage().startsWith("/auth/list-things: "), e.getMessage());
        }
    }
}
