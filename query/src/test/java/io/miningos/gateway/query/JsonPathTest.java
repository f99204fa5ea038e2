package io.miningos.gateway.query;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonPathTest {

    private static final String CODE = "ERR_PATH_INVALID";

    private static JsonPath path(String text) {
        return JsonPath.parse(text, CODE);
    }

    @Test
    void getFollowsThePathLiterally() {
        Map<String, Object> thing = SampleThings.whatsminerWithAlerts();
        assertEquals(5512, path("last.snap.stats.power_w").get(thing));
        assertEquals("critical", path("last.alerts.0.severity").get(thing));
        assertEquals("medium", path("last.alerts.1.severity").get(thing));
        assertNull(path("last.alerts.2.severity").get(thing));
        // Without a position, a field name does not reach into an array.
        assertNull(path("last.alerts.severity").get(thing));
        assertNull(path("last.err").get(thing));
        assertNull(path("nothing.here").get(thing));
        assertNull(path("id.length").get(thing));
        assertSame(thing.get("info"), path("info").get(thing));
        assertEquals(5, path("0").get(List.of(5)));
        assertNull(path("01").get(List.of(5, 6)));
    }

    @Test
    void getOrMissingTellsMissingFromNull() {
        Map<String, Object> thing = SampleThings.whatsminerWithAlerts();
        assertNull(path("last.err").getOrMissing(thing));
        assertSame(JsonPath.MISSING, path("last.nothing").getOrMissing(thing));
    }

    @Test
    void valuesFollowMongosArrayRule() {
        Map<String, Object> thing = SampleThings.whatsminerWithAlerts();
        assertEquals(List.of("critical", "medium"), path("last.alerts.severity").values(thing));
        assertEquals(List.of("medium"), path("last.alerts.1.severity").values(thing));
        assertEquals(List.of(), path("last.alerts.nothing").values(thing));
        assertEquals(List.of(thing.get("tags")), path("tags").values(thing));
        Object nested = Json.parse("{\"a\": [{\"b\": [1, 2]}, {\"c\": 1}, 7, {\"b\": null}]}");
        assertEquals(Arrays.asList(List.of(1, 2), null), path("a.b").values(nested));
    }

    @Test
    void equalsByText() {
        assertEquals(path("a.b"), path("a.b"));
        assertEquals(path("a.b").hashCode(), path("a.b").hashCode());
        assertNotEquals(path("a.b"), path("a.c"));
        assertEquals("a.b", path("a.b").text());
        assertEquals("a.b", path("a.b").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "a.", ".a", "a..b", "$a", "a.$", "a.$b"})
    void refusesMalformedPaths(String text) {
        assertEquals(CODE, assertThrows(QueryException.class, () -> JsonPath.parse(text, CODE)).code());
    }

    @Test
    void refusesNullOverlongAndOverdeepPaths() {
        assertThrows(QueryException.class, () -> JsonPath.parse(null, CODE));
        assertThrows(QueryException.class, () -> JsonPath.parse("a".repeat(JsonPath.MAX_LENGTH + 1), CODE));
        JsonPath.parse("a".repeat(JsonPath.MAX_LENGTH), CODE);
        assertThrows(QueryException.class, () -> JsonPath.parse("a.".repeat(JsonPath.MAX_SEGMENTS) + "a", CODE));
        JsonPath.parse("a.".repeat(JsonPath.MAX_SEGMENTS - 1) + "a", CODE);
    }
}
