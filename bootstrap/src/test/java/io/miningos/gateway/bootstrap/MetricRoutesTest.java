package io.miningos.gateway.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.miningos.gateway.bootstrap.FakeOrk.answer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The metrics routes over a socket, from scripted ORKs: a small fixed site on June 1–3, 2026. Daily store: miners
 * 60 and 50 PH/s drawing 1.14 and 1.1 MW, the site meter 1.2 and 1.19 MW, the third day's keys failing. The
 * 3-hourly log: containers group-1/group-2 (and group-3 on the second ORK), M63 miners, temperatures; container
 * bitdeer-7b's stats and things.
 */
class MetricRoutesTest {

    static final long JUN_1 = Instant.parse("2026-06-01T00:00:00Z").toEpochMilli();
    static final long DAY = 86_400_000L;
    static final long HOUR = 3_600_000L;
    static final String RANGE = "start=" + JUN_1 + "&end=" + (JUN_1 + 3 * DAY - 1);

    @TempDir
    Path dataDir;
    @TempDir
    Path dcsDataDir;

    private final FakeOrk one = new FakeOrk();
    private final FakeOrk two = new FakeOrk();
    private TestGateway gateway;
    private String token;

    @BeforeEach
    void start() {
        gateway = TestGateway.start(dataDir, orks());
        token = gateway.tokenForRole("read_only_user");
        one.on("tailLogCustomRangeAggr", request -> answer(rangeAggregates(request)));
        one.on("tailLog", request -> answer(tailLog(request, false)));
        one.on("listThings", request -> answer(things(request)));
        two.onAnyOther(answer("[]"));
        two.on("tailLog", request -> answer(tailLog(request, true)));
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

    private static String bucket(long day) {
        return "\"" + day + "-" + (day + DAY - 1) + "\"";
    }

    private static String rangeAggregates(JsonNode request) {
        StringBuilder out = new StringBuilder("[");
        for (JsonNode key : request.get("keys")) {
            long day = Instant.parse(key.get("startDate").asText()).toEpochMilli();
            String type = key.get("type").asText();
            out.append(out.length() > 1 ? "," : "");
            if (day == JUN_1 + 2 * DAY) {
                out.append("{\"type\":\"").append(type).append("\",\"data\":null,\"error\":\"ERR_TIMEZONE_OFFSET_INVALID\"}");
            } else if (type.equals("powermeter")) {
                long watts = day == JUN_1 ? 1_200_000 : 1_190_000;
                out.append("{\"type\":\"powermeter\",\"data\":{\"site_power_w\":").append(watts * 288)
                        .append(",\"aggrIntervals\":288}}");
            } else {
                long mhs = day == JUN_1 ? 60_000_000_000L : 50_000_000_000L;
                long watts = day == JUN_1 ? 1_140_000 : 1_100_000;
                out.append("{\"type\":\"miner\",\"data\":{\"hashrate_mhs_5m_sum_aggr\":").append(mhs * 288)
                        .append(",\"power_w_sum_aggr\":").append(watts * 288)
                        .append(",\"efficiency_w_ths_avg_aggr\":25.4,\"aggrIntervals\":288}}");
            }
        }
        return out.append("]").toString();
    }

    /** The second ORK holds group-3 only (its power on June 1). */
    private static String tailLog(JsonNode request, boolean second) {
        JsonNode fields = request.path("aggrFields");
        boolean bucketed = request.has("groupRange");
        if (fields.has("power_w_container_group_sum_aggr")) {
            return second ? "[{\"ts\":" + bucket(JUN_1) + ",\"power_w_container_group_sum_aggr\":{\"group-3\":100000}}]"
                    : "[{\"ts\":" + bucket(JUN_1) + ",\"power_w_container_group_sum_aggr\":{\"group-1\":600000,"
                    + "\"group-2\":590000}},{\"ts\":" + bucket(JUN_1 + DAY)
                    + ",\"power_w_container_group_sum_aggr\":{\"group-1\":610000}}]";
        }
        if (second) {
            return "[]";
        }
        if (fields.has("type_cnt")) {
            return "[{\"ts\":" + bucket(JUN_1) + ",\"type_cnt\":{\"miner-am-s19xp\":100},\"offline_cnt\":{\"group-1\":5},"
                    + "\"power_mode_sleep_cnt\":{\"group-1\":2},\"error_cnt\":{\"group-1\":1},\"not_mining_cnt\":{},"
                    + "\"maintenance_type_cnt\":{\"miner-am-s19xp\":3}}]";
        }
        if (fields.has("power_mode_group_aggr")) {
            StringBuilder out = new StringBuilder("[");
            String[][] modes = {{"normal", "normal", "low"}, {"low", "low", "low"}};
            for (int i = 0; i < 3; i++) {
                out.append(i > 0 ? "," : "").append("{\"ts\":").append(bucketed ? bucket(JUN_1 + i * DAY)
                                : Long.toString(JUN_1 + i * 3 * HOUR))
                        .append(",\"power_mode_group_aggr\":{\"bitdeer-7b-2-3_b2\":\"").append(modes[0][i])
                        .append("\",\"m63-1-a2\":\"").append(modes[1][i]).append("\",\"m63-1-a3\":\"high\","
                                + "\"m63-1-a4\":\"turbo\"},\"status_group_aggr\":{\"bitdeer-7b-2-3_b2\":\"mining\","
                                + "\"m63-1-a2\":\"mining\",\"m63-1-a3\":\"offline\",\"m63-1-a4\":\"mining\"}}");
            }
            return out.append("]").toString();
        }
        if (fields.has("temperature_c_group_max_aggr")) {
            return "[{\"ts\":" + bucket(JUN_1) + ",\"temperature_c_group_max_aggr\":{\"group-1\":78,\"group-2\":74},"
                    + "\"temperature_c_group_avg_aggr\":{\"group-1\":66.2,\"group-2\":64.9}}]";
        }
        if (fields.has("miner_supply_temp_c")) {
            return "[{\"ts\":" + bucket(JUN_1) + ",\"miner_supply_temp_c\":37.14,\"miner_return_temp_c\":44.8,"
                    + "\"chiller_running\":0.958,\"towers_running\":2}]";
        }
        if (fields.has("container_specific_stats_group_aggr")) {
            String first = "{\"ts\":" + JUN_1 + ",\"container_specific_stats_group_aggr\":{\"bitdeer-7b\":"
                    + "{\"cold_temp_c_1_group\":38.2,\"tank1_bar_group\":1.9}}}";
            String second2 = "{\"ts\":" + (JUN_1 + 300_000) + ",\"container_specific_stats_group_aggr\":"
                    + "{\"bitdeer-7b-x\":{\"cold_temp_c_1_group\":38.4,\"tank1_bar_group\":1.8}}}";
            return request.path("limit").asInt() == 1 ? "[" + second2 + "]" : "[" + second2 + "," + first + "]";
        }
        return "[]";
    }

    private static String things(JsonNode request) {
        if (request.path("offset").asInt() > 0) {
            return "[]";
        }
        String tag = request.path("query").path("tags").path("$in").path(0).asText();
        return switch (tag) {
            case "t-container" -> "[{\"id\":\"c1\",\"info\":{\"container\":\"bitdeer-7b\"}},"
                    + "{\"id\":\"c2\",\"info\":{\"container\":\"m63-1\"}}]";
            case "container-bitdeer-7b" -> "[{\"id\":\"m1\",\"type\":\"miner-am-s19xp\",\"tags\":[\"t-miner\","
                    + "\"container-bitdeer-7b\"]},{\"id\":\"pm1\",\"type\":\"powermeter-abb\",\"tags\":"
                    + "[\"t-powermeter\",\"container-bitdeer-7b\"]}]";
            default -> "[]";
        };
    }

    private JsonNode ok(String path) {
        TestGateway.Response response = gateway.get(path, token);
        assertEquals(200, response.status(), path + ": " + response.body());
        assertNull(response.orkFailures(), path);
        return response.json();
    }

    @Test
    void dailyHashrateAndConsumptionAreTheDaysMeansWithEveryDayListed() {
        JsonNode hashrate = ok("/auth/metrics/hashrate?" + RANGE);
        assertEquals(3, hashrate.get("log").size());
        assertEquals(JUN_1, hashrate.get("log").get(0).get("ts").asLong());
        // the day's sum over 288 intervals ÷ 288 (Node showed the sum, 288× too high)
        assertEquals("60000000000", hashrate.get("log").get(0).get("hashrateMhs").toString());
        assertTrue(hashrate.get("log").get(2).get("hashrateMhs").isNull(), "a failed key is an unknown day");
        assertEquals("{\"avgHashrateMhs\":55000000000,\"days\":2}", hashrate.get("summary").toString());

        JsonNode consumption = ok("/auth/metrics/consumption?" + RANGE);
        assertEquals("{\"ts\":" + JUN_1 + ",\"powerW\":1200000,\"consumptionMWh\":28.8}",
                consumption.get("log").get(0).toString());
        // (1.2 + 1.19) MW / 2; 28.8 + 28.56 MWh
        assertEquals("{\"avgPowerW\":1195000,\"totalConsumptionMWh\":57.36,\"days\":2}",
                consumption.get("summary").toString());
    }

    @Test
    void groupedConsumptionAddsTheOrksGroupsAndGivesEachGroupsEnergy() {
        JsonNode body = ok("/auth/metrics/consumption?" + RANGE + "&groupBy=container");
        JsonNode request = one.lastCall("tailLog").request();
        assertEquals("stat-3h", request.get("key").asText());
        assertEquals("1D", request.get("groupRange").asText());
        assertTrue(request.get("shouldCalculateAvg").asBoolean());
        JsonNode log = body.get("log");
        assertEquals("{\"group-1\":600000,\"group-2\":590000,\"group-3\":100000}", log.get(0).get("powerW").toString());
        assertEquals(14.4, log.get(0).get("consumptionMWh").get("group-1").asDouble()); // 600 kW × 24 h
        assertEquals("{}", log.get(2).get("powerW").toString(), "no ORK reported June 3");
        JsonNode summary = body.get("summary");
        assertEquals(950_000, summary.get("avgPowerW").asLong()); // (1,290,000 + 610,000) / 2 days
        assertEquals(45.6, summary.get("totalConsumptionMWh").asDouble()); // 30.96 + 14.64
        assertEquals("{\"avgPowerW\":605000,\"totalConsumptionMWh\":29.04,\"days\":2}",
                summary.get("groupedBy").get("group-1").toString());
    }

    @Test
    void efficiencyIsTheMinersPowerOverTheirHashrate() {
        JsonNode body = ok("/auth/metrics/efficiency?" + RANGE);
        // 1,140,000 W / 60,000 TH/s = 19; 1,100,000 / 50,000 = 22; all: 2,240,000 / 110,000 = 20.36
        assertEquals(19.0, body.get("log").get(0).get("efficiencyWThs").asDouble());
        assertEquals(22.0, body.get("log").get(1).get("efficiencyWThs").asDouble());
        assertTrue(body.get("log").get(2).get("efficiencyWThs").isNull());
        assertEquals("{\"avgEfficiencyWThs\":20.36,\"days\":2}", body.get("summary").toString());
    }

    @Test
    void minerStatusCountsOnlineWithoutSubtractingMaintenanceTwice() {
        JsonNode day = ok("/auth/metrics/miner-status?" + RANGE).get("log").get(0);
        // 100 counted − 5 offline − 2 sleeping − 1 error (Node: − 3 maintenance too, and errors online)
        assertEquals(92.0, day.get("online").asDouble());
        assertEquals(3.0, day.get("maintenance").asDouble());
        assertEquals(1.0, day.get("error").asDouble());
    }

    @Test
    void powerModesCountEachMinersStateOrModeAndUnknownModesAreUnknown() {
        JsonNode body = ok("/auth/metrics/power-mode?" + RANGE + "&interval=daily");
        assertEquals("1d", body.get("interval").asText());
        assertEquals("1D", one.lastCall("tailLog").request().get("groupRange").asText());
        JsonNode first = body.get("log").get(0);
        assertEquals(JUN_1, first.get("ts").asLong());
        assertEquals(1, first.get("normal").asInt());
        assertEquals(1, first.get("low").asInt());
        assertEquals(1, first.get("offline").asInt(), "an offline miner's mode does not count");
        assertEquals(1, first.get("unknown").asInt(), "turbo is no category (Node made one up)");
        assertEquals(0, first.get("high").asInt());
        assertEquals(1.33, body.get("summary").get("avgLow").asDouble()); // (1 + 1 + 2) / 3
    }

    @Test
    void theTimelineFindsAMinersContainerByTheSitesContainerNames() {
        JsonNode log = ok("/auth/metrics/power-mode/timeline?" + RANGE + "&container=bitdeer-7b").get("log");
        assertEquals(1, log.size(), log.toString());
        JsonNode miner = log.get(0);
        assertEquals("bitdeer-7b-2-3_b2", miner.get("minerId").asText());
        assertEquals("bitdeer-7b", miner.get("container").asText(), "Node cut at the last '-': bitdeer-7b-2");
        assertEquals("[{\"from\":" + JUN_1 + ",\"to\":" + (JUN_1 + 6 * HOUR) + ",\"powerMode\":\"normal\","
                + "\"status\":\"mining\"},{\"from\":" + (JUN_1 + 6 * HOUR) + ",\"to\":" + (JUN_1 + 6 * HOUR)
                + ",\"powerMode\":\"low\",\"status\":\"mining\"}]", miner.get("segments").toString());
        assertFalse(one.lastCall("tailLog").request().has("groupRange"));
        assertEquals(4, ok("/auth/metrics/power-mode/timeline").get("log").size(), "the last 30 days by default");
    }

    @Test
    void temperaturesOfOneContainer() {
        JsonNode body = ok("/auth/metrics/temperature?" + RANGE + "&container=group-1");
        assertEquals("1d", body.get("interval").asText(), "3 days: daily by default");
        assertEquals("{\"ts\":" + JUN_1 + ",\"containers\":{\"group-1\":{\"maxC\":78.0,\"avgC\":66.2}},"
                + "\"siteMaxC\":78.0,\"siteAvgC\":66.2}", body.get("log").get(0).toString());
        assertEquals("{\"avgMaxTemp\":78.0,\"avgAvgTemp\":66.2,\"peakTemp\":78.0}", body.get("summary").toString());
    }

    @Test
    void coolingNeedsACentralDcsAndThenReadsItsAveragedLog() {
        TestGateway.Response off = gateway.get("/auth/metrics/cooling?" + RANGE, token);
        assertEquals(501, off.status(), off.body());
        assertEquals("ERR_FEATURE_NOT_ENABLED", off.errorCode());
        assertTrue(one.calls("tailLog").isEmpty());
        try (TestGateway dcs = TestGateway.start(dcsDataDir, orks(), Map.of("centralDCSSetup",
                Map.of("enabled", true, "tag", "t-dcs-main")))) {
            TestGateway.Response response = dcs.get("/auth/metrics/cooling?" + RANGE, dcs.tokenForRole(
                    "read_only_user"));
            assertEquals(200, response.status(), response.body());
            JsonNode request = one.lastCall("tailLog").request();
            assertEquals("t-dcs-main", request.get("tag").asText());
            assertTrue(request.get("shouldCalculateAvg").asBoolean(), "averaged, not summed (Node)");
            JsonNode point = response.json().get("log").get(0);
            assertEquals(37.1, point.get("minerSupplyTempC").asDouble());
            assertEquals(7.7, point.get("minerDeltaTC").asDouble()); // 44.8 − 37.14, 1 decimal
            assertEquals(95.8, point.get("chillerUptimePct").asDouble());
            assertTrue(point.get("hvacSupplyTempC").isNull());
        }
    }

    @Test
    void aContainersHistoryAndItsThings() {
        JsonNode log = ok("/auth/metrics/containers/bitdeer-7b/history?" + RANGE).get("log");
        assertEquals("[{\"ts\":" + JUN_1 + ",\"cold_temp_c_1_group\":38.2,\"tank1_bar_group\":1.9},{\"ts\":"
                + (JUN_1 + 300_000) + ",\"cold_temp_c_1_group\":38.4,\"tank1_bar_group\":1.8}]", log.toString());
        assertEquals(864, one.lastCall("tailLog").request().get("limit").asInt(), "3 days of 5-minute ticks");

        JsonNode container = ok("/auth/metrics/containers/bitdeer-7b");
        assertEquals("bitdeer-7b", container.get("id").asText());
        assertEquals(2, container.get("devices").size());
        assertEquals(1, container.get("miners").size(), "only its miners (Node listed every device)");
        assertEquals("m1", container.get("miners").get(0).get("id").asText());
        assertEquals(38.4, container.get("telemetry").get("cold_temp_c_1_group").asDouble());
        assertFalse(container.get("truncated").asBoolean());
    }

    @Test
    void aFailedOrkIsNamedAndTheOthersFiguresStand() {
        two.onAnyOther(FakeOrk.unreachable());
        two.on("tailLog", FakeOrk.unreachable());
        TestGateway.Response response = gateway.get("/auth/metrics/consumption?" + RANGE + "&groupBy=container",
                token);
        assertEquals(200, response.status(), response.body());
        assertEquals("cluster-2=unavailable", response.orkFailures());
        assertFalse(response.json().get("log").get(0).get("powerW").has("group-3"));
        assertEquals(600_000, response.json().get("log").get(0).get("powerW").get("group-1").asLong());
    }

    @Test
    void whenNoOrkAnswersAnythingItIs502() {
        for (FakeOrk ork : List.of(one, two)) {
            ork.onAnyOther(FakeOrk.unreachable());
            ork.on("tailLog", FakeOrk.unreachable());
            ork.on("tailLogCustomRangeAggr", FakeOrk.unreachable());
            ork.on("listThings", FakeOrk.unreachable());
        }
        for (String path : List.of("hashrate?" + RANGE, "miner-status?" + RANGE, "containers/bitdeer-7b")) {
            TestGateway.Response response = gateway.get("/auth/metrics/" + path, token);
            assertEquals(502, response.status(), path + ": " + response.body());
            assertEquals("ERR_ORK_UNAVAILABLE", response.errorCode());
        }
    }

    @Test
    void noDataIsNullsNotZeros() {
        one.on("tailLogCustomRangeAggr", answer("[]"));
        one.on("tailLog", answer("[]"));
        one.on("listThings", answer("[]"));
        two.on("tailLog", answer("[]"));
        JsonNode hashrate = ok("/auth/metrics/hashrate?" + RANGE);
        assertEquals(3, hashrate.get("log").size());
        assertEquals("{\"avgHashrateMhs\":null,\"days\":0}", hashrate.get("summary").toString());
        assertEquals("{\"avgEfficiencyWThs\":null,\"days\":0}",
                ok("/auth/metrics/efficiency?" + RANGE).get("summary").toString());
        JsonNode status = ok("/auth/metrics/miner-status?" + RANGE);
        assertEquals(0, status.get("log").size());
        assertTrue(status.get("summary").get("avgOnline").isNull());
        JsonNode container = ok("/auth/metrics/containers/bitdeer-7b");
        assertTrue(container.get("telemetry").isNull());
        assertEquals(0, container.get("devices").size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "hashrate                   | end=1780444800000                                     | ERR_MISSING_START_END",
            "consumption                | start=1780444800000&end=1780272000000                 | ERR_INVALID_DATE_RANGE",
            "efficiency                 | start=1748736000000&end=1780444800000                 | ERR_DATE_RANGE_TOO_LARGE",
            "hashrate                   | start=1780272000000&end=1780444800000&groupBy=site    | ERR_GROUPBY_INVALID",
            "power-mode                 | start=1780272000000&end=1780444800000&interval=5m     | ERR_INTERVAL_INVALID",
            "power-mode/timeline        | start=1777680000000&end=1780444800000                 | ERR_DATE_RANGE_TOO_LARGE",
            "power-mode/timeline        | start=yesterday                                       | ERR_MISSING_START_END",
            "containers/c1/history      | start=1777000000000&end=1780444800000                 | ERR_DATE_RANGE_TOO_LARGE",
            "containers/c1/history      | limit=0                                               | ERR_LIMIT_INVALID",
            "containers/c1/history      | limit=10081                                           | ERR_LIMIT_INVALID",
            "miner-status               | start=1780272000000&end=1780444800000&overwriteCache=yes | ERR_OVERWRITECACHE_INVALID",
            "cooling                    | start=1780272000000                                   | ERR_MISSING_START_END",
    })
    void badParametersAre400AndReachNoOrk(String route, String query, String code) {
        TestGateway.Response response = gateway.get("/auth/metrics/" + route + "?" + query, token);
        assertEquals(400, response.status(), route + " " + query + ": " + response.body());
        assertEquals(code, response.errorCode());
        assertTrue(one.calls().isEmpty());
    }

    @Test
    void longContainerNamesAndRackListsAre400() {
        String name = "c".repeat(101);
        for (String path : List.of("temperature?" + RANGE + "&container=" + name, "containers/" + name,
                "containers/" + name + "/history", "power-mode/timeline?container=" + name)) {
            TestGateway.Response response = gateway.get("/auth/metrics/" + path, token);
            assertEquals(400, response.status(), path);
            assertEquals("ERR_CONTAINER_INVALID", response.errorCode(), path);
        }
        TestGateway.Response racks = gateway.get("/auth/metrics/hashrate?" + RANGE + "&groupBy=rack&racks="
                + "r".repeat(201), token);
        assertEquals("ERR_RACKS_INVALID", racks.errorCode());
        assertTrue(one.calls().isEmpty());
    }

    @Test
    void aTokenIsNeededAndEnough() {
        for (String route : List.of("hashrate?" + RANGE, "power-mode/timeline", "containers/bitdeer-7b")) {
            assertEquals(401, gateway.get("/auth/metrics/" + route, "nonsense").status(), route);
        }
        assertEquals(200, gateway.get("/auth/metrics/temperature?" + RANGE, gateway.tokenForRole("field_operator"))
                .status());
    }
}
