package io.miningos.gateway.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.miningos.gateway.bootstrap.FakeOrk.answer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /auth/dcs/cooling-system} and {@code /auth/dcs/energy-system} over a socket. The DCS thing
 * ({@code dcs/dcs-thing.json}) sits on the second of two ORKs; every summary figure below is worked out by hand
 * from it.
 */
class DcsRoutesTest {

    static final String DCS_THING = resource("/dcs/dcs-thing.json");
    static final Map<String, Object> DCS_ON = Map.of("centralDCSSetup", Map.of("enabled", true, "tag", "t-dcs"));
    /** The miners' live rack power: group-1 rack 1 and group-2 rack 1 draw power, the others none. */
    static final String RACK_POWER = "[[{\"power_w_pdu_rack_group_sum_aggr\":{\"group-1_rack-1\":5000,"
            + "\"group-1_rack-2\":0,\"group-2_rack-1\":4000}}]]";

    @TempDir
    Path dataDir;

    private final FakeOrk one = new FakeOrk();
    private final FakeOrk two = new FakeOrk();
    private TestGateway gateway;
    private String token;

    @BeforeEach
    void start() {
        gateway = TestGateway.start(dataDir, orks(), DCS_ON);
        token = gateway.tokenForRole("read_only_user");
        one.on("listThings", answer("[]"));
        two.on("listThings", answer(DCS_THING));
        one.on("tailLogMulti", answer("[[]]"));
        two.on("tailLogMulti", answer(RACK_POWER));
    }

