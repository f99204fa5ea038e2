package io.miningos.gateway.adapters.ork.spi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrkOptionsTest {

    @Test
    void readsEachTypeAndLeavesMissingAndNullKeysEmpty() {
        Map<String, Object> raw = new HashMap<>();
        raw.put("name", "north");
        raw.put("count", 12);
        raw.put("big", 9_000_000_000L);
        raw.put("rate", 0.25);
        raw.put("on", true);
        raw.put("timeout", 1500);
        raw.put("nodes", List.of("a:1", "b:2"));
        raw.put("nothing", null);
        OrkOptions options = OrkOptions.of("test", raw);

        assertEquals(Optional.of("north"), options.string("name"));
        assertEquals(Optional.of(12L), options.integer("count", 0, 100));
        assertEquals(Optional.of(9_000_000_000L), options.integer("big", 0, Long.MAX_VALUE));
        assertEquals(Optional.of(0.25), options.number("rate", 0, 1));
        assertEquals(Optional.of(true), options.bool("on"));
        assertEquals(Optional.of(Duration.ofMillis(1500)), options.duration("timeout", Duration.ofMillis(1),
                Duration.ofMinutes(10)));
        assertEquals(Optional.of(List.of("a:1", "b:2")), options.strings("nodes"));
        assertEquals(Optional.empty(), options.string("nothing"));
        assertEquals(Optional.empty(), options.integer("absent", 0, 1));
        assertFalse(options.has("absent"));
        assertTrue(options.has("name"));
        options.finish();
    }

    @Test
    void wholeNumbersAreIntegralNumbersOnly() {
        OrkOptions options = OrkOptions.of("test", Map.of("a", (short) 3, "b", BigInteger.TEN, "c", 3.0,
                "d", new BigInteger("99999999999999999999"), "e", "3"));

        assertEquals(Optional.of(3L), options.integer("a", 0, 10));
        assertEquals(Optional.of(10L), options.integer("b", 0, 10));
        for (String key : List.of("c", "d", "e")) {
            assertProblem(key + ": must be a whole number between 0 and 10", () -> options.integer(key, 0, 10));
        }
    }

    @Test
    void badValuesAreRefusedWithMessagesStartingWithTheKey() {
        OrkOptions options = OrkOptions.of("test", Map.of("count", 101, "rate", 1.5, "on", "yes", "name", 7,
                "timeout", 0, "nodes", "a:1", "mixed", Arrays.asList("a:1", 2), "nan", Double.NaN));

        assertProblem("count: must be a whole number between 0 and 100", () -> options.integer("count", 0, 100));
        assertProblem("rate: must be a number between 0 and 1", () -> options.number("rate", 0, 1));
        assertProblem("nan: must be a number between 0 and 1", () -> options.number("nan", 0, 1));
        assertProblem("on: must be true or false", () -> options.bool("on"));
        assertProblem("name: must be a string", () -> options.string("name"));
        assertProblem("timeout: must be a whole number of milliseconds between 1 and 600000",
                () -> options.duration("timeout", Duration.ofMillis(1), Duration.ofMinutes(10)));
        assertProblem("nodes: must be a list of strings", () -> options.strings("nodes"));
        assertProblem("mixed: entry 2 must be a string", () -> options.strings("mixed"));
        assertProblem("site: is required (the site's name)",
                () -> options.requiredString("site", "the site's name"));
        assertProblem("site: must look like x", () -> {
            throw options.problem("site", "must look like x");
        });
    }

    @Test
    void finishRefusesTheFirstKeyNobodyReadAndListsTheKnownOnes() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("seed", 1);
        raw.put("minerz", 5);
        raw.put("sitte", "x");
        OrkOptions options = OrkOptions.of("sim", raw);
        options.integer("seed", 0, 10);
        options.integer("miners", 1, 10);

        assertProblem("minerz: unknown option of the sim transport (known: miners, seed)", options::finish);
    }

    private static void assertProblem(String message, Executable read) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, read).getMessage());
    }
}
