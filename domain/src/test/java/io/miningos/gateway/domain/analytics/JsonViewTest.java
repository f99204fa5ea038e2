package io.miningos.gateway.domain.analytics;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

import static io.miningos.gateway.domain.analytics.Json.arr;
import static io.miningos.gateway.domain.analytics.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonViewTest {

    @Test
    void navigatingTheWrongShapeGivesMissingNotAnError() {
        JsonView v = JsonView.of(obj("last", obj("snap", obj("stats", obj("power_w", 3492))), "tags", arr("t-miner")));
        assertEquals(3492L, v.path("last.snap.stats.power_w").asLong());
        assertTrue(v.path("last.snap.stats.power_w.deeper").isMissing());
        assertTrue(v.path("tags.0").isMissing()); // arrays are not objects
        assertEquals("t-miner", v.get("tags").at(0).asText());
        assertTrue(v.get("tags").at(5).isMissing());
        assertTrue(JsonView.of("text").get("x").isMissing());
        assertEquals(List.of(), JsonView.of(42).items());
        assertTrue(JsonView.of(arr(1)).fields().isEmpty());
        assertTrue(JsonView.of(null).at(0).get("a").path("b.c").isMissing());
        assertTrue(v.path("last").has("snap"));
        assertTrue(JsonView.of(obj("alerts", null)).has("alerts")); // present, set to null
        assertFalse(JsonView.of(obj("alerts", null)).has("other"));
    }

    @Test
    void numbersOfEveryKindAndNumericTextReadExactly() {
        assertEquals(new BigDecimal("0.0612"), JsonView.of(new BigDecimal("0.0612")).asDecimal());
        assertEquals(new BigDecimal("0.1"), JsonView.of(0.1d).asDecimal()); // from the double's shortest text
        assertEquals(new BigDecimal("20.91"), JsonView.of("20.91").asDecimal()); // Antminer sends text
        assertEquals(12L, JsonView.of(new BigInteger("12")).asLong());
        assertEquals(12L, JsonView.of(new BigDecimal("12.000")).asLong());
        assertNull(JsonView.of(new BigDecimal("12.5")).asLong());
        assertNull(JsonView.of(Double.NaN).asDouble());
        assertNull(JsonView.of(Double.POSITIVE_INFINITY).asDecimal());
        assertNull(JsonView.of(new BigDecimal("1e2147483647")).asDecimal(), "stored before the gateway refused it");
        assertNull(JsonView.of(new BigDecimal("1e-2147483647")).asDecimal());
        assertEquals(new BigDecimal("1e300"), JsonView.of(new BigDecimal("1e300")).asDecimal());
        assertNull(JsonView.of("12abc").asDouble());
        assertNull(JsonView.of(true).asDouble());
        assertEquals(7.5, JsonView.of("oops").asDouble(7.5));
    }

    @Test
    void timestampsInSecondsMillisecondsOrRangeLabelsBecomeMilliseconds() {
        assertEquals(1_780_272_000_000L, JsonView.of(1_780_272_000L).asEpochMillis()); // seconds
        assertEquals(1_780_272_000_000L, JsonView.of(1_780_272_000_000L).asEpochMillis());
        assertEquals(1_780_272_000_000L, JsonView.of("1780272000000").asEpochMillis()); // ORK's string ts
        assertEquals(1_780_272_000_000L, JsonView.of("1780272000000-1780358399999").asEpochMillis());
        assertNull(JsonView.of(0).asEpochMillis());
        assertNull(JsonView.of("undefined").asEpochMillis());
        assertNull(JsonView.of(-5).asEpochMillis());
    }

    @Test
    void truthinessFollowsJavaScript() {
        assertFalse(JsonView.of(0).isTruthy());
        assertFalse(JsonView.of("").isTruthy());
        assertFalse(JsonView.of(null).isTruthy());
        assertFalse(JsonView.of(false).isTruthy());
        assertTrue(JsonView.of("ERR_TIMEZONE_OFFSET_INVALID").isTruthy());
        assertTrue(JsonView.of(obj()).isTruthy());
    }
}