    private Map<String, FakeOrk> orks() {
        Map<String, FakeOrk> orks = new LinkedHashMap<>();
        orks.put("cluster-1", one);
        orks.put("cluster-2", two);
        return orks;
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    private JsonNode data(String path) {
        TestGateway.Response response = gateway.get(path, token);
        assertEquals(200, response.status(), response.body());
        return response.json().get("data");
    }

    @Test
    void minersCircuit1SummarisesBothLines() {
        TestGateway.Response response = gateway.get("/auth/dcs/cooling-system?type=miners&view=circuit1", token);
        assertEquals(200, response.status(), response.body());
        JsonNode body = response.json();
        assertEquals("miners", body.get("type").asText());
        assertEquals("circuit1", body.get("view").asText());
        JsonNode d = body.get("data");
        assertEquals("Miner Loop", d.get("title").asText());
        assertEquals("Demineralised water", d.get("water_type").asText());
        // supply (37.1 + 37.3) / 2, return (44.9 + 44.7) / 2, flows 192 + 192, supply pressures (2.9 + 2.7) / 2,
        // return pressures (1.3 + 1.4) / 2, delta p 2.8 - 1.35
        assertEquals("{\"supply_temp\":{\"value\":37.2,\"unit\":\"°C\"},\"return_temp\":{\"value\":44.8,\"unit\":\"°C\"},"
                + "\"delta_t\":{\"value\":7.6,\"unit\":\"°C\"},\"total_flow\":{\"value\":384,\"unit\":\"m³/h\"},"
                + "\"rated_flow\":{\"value\":400,\"unit\":\"m³/h\"},\"system_pressure\":{\"value\":2.8,\"unit\":\"bar\"},"
                + "\"inlet_pressure_avg\":{\"value\":2.8,\"unit\":\"bar\"},"
                + "\"outlet_pressure_avg\":{\"value\":1.35,\"unit\":\"bar\"},"
                + "\"delta_p_avg\":{\"value\":1.45,\"unit\":\"bar\"}}", d.get("summary").toString());
        JsonNode line = d.get("lines").get(0);
        assertEquals(2, d.get("lines").size());
        assertEquals("Groups 1-2", line.get("groups").asText());
        assertEquals("{\"value\":37.1,\"unit\":\"°C\"}", line.path("supply").path("temperature").toString());
        assertEquals(3, line.path("supply").path("sensors").size());
        // group 1: 3.0 - 1.25; group 2 has no return sensor
        assertEquals("[{\"group\":1,\"supply\":{\"tag\":\"PT-111\",\"type\":\"pressure\",\"reading\":{\"value\":3.0,"
                + "\"unit\":\"bar\"}},\"return\":{\"tag\":\"PT-121\",\"type\":\"pressure\",\"reading\":{\"value\":1.25,"
                + "\"unit\":\"bar\"}},\"delta_p\":{\"value\":1.75,\"unit\":\"bar\"}},{\"group\":2,\"supply\":{\"tag\":"
                + "\"PT-112\",\"type\":\"pressure\",\"reading\":{\"value\":2.95,\"unit\":\"bar\"}},\"return\":null,"
                + "\"delta_p\":null}]", line.get("differential_pressure").toString());
        assertEquals("{\"id\":\"HX-1\",\"name\":\"HX-1\",\"is_active\":true,\"miner_side_out_temp\":{\"value\":36.9,"
                + "\"unit\":\"°C\"},\"tower_side_in_temp\":{\"value\":30.2,\"unit\":\"°C\"},\"tower_side_out_temp\":"
                + "{\"value\":38.1,\"unit\":\"°C\"},\"sensors\":[{\"tag\":\"TT-103\",\"type\":\"temperature\",\"reading\":"
                + "{\"value\":36.9,\"unit\":\"°C\"},\"role\":\"post_hx\",\"target\":{\"value\":37,\"unit\":\"°C\"}},"
                + "{\"tag\":\"TCV-1\",\"type\":\"control\",\"reading\":{\"value\":60,\"unit\":\"%\"}}],"
                + "\"control_valve\":{\"id\":\"TCV-1\",\"position\":{\"value\":60,\"unit\":\"%\"}}}",
                line.get("heat_exchanger").toString());
        assertEquals("[{\"id\":\"TCV-1\",\"type\":\"control\",\"description\":\"Line 1 TCV\",\"position\":{\"value\":60,"
                + "\"unit\":\"%\"},\"setpoint\":{\"value\":37,\"unit\":\"°C\"}},{\"id\":\"TCV-2\",\"type\":\"control\","
                + "\"description\":\"Line 2 TCV\",\"position\":{\"value\":40,\"unit\":\"%\"},\"setpoint\":null}]",
                d.get("control_valves").toString());
        assertEquals("[{\"id\":\"P-101\",\"name\":\"P-101\",\"label\":\"Main 1\",\"status\":\"RUN\",\"is_running\":true,"
                + "\"speed\":{\"value\":85,\"unit\":\"%\"},\"has_fault\":false,\"has_interlock\":false},{\"id\":\"P-102\","
                + "\"name\":\"P-102\",\"is_running\":false,\"has_fault\":true,\"has_interlock\":false}]",
                d.get("pumps").toString());
        JsonNode request = two.lastCall("listThings").request();
        assertEquals("{\"tags\":{\"$in\":[\"t-dcs\"]}}", request.get("query").toString());
        assertTrue(request.path("fields").has("last.snap.stats.dcs_specific.equipment.heat_exchangers"));
        assertTrue(request.path("fields").has("last.snap.config.cooling_system"));
        assertTrue(two.calls("tailLogMulti").isEmpty(), "only the layout reads the racks");
    }

    @Test
    void minersCircuit2ShowsTheTowerLoop() {
        JsonNode d = data("/auth/dcs/cooling-system?type=miners&view=circuit2");
        assertEquals("Cooling Tower Loop", d.get("title").asText());
        // tower side in (30.2 + 30.4) / 2, out (38.1 + 38.3) / 2
        assertEquals("{\"pre_hx_temp\":{\"value\":30.3,\"unit\":\"°C\"},\"post_hx_temp\":{\"value\":38.2,\"unit\":\"°C\"},"
                + "\"delta_t\":{\"value\":7.9,\"unit\":\"°C\"},\"tower_capacity\":{\"value\":500,\"unit\":\"m³/h\"},"
                + "\"tower_capacity_gcal\":{\"value\":3.5,\"unit\":\"Gcal/h\"},\"tower_level\":{\"value\":1.2,"
                + "\"unit\":\"m\",\"sensor\":\"LT-301\"}}", d.get("summary").toString());
        JsonNode hx1 = d.get("heat_exchangers").get(0);
        assertEquals("Groups 1-2", hx1.get("groups").asText());
        assertEquals("TCV-1,TT-103,TT-301,TT-302", tags(hx1.get("sensors")));
        assertEquals("tower_side_in", hx1.get("sensors").get(2).get("role").asText());
        JsonNode hx2 = d.get("heat_exchangers").get(1);
        assertEquals("TCV-2", tags(hx2.get("sensors")), "no tower sensors configured for HX-2");
        assertEquals("{\"id\":\"TCV-2\",\"position\":{\"value\":40,\"unit\":\"%\"}}", hx2.get("control_valve").toString());
        JsonNode tower = d.get("cooling_towers").get(0);
        assertEquals("V-301", tower.get("fan_id").asText());
        assertEquals("{\"tag\":\"VS-301\",\"state\":\"OK\"}", tower.get("vibration_switch").toString());
        assertEquals("{\"tank\":{\"id\":\"TK-401\",\"name\":\"TK-401\",\"volume\":{\"value\":20,\"unit\":\"m³\"},"
                + "\"level\":{\"value\":75,\"unit\":\"%\"},\"level_sensor\":\"LT-401\"},\"pump\":{\"id\":\"P-401\","
                + "\"name\":\"P-401\",\"status\":\"RUN\",\"is_running\":true,\"rated_head\":{\"value\":30,\"unit\":\"m\"},"
                + "\"rated_flow\":{\"value\":10,\"unit\":\"m³/h\"}},\"level_control_valve\":{\"id\":\"LCV-401\","
                + "\"type\":\"level\",\"description\":\"Makeup level\",\"position\":{\"value\":30,\"unit\":\"%\"}},"
                + "\"on_off_valves\":[{\"id\":\"XV-401\",\"type\":\"on_off\",\"position\":{\"value\":100,\"unit\":\"%\"},"
                + "\"is_open\":true},{\"id\":\"XV-402\",\"type\":\"on_off\",\"position\":{\"value\":0,\"unit\":\"%\"},"
                + "\"is_open\":false}]}", d.get("makeup").toString());
        assertEquals("P-301", d.get("pumps").get(0).get("id").asText());
        assertEquals(1, d.get("pumps").size());
    }

    @Test
    void minersLayoutMarksTheRacksThatDrawPower() {
        JsonNode d = data("/auth/dcs/cooling-system?type=miners&view=layout");
        assertEquals("Mining Room", d.get("title").asText());
        assertEquals("{\"total_groups\":2,\"racks_per_group\":2,\"miners_per_rack\":3,\"total_miners\":12,"
                + "\"miner_model\":\"S21\",\"groups\":[{\"id\":\"G1\",\"name\":\"G1\",\"vlan\":129,\"rack_statuses\":"
                + "[true,false]},{\"id\":\"G2\",\"name\":\"G2\",\"vlan\":130,\"rack_statuses\":[true,false]}]}",
                d.get("mining_room").toString());
        // running: P-101, P-301, P-401, P-501, P-502 of 7
        assertEquals("{\"total_miner_loop_flow\":{\"value\":384,\"unit\":\"m³/h\"},\"total_tower_loop_flow\":"
                + "{\"value\":420,\"unit\":\"m³/h\"},\"pumps_running\":5,\"pumps_total\":7}", d.get("summary").toString());
        assertEquals("{\"c1_supply_temp\":{\"value\":37.2,\"unit\":\"°C\"},\"c1_return_temp\":{\"value\":44.8,"
                + "\"unit\":\"°C\"},\"c2_tower_cold\":{\"value\":30.3,\"unit\":\"°C\"},\"c2_tower_hot\":{\"value\":38.2,"
                + "\"unit\":\"°C\"}}", d.get("legend").toString());
        assertEquals("Miner Loop", d.path("circuit1").path("name").asText());
        assertEquals("Cooling Tower Loop", d.path("circuit2").path("name").asText());
        JsonNode request = two.lastCall("tailLogMulti").request();
        assertEquals("{\"power_w_pdu_rack_group_sum_aggr\":1}", request.get("aggrFields").toString());
        assertEquals("stat-rtd", request.path("keys").get(0).path("key").asText());
    }

    @Test
    void aLayoutThatDoesNotSayHowManyGroupsHasNone() throws IOException {
        ObjectNode thing = (ObjectNode) FakeOrk.JSON.readTree(DCS_THING).get(0);
        ((ObjectNode) thing.path("last").path("snap").path("config").path("mining")).remove("total_groups");
        two.on("listThings", answer("[" + thing + "]"));
        JsonNode room = data("/auth/dcs/cooling-system?type=miners&view=layout").get("mining_room");
        assertEquals(0, room.get("total_groups").asInt(), "the Node gateway drew 16 groups here");
        assertEquals(0, room.get("groups").size());
    }

    @Test
    void hvacChilledWater() {
        JsonNode d = data("/auth/dcs/cooling-system?type=hvac&view=circuit1");
        assertEquals("Chilled Water", d.get("title").asText());
        // temperatures as read; delta 12.1 - 7.2
        assertEquals("{\"supply_temp\":{\"value\":7.2,\"unit\":\"°C\"},\"return_temp\":{\"value\":12.1,\"unit\":\"°C\"},"
                + "\"delta_t\":{\"value\":4.9,\"unit\":\"°C\"},\"total_flow\":{\"value\":48,\"unit\":\"m³/h\"},"
                + "\"rated_flow\":{\"value\":50,\"unit\":\"m³/h\"},\"system_pressure\":{\"value\":3.1,\"unit\":\"bar\","
                + "\"sensor\":\"PT-501\"}}", d.get("summary").toString());
        assertEquals("{\"tag\":\"FS-501\",\"is_active\":true}",
                d.path("chiller").path("chilled_water_side").path("flow_switch").toString());
        assertEquals("{\"value\":100,\"unit\":\"TR\"}", d.path("chiller").path("capacity_tr").toString());
        assertEquals("[{\"id\":\"PCV-501\",\"type\":\"pressure\",\"description\":\"Bypass\",\"position\":{\"value\":20,"
                + "\"unit\":\"%\"},\"setpoint\":{\"value\":3,\"unit\":\"bar\"},\"controlled_by\":\"PT-501\",\"pressure\":"
                + "{\"tag\":\"PT-501\",\"value\":3.1,\"unit\":\"bar\"}}]", d.get("control_valves").toString());
        assertEquals("{\"id\":\"XV-501\",\"type\":\"on_off\",\"description\":\"Buffer makeup\",\"position\":{\"value\":70,"
                + "\"unit\":\"%\"},\"is_open\":true}", d.path("buffer_tank").path("makeup_valve").toString());
        JsonNode coils = d.get("fan_coils");
        assertEquals(4, coils.get("total").asInt());
        assertEquals(3, coils.get("running").asInt());
        assertEquals("{\"id\":\"FC-7513\",\"is_running\":true,\"fan_id\":\"V-7513\",\"fan_running\":true,\"fan_speed\":"
                + "{\"value\":60,\"unit\":\"%\"},\"valve_tag\":\"TCV-7513\",\"valve_position\":{\"value\":46,\"unit\":\"%\"},"
                + "\"temperature_tag\":\"TT-7513\",\"temperature\":{\"value\":27.5,\"unit\":\"°C\"}}",
                coils.get("units").get(0).toString());
        assertEquals("{\"value\":0,\"unit\":\"%\"}", coils.get("units").get(1).get("valve_position").toString(),
                "without a configured valve, the fan coil's own position");
        assertEquals("P-501", d.get("return_pumps").get(0).get("id").asText());
        assertTrue(d.get("supply_pumps").get(0).get("has_interlock").asBoolean());
    }

    @Test
    void hvacCondenserLayoutAndAmbient() {
        JsonNode c2 = data("/auth/dcs/cooling-system?type=hvac&view=circuit2");
        // delta 35.3 - 30.5, flow (58 + 57) / 2
        assertEquals("{\"supply_temp\":{\"value\":30.5,\"unit\":\"°C\"},\"return_temp\":{\"value\":35.3,\"unit\":\"°C\"},"
                + "\"delta_t\":{\"value\":4.8,\"unit\":\"°C\"},\"total_flow\":{\"value\":57.5,\"unit\":\"m³/h\"},"
                + "\"rated_flow\":{\"value\":60,\"unit\":\"m³/h\"},\"tower_level\":{\"value\":1.1,\"unit\":\"m\","
                + "\"sensor\":\"LT-701\"}}", c2.get("summary").toString());
        assertEquals("Supply To Tower", c2.path("supply_return").path("supply").path("name").asText());
        assertEquals("{\"tag\":\"VS-701\",\"state\":\"ALARM\"}",
                c2.get("cooling_towers").get(1).get("vibration_switch").toString());
        JsonNode layout = data("/auth/dcs/cooling-system?type=hvac&view=layout");
        assertEquals("{\"chiller_running\":true,\"fan_coils_running\":3,\"fan_coils_total\":4,"
                + "\"cooling_towers_running\":1,\"pumps_running\":5,\"pumps_total\":7}", layout.get("summary").toString());
        assertEquals("{\"value\":30,\"unit\":\"°C\"}", layout.path("legend").path("c2_condenser_cold").toString());
        JsonNode ambient = data("/auth/dcs/cooling-system?type=hvac&view=ambient");
        assertEquals("Ambient Conditions", ambient.get("title").asText());
        assertEquals("{\"average_humidity\":{\"value\":45.3,\"unit\":\"%\"},\"rooms_count\":2,\"fan_coils_running\":3,"
                + "\"fan_coils_total\":4}", ambient.get("summary").toString());
        // room 1: (27.5 + 26.9) / 2; room 2: (28.0 + 27.2) / 2
        assertEquals("{\"value\":27.2,\"unit\":\"°C\"}", ambient.get("rooms").get(0).get("temperature").toString());
        assertEquals("{\"value\":27.6,\"unit\":\"°C\"}", ambient.get("rooms").get(1).get("temperature").toString());
        assertEquals("{\"value\":48.1,\"unit\":\"%\"}", ambient.get("rooms").get(1).get("humidity").toString());
        assertEquals("[{\"id\":\"HT-7505\",\"humidity\":{\"value\":55.1,\"unit\":\"%\"}}]",
                ambient.get("ambient_sensors").toString());
    }

    @Test
    void energyViews() {
        TestGateway.Response response = gateway.get("/auth/dcs/energy-system?view=miners", token);
        assertEquals(200, response.status(), response.body());
        assertEquals("miners", response.json().get("view").asText());
        JsonNode miners = response.json().get("data");
        assertEquals("{\"power_kw\":1262.4,\"equipment\":\"PM-MV\"}", miners.get("site_total").toString());
        assertEquals("PM-7511,PM-7512", equipment(miners.get("meters")), "by the number in the tag");
        assertEquals("{\"equipment\":\"PM-7511\",\"role\":\"rack\",\"name\":\"Groups 1-2 PM\",\"power\":{\"value\":1190.2,"
                + "\"unit\":\"kW\"}}", miners.get("meters").get(0).toString());
        JsonNode cooling = data("/auth/dcs/energy-system?view=cooling_auxiliary");
        assertEquals("{\"power_kw\":25.1,\"equipment\":\"PM-CCM\"}", cooling.get("ccm_principal").toString());
        assertEquals("PM-AUX1", equipment(cooling.get("auxiliary_meters")));
        JsonNode layout = data("/auth/dcs/energy-system?view=layout");
        assertEquals("Grid 33 kV", layout.get("source_label").asText());
        assertEquals("PR-0", layout.path("main_protection").path("equipment").asText());
        assertEquals("PM-MV", layout.path("site_pm").path("equipment").asText());
        assertEquals("{\"feeds\":\"Groups 1-2\",\"protection_relay\":{\"equipment\":\"PR-1\",\"role\":\"branch_feeder\","
                + "\"is_tripped\":false,\"description\":\"Groups 1-2\"},\"transformer\":{\"equipment\":\"TR-1\","
                + "\"name\":\"T1\"},\"distribution_board\":{\"equipment\":\"DB-1\",\"is_tripped\":false},\"meter\":"
                + "{\"equipment\":\"PM-7511\",\"power\":{\"value\":1190.2,\"unit\":\"kW\"}}}",
                layout.get("branches").get(0).toString());
        assertEquals(3, layout.get("branches").size());
        assertEquals("{\"protection_relays_total\":4,\"protection_relays_tripped\":1,\"transformers_total\":3,"
                + "\"distribution_boards_total\":3,\"distribution_boards_tripped\":1}", layout.get("summary").toString());
    }

    @Test
    void withoutConfiguredBranchesEachBranchFeederIsABranch() throws IOException {
        ObjectNode thing = (ObjectNode) FakeOrk.JSON.readTree(DCS_THING).get(0);
        ((ObjectNode) thing.path("last").path("snap").path("config").path("energy_layout")).remove("branches");
        two.on("listThings", answer("[" + thing + "]"));
        JsonNode branches = data("/auth/dcs/energy-system?view=layout").get("branches");
        assertEquals(3, branches.size());
        assertEquals("Groups 3-4", branches.get(1).get("feeds").asText(), "the relay's description");
        assertEquals("TR-2", branches.get(1).path("transformer").path("equipment").asText());
        assertEquals("Branch 3", branches.get(2).get("feeds").asText(), "a relay without a description");
        assertTrue(branches.get(2).get("meter").isNull());
    }

    @Test
    void aFailedOrkIsNamedAndTheDcsOfTheOthersStands() {
        one.on("listThings", FakeOrk.unreachable());
        TestGateway.Response response = gateway.get("/auth/dcs/energy-system?view=miners", token);
        assertEquals(200, response.status(), response.body());
        assertEquals("cluster-1=unavailable", response.orkFailures());
    }

    @Test
    void whenTheOrkThatMayHoldTheDcsFailedItIs502NotNotFound() {
        two.on("listThings", FakeOrk.unreachable());
        TestGateway.Response response = gateway.get("/auth/dcs/cooling-system?type=hvac&view=ambient", token);
        assertEquals(502, response.status(), response.body());
        assertEquals("ERR_ORK_UNAVAILABLE", response.errorCode());
        assertEquals("cluster-2=unavailable", response.orkFailures());
    }

    @Test
    void noDcsThingIs404() {
        two.on("listThings", answer("[{\"id\":\"x\",\"type\":\"dcs-siemens\",\"last\":{}}]"));
        TestGateway.Response response = gateway.get("/auth/dcs/energy-system?view=layout", token);
        assertEquals(404, response.status(), response.body());
        assertEquals("ERR_DCS_DATA_NOT_FOUND", response.errorCode());
        assertEquals("ERR_DCS_DATA_NOT_FOUND",
                gateway.get("/auth/dcs/cooling-system?type=miners&view=circuit1", token).errorCode());
    }

    @Test
    void withoutACentralDcsTheRoutesAre501AndAskNoOrk() {
        gateway.close();
        FakeOrk plain = new FakeOrk();
        gateway = TestGateway.start(dataDir.resolve("no-dcs"), Map.of("cluster-1", plain));
        token = gateway.tokenForRole("read_only_user");
        TestGateway.Response response = gateway.get("/auth/dcs/cooling-system?type=miners&view=layout", token);
        assertEquals(501, response.status(), response.body());
        assertEquals("ERR_FEATURE_NOT_ENABLED", response.errorCode());
        assertEquals("ERR_FEATURE_NOT_ENABLED", gateway.get("/auth/dcs/energy-system?view=miners", token).errorCode());
        assertTrue(plain.calls().isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/auth/dcs/cooling-system?view=circuit1                    | ERR_TYPE_INVALID",
            "/auth/dcs/cooling-system?type=water&view=circuit1         | ERR_TYPE_INVALID",
            "/auth/dcs/cooling-system?type=miners                      | ERR_VIEW_INVALID",
            "/auth/dcs/cooling-system?type=hvac&view=circuit3          | ERR_VIEW_INVALID",
            "/auth/dcs/cooling-system?type=miners&view=ambient         | ERR_INVALID_VIEW",
            "/auth/dcs/cooling-system?type=hvac&view=ambient&overwriteCache=yes | ERR_OVERWRITECACHE_INVALID",
            "/auth/dcs/energy-system                                   | ERR_VIEW_INVALID",
            "/auth/dcs/energy-system?view=cooling                      | ERR_VIEW_INVALID",
    })
    void badParametersAre400AndReachNoOrk(String path, String code) {
        TestGateway.Response response = gateway.get(path, token);
        assertEquals(400, response.status(), path + ": " + response.body());
        assertEquals(code, response.errorCode());
        assertTrue(one.calls().isEmpty());
        assertTrue(two.calls().isEmpty());
    }

    @Test
    void aTokenIsNeededAndEnough() {
        assertEquals(401, gateway.get("/auth/dcs/energy-system?view=miners", "nonsense").status());
        assertEquals(401, gateway.get("/auth/dcs/cooling-system?type=hvac&view=layout", null).status());
        assertEquals(200, gateway.get("/auth/dcs/energy-system?view=miners",
                gateway.tokenForRole("reporting_tool_manager")).status());
    }

    private static String tags(JsonNode sensors) {
        StringBuilder out = new StringBuilder();
        sensors.forEach(s -> out.append(out.isEmpty() ? "" : ",").append(s.get("tag").asText()));
        return out.toString();
    }

    private static String equipment(JsonNode meters) {
        StringBuilder out = new StringBuilder();
        meters.forEach(m -> out.append(out.isEmpty() ? "" : ",").append(m.get("equipment").asText()));
        return out.toString();
    }

    private static String resource(String name) {
        try (InputStream in = DcsRoutesTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
