package io.miningos.gateway.query;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ProjectionTest {

    private static final String CODE = "ERR_FIELDS_INVALID";

    private static Object project(String fields, Object document) {
        return Projection.compile(Json.parse(fields), CODE).apply(document);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void projectsLikeMongo(String fields, String document, String expected) {
        assertEquals(Json.parse(expected), project(fields, Json.parse(document)));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("{\"a\": 1}", "{\"a\": 1, \"b\": 2}", "{\"a\": 1}"),
                arguments("{\"a\": true}", "{\"a\": 1, \"b\": 2}", "{\"a\": 1}"),
                arguments("{\"a\": 1, \"zzz\": 1}", "{\"a\": 1, \"b\": 2}", "{\"a\": 1}"),
                arguments("{\"a\": 0}", "{\"a\": 1, \"b\": 2}", "{\"b\": 2}"),
                arguments("{\"a\": false}", "{\"a\": 1, \"b\": 2}", "{\"b\": 2}"),
                arguments("{\"a.b\": 1}", "{\"a\": {\"b\": 1, \"c\": 2}, \"d\": 3}", "{\"a\": {\"b\": 1}}"),
                arguments("{\"a.b\": 0}", "{\"a\": {\"b\": 1, \"c\": 2}, \"d\": 3}", "{\"a\": {\"c\": 2}, \"d\": 3}"),
                // through arrays: applied to each element; scalars are dropped on inclusion, kept on exclusion
                arguments("{\"a.b\": 1}", "{\"a\": [{\"b\": 1, \"c\": 2}, 7, {\"c\": 3}, [{\"b\": 4, \"c\": 5}]]}",
                        "{\"a\": [{\"b\": 1}, {}, [{\"b\": 4}]]}"),
                arguments("{\"a.b\": 0}", "{\"a\": [{\"b\": 1, \"c\": 2}, 7, {\"c\": 3}, [{\"b\": 4, \"c\": 5}]]}",
                        "{\"a\": [{\"c\": 2}, 7, {\"c\": 3}, [{\"c\": 5}]]}"),
                // a path that stops at a scalar keeps nothing of it; an object without the field stays as {}
                arguments("{\"info.pos\": 1}", "{\"info\": \"text\"}", "{}"),
                arguments("{\"info.pos\": 1}", "{\"info\": {\"container\": \"x\"}}", "{\"info\": {}}"),
                arguments("{\"info.pos\": 1}", "{}", "{}"),
                arguments("{\"info.pos\": 1}", "{\"info\": null}", "{}"),
                arguments("{\"a\": 1}", "{\"a\": null}", "{\"a\": null}"),
                // overlapping paths: the shorter one wins, in either order
                arguments("{\"info\": 1, \"info.pos\": 1}", "{\"info\": {\"pos\": \"p\", \"c\": 1}}", "{\"info\": {\"pos\": \"p\", \"c\": 1}}"),
                arguments("{\"info.pos\": 1, \"info\": 1}", "{\"info\": {\"pos\": \"p\", \"c\": 1}}", "{\"info\": {\"pos\": \"p\", \"c\": 1}}"),
                arguments("{\"info.pos\": 0, \"info\": 0}", "{\"info\": {\"pos\": \"p\"}, \"x\": 1}", "{\"x\": 1}"),
                // "0" is a field name in projections, as in MongoDB
                arguments("{\"a.0\": 1}", "{\"a\": [{\"0\": 1, \"1\": 2}, 5]}", "{\"a\": [{\"0\": 1}]}"));
    }

    @Test
    void projectsTheUiFieldsOutOfARealisticThing() {
        assertEquals(Json.parse("""
                {"id": "Rb8nQ2xTz5KcW1m", "last": {"snap": {"stats": {"power_w": 3492}}}}"""),
                project("{\"id\": 1, \"last.snap.stats.power_w\": 1}", SampleThings.antminerS21()));
        assertEquals(Json.parse("""
                {"id": "4f1d2c3b-5a6e-4f70-8a91-b2c3d4e5f607",
                 "tags": ["t-powermeter-abb-reu615", "t-powermeter-abb", "t-powermeter", "abb", "pos-site"],
                 "last": {"snap": {"stats": {"power_w": 21384000}}}}"""),
                project("{\"id\": 1, \"last.snap.stats.power_w\": 1, \"tags\": 1}", SampleThings.siteMeter()));
        assertEquals(Json.parse("""
                {"id": "P3x9Lm2Qa7Vb1Nc", "type": "miner-wm-m56s", "info": {"container": "bitdeer-2a", "pos": "2-1_7"},
                 "last": {"alerts": [{"severity": "critical"}, {"severity": "medium"}]}}"""),
                project("{\"id\": 1, \"type\": 1, \"info.pos\": 1, \"info.container\": 1, \"last.alerts.severity\": 1}",
                        SampleThings.whatsminerWithAlerts()));
        Object noSnap = project("{\"last.snap.stats.status\": 1, \"last.alerts\": 1, \"last.snap.config.firmware_ver\": 1}",
                SampleThings.minerWithoutAlertsField());
        assertEquals(Json.parse("{\"last\": {}}"), noSnap);
    }

    @Test
    void keepsTheDocumentsKeyOrderNotTheProjections() {
        Object projected = project("{\"last\": 1, \"type\": 1, \"id\": 1}", SampleThings.antminerS21());
        assertEquals(List.of("id", "type", "last"), new ArrayList<>(((Map<?, ?>) projected).keySet()));
        Object excluded = project("{\"opts\": 0, \"comments\": 0}", SampleThings.antminerS21());
        assertEquals(List.of("id", "code", "type", "tags", "info", "rack", "address", "port", "last"),
                new ArrayList<>(((Map<?, ?>) excluded).keySet()));
    }

    @Test
    void identityAndNonObjectsPassThrough() {
        Map<String, Object> thing = SampleThings.antminerS21();
        assertTrue(Projection.compile(null, CODE).isIdentity());
        assertTrue(Projection.compile(Map.of(), CODE).isIdentity());
        assertSame(thing, Projection.compile(null, CODE).apply(thing));
        assertSame(thing, Projection.identity().apply(thing));
        assertEquals("text", Projection.compile(Map.of("a", 1), CODE).apply("text"));
        assertEquals(List.of(1), Projection.compile(Map.of("a", 1), CODE).apply(List.of(1)));
    }

    @Test
    void alwaysIncludedFieldSurvivesAnyProjection() {
        Map<String, Object> thing = SampleThings.antminerS21();
        Projection inclusion = Projection.compile(Json.parse("{\"id\": 1}"), CODE).withAlwaysIncluded("rack");
        assertEquals(Json.parse("{\"id\": \"Rb8nQ2xTz5KcW1m\", \"rack\": \"miner-am-s21-shelf-1\"}"), inclusion.apply(thing));

        Projection exclusion = Projection.compile(Json.parse("{\"rack\": 0, \"opts\": 0}"), CODE).withAlwaysIncluded("rack");
        Map<?, ?> excluded = (Map<?, ?>) exclusion.apply(thing);
        assertEquals("miner-am-s21-shelf-1", excluded.get("rack"));
        assertTrue(!excluded.containsKey("opts"));

        Projection onlyRackExcluded = Projection.compile(Json.parse("{\"rack\": 0}"), CODE).withAlwaysIncluded("rack");
        assertTrue(onlyRackExcluded.isIdentity());
        assertTrue(Projection.identity().withAlwaysIncluded("rack").isIdentity());
        assertThrows(IllegalArgumentException.class, () -> inclusion.withAlwaysIncluded("a.b"));
        // The original projection is unchanged.
        assertEquals(Json.parse("{\"id\": \"Rb8nQ2xTz5KcW1m\"}"), Projection.compile(Json.parse("{\"id\": 1}"), CODE).apply(thing));
    }

    @Test
    void neverChangesTheDocument() {
        Map<String, Object> thing = SampleThings.whatsminerWithAlerts();
        project("{\"last.alerts.severity\": 1, \"id\": 1}", thing);
        project("{\"last.alerts.uuid\": 0, \"info\": 0}", thing);
        assertEquals(SampleThings.whatsminerWithAlerts(), thing);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"id\"", "[\"id\"]", "1", "{\"a\": 1, \"b\": 0}", "{\"a\": 0, \"b\": true}", "{\"a\": \"yes\"}",
        "{\"a\": null}", "{\"a\": {\"$slice\": 1}}", "{\"a\": [1]}", "{\"a..b\": 1}", "{\"$a\": 1}", "{\"\": 1}",
        "{\"a.$\": 1}"
    })
    void refusesMalformedProjections(String fields) {
        Object parsed = Json.parse(fields);
        assertEquals(CODE, assertThrows(QueryException.class, () -> Projection.compile(parsed, CODE)).code());
    }
}
