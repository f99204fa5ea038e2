package io.miningos.gateway.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.miningos.gateway.bootstrap.FakeOrk.answer;
import static io.miningos.gateway.bootstrap.FinanceRoutesTest.JUN_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /auth/site/*} over a socket, from two scripted ORKs (the second holds the DCS when there is one). */
class SiteRoutesTest {

    static final String LIVE = "[[{\"hashrate_mhs_1m_sum_aggr\":36000000000,\"online_or_minor_error_miners_amount_aggr\":39,"
            + "\"error_miners_amount_aggr\":1,\"hashrate_mhs_1m_cnt_aggr\":40}],[{\"site_power_w\":700000}],"
            + "[{\"container_nominal_miner_capacity_sum_aggr\":40}]]";
    static final String GROUP_STATS = "[[{\"hashrate_mhs_5m_container_group_sum_aggr\":{\"group-1\":36000000000},"
            + "\"hashrate_mhs_5m_pdu_rack_group_sum_aggr\":{\"group-1_rack-1\":18000000000,\"group-1_rack-2\":18000000000},"
            + "\"power_w_container_group_sum_aggr\":{\"group-1\":600000},"
            + "\"power_w_pdu_rack_group_sum_aggr\":{\"group-1_rack-1\":300000,\"group-1_rack-2\":300000},"
            + "\"power_mode_normal_cnt\":{\"group-1\":40}}]]";
    static final String DCS = "[{\"id\":\"dcs-1\",\"type\":\"dcs-siemens\",\"tags\":[\"t-dcs\"],\"last\":{\"snap\":{"
            + "\"config\":{\"mining\":{\"total_groups\":1,\"racks_per_group\":2,\"miners_per_rack\":20},"
            + "\"energy_layout\":{\"site_meter\":\"PM-MV\",\"branches\":[{\"board\":\"DB-1\",\"meter\":\"PM-1\","
            + "\"feeds\":\"Groups 1-1\"}]}},\"stats\":{\"dcs_specific\":{\"equipment\":{\"power_meters\":["
            + "{\"equipment\":\"PM-MV\",\"role\":\"site_main\",\"power\":{\"value\":640,\"unit\":\"kW\"}},"
            + "{\"equipment\":\"PM-1\",\"role\":\"rack\",\"power\":{\"value\":600,\"unit\":\"kW\"}}]}}}}}}]";
    static final String RANGE = "start=" + JUN_1 + "&end=" + (JUN_1 + 600_000);

    @TempDir
    Path dataDir;

    private final FakeOrk one = new FakeOrk();
    private final FakeOrk two = new FakeOrk();
    private TestGateway gateway;
    private String token;

