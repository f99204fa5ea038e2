package io.miningos.gateway.application.cache;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonFootprintTest {

    private static List<Object> months(int n) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Map.of("site", "site-01", "year", 2024, "energyCostsUSD", new BigDecimal("1000.00")));
        }
        return out;
    }

    @Test
    void growsWithTheNumberOfDocumentsAndTheLengthOfText() {
        long ten = JsonFootprint.of(months(10));
        long hundred = JsonFootprint.of(months(100));
        assertTrue(hundred > 9 * ten && hundred < 11 * ten, ten + " vs " + hundred);
        assertTrue(JsonFootprint.of("x".repeat(1000)) > JsonFootprint.of("x".repeat(10)) + 1900);
    }

    @Test
    void emptyAndSharedValuesCostLittle() {
        assertEquals(0, JsonFootprint.of(null));
        assertEquals(0, JsonFootprint.of(true));
        assertTrue(JsonFootprint.of(Map.of()) < JsonFootprint.of(Map.of("a", 1)));
        assertTrue(JsonFootprint.of(Arrays.asList(null, null)) > JsonFootprint.of(List.of()));
    }

    @Test
    void hugeNumbersAreCountedWithoutPrintingThem() {
        assertTrue(JsonFootprint.of(new BigDecimal("1E+999999999")) < 1000);
        assertTrue(JsonFootprint.of(new BigDecimal("3.14159265358979323846264338327950288419716939937510"))
                > JsonFootprint.of(new BigDecimal("3.14")));
    }
}
