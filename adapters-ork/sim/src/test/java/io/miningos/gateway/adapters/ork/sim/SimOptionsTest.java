package io.miningos.gateway.adapters.ork.sim;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimOptionsTest {

    @Test
    void defaultsFitTheDemo() {
        SimOptions options = SimOptions.parse("cluster-1", Map.of());

        assertEquals(new SimOptions(SimOptions.defaultSeed("cluster-1"), 250, "demo", 1, 5_000, 0, 0, false, true, 2,
                1_000, 0, false), options);
    }

    @Test
    void readsEveryOption() {
        SimOptions options = SimOptions.parse("x", Map.ofEntries(Map.entry("seed", 7L), Map.entry("miners", 900),
                Map.entry("site", "north-1"), Map.entry("approvals", 2), Map.entry("actionIntervalMs", 250),
                Map.entry("latencyMs", 15), Map.entry("failureRate", 0.5), Map.entry("down", true),
                Map.entry("persist", false), Map.entry("threads", 3), Map.entry("queue", 10),
                Map.entry("m63Miners", 60), Map.entry("dcsHall", true)));

        assertEquals(new SimOptions(7, 900, "north-1", 2, 250, 15, 0.5, true, false, 3, 10, 60, true), options);
        assertEquals(3, SimOptions.parse("x", Map.of("requiredVotes", 3)).requiredVotes());
    }

    @Test
    void badOptionsAreRefusedNamingTheKey() {
        assertRefused(Map.of("miners", 0), "miners: must be a whole number between 1 and 200000");
        assertRefused(Map.of("m63Miners", 241), "m63Miners: must be a whole number between 0 and 240");
        assertRefused(Map.of("miners", 12.5), "miners: must be a whole number");
        assertRefused(Map.of("site", 3), "site: must be a string");
        assertRefused(Map.of("site", "North Field"), "site: must be 1-40 lower-case letters, digits or dashes");
        assertRefused(Map.of("requiredVotes", 1, "approvals", 2), "approvals: give either requiredVotes or approvals");
        assertRefused(Map.of("approvals", 11), "approvals: must be a whole number between 1 and 10");
        assertRefused(Map.of("actionIntervalMs", 50), "actionIntervalMs: must be a whole number between 100");
        assertRefused(Map.of("latencyMs", -1), "latencyMs: must be a whole number between 0 and 60000");
        assertRefused(Map.of("failureRate", 2), "failureRate: must be a number between 0 and 1");
        assertRefused(Map.of("down", "yes"), "down: must be true or false");
        assertRefused(Map.of("persist", 1), "persist: must be true or false");
        assertRefused(Map.of("threads", 0), "threads: must be a whole number between 1 and 16");
        assertRefused(Map.of("queue", 10_001), "queue: must be a whole number between 1 and 10000");
        assertRefused(Map.of("minerz", 5), "minerz: unknown option of the sim transport (known: actionIntervalMs, "
                + "approvals, dcsHall, down, failureRate, latencyMs, m63Miners, miners, persist, queue, requiredVotes, "
                + "seed, site, threads)");
    }

    private static void assertRefused(Map<String, Object> options, String messageStart) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimOptions.parse("cluster-1", options));
        assertTrue(e.getMessage().startsWith(messageStart), e.getMessage());
    }
}