    private void start(Map<String, Object> features) {
        Map<String, FakeOrk> orks = new LinkedHashMap<>();
        orks.put("cluster-1", one);
        orks.put("cluster-2", two);
        gateway = TestGateway.start(dataDir, orks, features);
        token = gateway.tokenForRole("read_only_user");
        for (FakeOrk ork : new FakeOrk[]{one, two}) {
            ork.on("tailLogMulti", request -> answer(request.get("keys").size() == 3 ? LIVE
                    : request.path("keys").get(0).path("type").asText().equals("miner") ? GROUP_STATS
                    : "[[{\"site_power_w\":700000}]]"));
            ork.on("getGlobalConfig", answer("{\"nominalPowerAvailability_MW\":1}"));
            ork.on("tailLog", answer("[{\"ts\":" + JUN_1 + ",\"site_power_w\":690000},{\"ts\":" + (JUN_1 + 300_000)
                    + ",\"site_power_w\":710000}]"));
        }
        two.on("listThings", request -> answer(request.path("query").has("tags") ? DCS : "[]"));
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    private TestGateway.Response get(String path) {
        return gateway.get(path, token);
    }

    @Test
    void theLiveSnapshotAddsTheOrksUp() {
        start(Map.of());
        TestGateway.Response response = get("/auth/site/status/live");
        assertEquals(200, response.status(), response.body());
        JsonNode body = response.json();
        assertEquals(72_000_000_000L, body.path("hashrate").path("valueMhs").asLong());
        assertEquals(1_400_000, body.path("power").path("valueW").asInt());
        assertEquals("{\"valueW\":1400000,\"nominalW\":2000000,\"utilizationPct\":70.0,\"alert\":\"\",\"error\":false}",
                body.path("power").toString());
        assertEquals(19.44, body.path("efficiencyWThs").asDouble(), "1.4 MW over 72,000 TH/s");
        assertEquals(80, body.path("miners").path("containerCapacity").asInt());
        assertEquals(2, body.path("miners").path("error").asInt(), "the error count, not the not-mining count");
    }

    @Test
    void thePowerChartIsTheSumOfTheOrksSeries() {
        start(Map.of());
        TestGateway.Response response = get("/auth/site/power-consumption?" + RANGE + "&tag=t-powermeter");
        assertEquals(200, response.status(), response.body());
        assertEquals("{\"log\":[{\"ts\":" + JUN_1 + ",\"valueW\":1380000},{\"ts\":" + (JUN_1 + 300_000)
                + ",\"valueW\":1420000}],\"summary\":{\"minW\":1380000,\"maxW\":1420000,\"avgW\":1400000,"
                + "\"currentW\":1400000}}", response.body());
        assertEquals("stat-5m", one.lastCall("tailLog").request().path("key").asText());
    }

    @Test
    void theOverviewAndTheEfficiencyPageReadTheDcs() {
        start(Map.of("centralDCSSetup", Map.of("enabled", true, "tag", "t-dcs")));
        TestGateway.Response groups = get("/auth/site/overview/groups");
        assertEquals(200, groups.status(), groups.body());
        JsonNode group = groups.json().path("groups").get(0);
        assertEquals("Group 1", group.path("name").asText());
        // both ORKs report group-1: 72 PH/s; the rack meter's 600 kW is the group's
        assertEquals("{\"efficiency\":{\"value\":8.3,\"unit\":\"W/TH/s\"},\"consumption\":{\"value\":600.0,"
                + "\"unit\":\"kW\"},\"hashrate\":{\"value\":72.0,\"unit\":\"PH/s\"}}", group.path("summary").toString());
        TestGateway.Response efficiency = get("/auth/site/efficiency");
        assertEquals(200, efficiency.status(), efficiency.body());
        assertEquals(8.89, efficiency.json().path("summary").path("site_efficiency").path("value").asDouble(),
                "640 kW over 72,000 TH/s");
        assertEquals(640_000, get("/auth/site/status/live").json().path("power").path("valueW").asInt(),
                "with a DCS the site meter is its site_main meter");
    }

    @Test
    void theEfficiencyPageWithoutADcsIs501() {
        start(Map.of());
        TestGateway.Response off = get("/auth/site/efficiency");
        assertEquals(501, off.status());
        assertEquals("ERR_FEATURE_NOT_ENABLED", off.errorCode());
        assertTrue(one.calls().isEmpty());
    }

    @Test
    void theEfficiencyPageWithoutTheDcsThingIs404() {
        start(Map.of("centralDCSSetup", Map.of("enabled", true)));
        two.on("listThings", answer("[]"));
        TestGateway.Response missing = get("/auth/site/efficiency");
        assertEquals(404, missing.status());
        assertEquals("ERR_DCS_DATA_NOT_FOUND", missing.errorCode());
    }

    @Test
    void aFailedOrkIsNamedAndTheOthersAnswerStands() {
        start(Map.of());
        two.onAnyOther(FakeOrk.unreachable());
        two.on("tailLogMulti", FakeOrk.unreachable());
        two.on("getGlobalConfig", FakeOrk.unreachable());
        two.on("tailLog", FakeOrk.unreachable());
        two.on("listThings", FakeOrk.unreachable());
        for (String path : new String[]{"/auth/site/status/live", "/auth/site/power-consumption?" + RANGE,
                "/auth/site/overview/groups"}) {
            TestGateway.Response response = get(path);
            assertEquals(200, response.status(), path);
            assertEquals("cluster-2=unavailable", response.orkFailures(), path);
        }
        assertEquals(700_000, get("/auth/site/status/live").json().path("power").path("valueW").asInt());
    }

    @Test
    void noDataIsNullsAndEmptyLists() {
        start(Map.of());
        for (FakeOrk ork : new FakeOrk[]{one, two}) {
            ork.on("tailLogMulti", answer("[]"));
            ork.on("tailLog", answer("[]"));
            ork.on("getGlobalConfig", answer("{}"));
        }
        JsonNode live = get("/auth/site/status/live").json();
        assertTrue(live.path("power").path("valueW").isNull(), live.toString());
        assertTrue(live.path("efficiencyWThs").isNull());
        assertEquals("{\"log\":[],\"summary\":{\"minW\":null,\"maxW\":null,\"avgW\":null,\"currentW\":null}}",
                get("/auth/site/power-consumption?" + RANGE).body());
        assertEquals("{\"groups\":[]}", get("/auth/site/overview/groups").body());
    }

    @Test
    void whenNoOrkAnswersItIs502() {
        start(Map.of());
        one.onAnyOther(FakeOrk.unreachable());
        two.onAnyOther(FakeOrk.unreachable());
        for (FakeOrk ork : new FakeOrk[]{one, two}) {
            for (String m : new String[]{"tailLogMulti", "getGlobalConfig", "tailLog", "listThings"}) {
                ork.on(m, FakeOrk.unreachable());
            }
        }
        assertEquals(502, get("/auth/site/status/live").status());
        assertEquals("ERR_ORK_UNAVAILABLE", get("/auth/site/overview/groups").errorCode());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/auth/site/power-consumption?end=1780272600000                         | ERR_MISSING_START_END",
            "/auth/site/power-consumption?start=x&end=1780272600000                 | ERR_MISSING_START_END",
            "/auth/site/power-consumption?start=1780272600000&end=1780272000000     | ERR_INVALID_DATE_RANGE",
            "/auth/site/power-consumption?start=1748736000000&end=1780444800000     | ERR_DATE_RANGE_TOO_LARGE",
            "/auth/site/power-consumption?start=1780272000000&end=1780272600000&interval=2m | ERR_INTERVAL_INVALID",
            "/auth/site/power-consumption?start=1780272000000&end=1780272600000&tag=%24bad | ERR_TAG_INVALID",
            "/auth/site/power-consumption?start=1780272000000&end=1780272600000&powerAttribute=a%20b | ERR_POWERATTRIBUTE_INVALID",
            "/auth/site/power-consumption?start=1780272000000&end=1780272600000&limit=0 | ERR_LIMIT_INVALID",
            "/auth/site/power-consumption?start=1780272000000&end=1780272600000&limit=10081 | ERR_LIMIT_INVALID",
            "/auth/site/power-consumption?start=1780272000000&end=1780272600000&totalTransformerConsumption=y | ERR_TOTALTRANSFORMERCONSUMPTION_INVALID",
            "/auth/site/status/live?overwriteCache=maybe                             | ERR_OVERWRITECACHE_INVALID",
    })
    void badParametersAre400AndReachNoOrk(String path, String code) {
        start(Map.of());
        TestGateway.Response response = get(path);
        assertEquals(400, response.status(), path + ": " + response.body());
        assertEquals(code, response.errorCode());
        assertTrue(one.calls().isEmpty());
    }

    @Test
    void theOverviewAndEfficiencyNeedMinerReadAndNothingMore() {
        start(Map.of("centralDCSSetup", Map.of("enabled", true)));
        String reporting = gateway.tokenForRole("reporting_tool_manager");
        assertEquals(403, gateway.get("/auth/site/overview/groups", reporting).status());
        assertEquals("ERR_AUTH_FAIL_NO_PERMS", gateway.get("/auth/site/efficiency", reporting).errorCode());
        assertEquals(200, gateway.get("/auth/site/status/live", reporting).status(), "a token is enough");
        assertEquals(200, get("/auth/site/overview/groups").status(), "miner:r without actions:w");
        assertEquals(401, gateway.get("/auth/site/status/live", "nonsense").status());
    }
}
