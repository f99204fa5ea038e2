package io.miningos.gateway.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.miningos.gateway.bootstrap.FakeOrk.answer;
import static io.miningos.gateway.bootstrap.TestGateway.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /auth/alerts/site} and {@code /auth/alerts/history} over a socket, from scripted ORKs. */
class SiteAlertRoutesTest extends TwoOrkGatewayTest {

    static final long T = 1_780_447_102_440L;
    /** ORK 1: a miner with two alerts, a container with one. */
    static final String THINGS_ONE = "[{\"id\":\"m1\",\"code\":\"AM-S21-0118\",\"type\":\"miner-am-s21\","
            + "\"info\":{\"container\":\"bitdeer-7b\"},\"last\":{\"alerts\":["
            + "{\"name\":\"max_pcb_temp_warning\",\"code\":\"max_pcb_temp_warning\",\"severity\":\"high\","
            + "\"createdAt\":" + T + ",\"uuid\":\"u1\",\"description\":\"Hashboard hot\"},"
            + "{\"name\":\"fan_error\",\"code\":\"fan_error\",\"severity\":\"medium\",\"createdAt\":" + (T - 1000)
            + ",\"uuid\":\"u2\"}]}},"
            + "{\"id\":\"c1\",\"code\":\"BD-D40-0001\",\"type\":\"container-bd-d40-m56\","
            + "\"info\":{\"container\":\"bitdeer-7b\"},\"last\":{\"alerts\":["
            + "{\"name\":\"oil_temp_high\",\"code\":\"oil_temp_high\",\"severity\":\"critical\",\"createdAt\":"
            + (T - 2000) + ",\"uuid\":\"u3\",\"message\":\"TS-1\"}]}}]";
    /** ORK 2: a miner in another container with a low alert. */
    static final String THINGS_TWO = "[{\"id\":\"m9\",\"code\":\"WM-M56-0002\",\"type\":\"miner-wm-m56s\","
            + "\"info\":{\"container\":\"microbt-2\"},\"last\":{\"alerts\":["
            + "{\"name\":\"low_hashrate\",\"code\":\"low_hashrate\",\"severity\":\"low\",\"createdAt\":"
            + (T - 500) + ",\"uuid\":\"u4\"}]}}]";
    static final String HISTORY_ONE = "[{\"name\":\"fan_error\",\"code\":\"fan_error\",\"severity\":\"medium\","
            + "\"createdAt\":" + (T - 5000) + ",\"uuid\":\"h1\",\"thing\":{\"id\":\"m1\",\"code\":\"AM-S21-0118\","
            + "\"type\":\"miner-am-s21\",\"info\":{\"container\":\"bitdeer-7b\",\"pos\":\"2-3_b2\"},"
            + "\"tags\":[\"t-miner\",\"t-miner-am-s21\"]}},"
            + "{\"name\":\"oil_temp_high\",\"code\":\"oil_temp_high\",\"severity\":\"critical\",\"createdAt\":"
            + (T - 9000) + ",\"uuid\":\"h2\",\"thing\":{\"id\":\"c1\",\"code\":\"BD-D40-0001\","
            + "\"type\":\"container-bd-d40-m56\",\"info\":{\"container\":\"bitdeer-7b\"},\"tags\":[\"t-container\"]}}]";
    /** ORK 2 reports h1 again (the same alert seen twice counts once) and one of its own. */
    static final String HISTORY_TWO = "[{\"name\":\"fan_error\",\"code\":\"fan_error\",\"severity\":\"medium\","
            + "\"createdAt\":" + (T - 5000) + ",\"uuid\":\"h1\",\"thing\":{\"id\":\"m1\"}},"
            + "{\"name\":\"low_hashrate\",\"code\":\"low_hashrate\",\"severity\":\"low\",\"createdAt\":"
            + (T - 7000) + ",\"uuid\":\"h3\",\"thing\":{\"id\":\"m9\",\"code\":\"WM-M56-0002\","
            + "\"type\":\"miner-wm-m56s\",\"info\":{\"container\":\"microbt-2\"},\"tags\":[\"t-miner\"]}}]";
    static final String RANGE = "start=" + (T - 86_400_000L) + "&end=" + T;

    private String token;

    @BeforeEach
    void start() {
        token = gateway.tokenForRole("read_only_user");
        one.on("listThings", request -> answer(request.path("offset").asInt() == 0 ? THINGS_ONE : "[]"));
        two.on("listThings", request -> answer(request.path("offset").asInt() == 0 ? THINGS_TWO : "[]"));
        one.on("getHistoricalLogs", answer(HISTORY_ONE));
        two.on("getHistoricalLogs", answer(HISTORY_TWO));
    }

    private TestGateway.Response get(String path) {
        return gateway.get(path, token);
    }

    @Test
    void currentAlertsOfEveryOrkNewestFirstKeepingTheirOwnCode() {
        TestGateway.Response response = get("/auth/alerts/site");
        assertEquals(200, response.status(), response.body());
        JsonNode body = response.json();
        // newest first: u1 (T), u4 (T-500), u2 (T-1000), u3 (T-2000)
        assertEquals("u1,u4,u2,u3", uuids(body.get("alerts")));
        JsonNode first = body.get("alerts").get(0);
        assertEquals("max_pcb_temp_warning", first.get("code").asText(), "the alert's own code");
        assertEquals("AM-S21-0118", first.get("deviceCode").asText());
        assertEquals("m1", first.get("id").asText());
        assertEquals("m1", first.get("deviceId").asText());
        assertEquals("miner-am-s21", first.get("type").asText());
        assertEquals("bitdeer-7b", first.get("container").asText());
        assertEquals("{\"critical\":1,\"high\":1,\"medium\":1,\"low\":1,\"total\":4}", body.get("summary").toString());
        assertEquals(4, body.get("total").asInt());
        JsonNode request = one.lastCall("listThings").request();
        assertEquals("{\"$ne\":null}", request.path("query").path("last.alerts").toString());
        assertEquals(1, request.path("status").asInt());
        assertEquals(100, request.path("limit").asInt(), "read page by page");
    }

    @Test
    void filterSearchSortAndPageApplyToTheWholeSiteAndTheSummaryCountsTheFiltered() {
        JsonNode body = get("/auth/alerts/site?filter=" + q("{\"container\":\"bitdeer-7b\"}") + "&sort="
                + q("{\"severity\":-1}") + "&limit=2&offset=1").json();
        // bitdeer-7b: u3 critical, u1 high, u2 medium; by severity descending, the second and third
        assertEquals("u1,u2", uuids(body.get("alerts")));
        assertEquals(3, body.get("total").asInt());
        assertEquals("{\"critical\":1,\"high\":1,\"medium\":1,\"low\":0,\"total\":3}", body.get("summary").toString());
        JsonNode bySeverity = get("/auth/alerts/site?filter=" + q("{\"severity\":[\"low\",\"critical\"]}")).json();
        assertEquals("u4,u3", uuids(bySeverity.get("alerts")));
        JsonNode searched = get("/auth/alerts/site?search=WM-M56").json();
        assertEquals("u4", uuids(searched.get("alerts")), "the device code is searched");
        JsonNode byCode = get("/auth/alerts/site?filter=" + q("{\"code\":\"fan_error\"}")).json();
        assertEquals("u2", uuids(byCode.get("alerts")));
    }

    @Test
    void historyOfEveryOrkEachAlertOnceWithItsDevice() {
        TestGateway.Response response = get("/auth/alerts/history?" + RANGE);
        assertEquals(200, response.status(), response.body());
        JsonNode body = response.json();
        assertEquals("h1,h3,h2", uuids(body.get("alerts")));
        assertEquals(3, body.get("total").asInt());
        assertEquals("{\"name\":\"fan_error\",\"code\":\"fan_error\",\"severity\":\"medium\",\"createdAt\":"
                + (T - 5000) + ",\"uuid\":\"h1\",\"deviceId\":\"m1\",\"deviceType\":\"miner-am-s21\","
                + "\"deviceCode\":\"AM-S21-0118\",\"container\":\"bitdeer-7b\",\"position\":\"2-3_b2\","
                + "\"tags\":[\"t-miner\",\"t-miner-am-s21\"]}", body.get("alerts").get(0).toString());
        JsonNode request = one.lastCall("getHistoricalLogs").request();
        assertEquals("alerts", request.path("logType").asText());
        assertEquals(T, request.path("end").asLong());
        assertEquals(10_000, request.path("limit").asInt());
        JsonNode tagged = get("/auth/alerts/history?" + RANGE + "&filter=" + q("{\"tags\":\"t-container\"}")).json();
        assertEquals("h2", uuids(tagged.get("alerts")), "a tag filter matches a device holding the tag");
        JsonNode paged = get("/auth/alerts/history?" + RANGE + "&sort=" + q("{\"createdAt\":1}")
                + "&limit=1&search=hashrate").json();
        assertEquals("h3", uuids(paged.get("alerts")));
        assertEquals(1, paged.get("total").asInt());
    }

    @Test
    void aFailedOrkIsNamedAndTheOthersAlertsStand() {
        two.on("listThings", FakeOrk.unreachable());
        two.on("getHistoricalLogs", FakeOrk.unreachable());
        TestGateway.Response current = get("/auth/alerts/site");
        assertEquals(200, current.status());
        assertEquals("cluster-2=unavailable", current.orkFailures());
        assertEquals("u1,u2,u3", uuids(current.json().get("alerts")));
        TestGateway.Response history = get("/auth/alerts/history?" + RANGE);
        assertEquals("cluster-2=unavailable", history.orkFailures());
        assertEquals("h1,h2", uuids(history.json().get("alerts")));
    }

    @Test
    void noAlertsIsAnEmptyListWithZeroCounts() {
        one.on("listThings", answer("[]"));
        two.on("listThings", answer("[]"));
        one.on("getHistoricalLogs", answer("[]"));
        two.on("getHistoricalLogs", answer("[]"));
        assertEquals("{\"alerts\":[],\"summary\":{\"critical\":0,\"high\":0,\"medium\":0,\"low\":0,\"total\":0},"
                + "\"total\":0}", get("/auth/alerts/site").body());
        assertEquals("{\"alerts\":[],\"total\":0}", get("/auth/alerts/history?" + RANGE).body());
    }

    @Test
    void whenNoOrkAnswersItIs502() {
        one.on("listThings", FakeOrk.unreachable());
        two.on("listThings", FakeOrk.unreachable());
        one.on("getHistoricalLogs", FakeOrk.unreachable());
        two.on("getHistoricalLogs", FakeOrk.unreachable());
        assertEquals(502, get("/auth/alerts/site").status());
        assertEquals("ERR_ORK_UNAVAILABLE", get("/auth/alerts/history?" + RANGE).errorCode());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/auth/alerts/site?filter=%7B                                   | ERR_INVALID_FILTER",
            "/auth/alerts/site?filter=%7B%22uuid%22%3A%22x%22%7D           | ERR_INVALID_FILTER",
            "/auth/alerts/site?filter=%5B%5D                                | ERR_INVALID_FILTER",
            "/auth/alerts/site?sort=nope                                    | ERR_INVALID_SORT",
            "/auth/alerts/site?sort=%7B%22createdAt%22%3A2%7D               | ERR_INVALID_SORT",
            "/auth/alerts/site?sort=%7B%22uuid%22%3A1%7D                    | ERR_INVALID_SORT",
            "/auth/alerts/site?limit=0                                      | ERR_LIMIT_INVALID",
            "/auth/alerts/site?limit=201                                    | ERR_LIMIT_INVALID",
            "/auth/alerts/site?limit=ten                                    | ERR_LIMIT_INVALID",
            "/auth/alerts/site?offset=-1                                    | ERR_OFFSET_INVALID",
            "/auth/alerts/site?overwriteCache=maybe                         | ERR_OVERWRITECACHE_INVALID",
            "/auth/alerts/history?end=1780447102440                         | ERR_MISSING_START_END",
            "/auth/alerts/history?start=1780447102440&end=1780360702440     | ERR_INVALID_DATE_RANGE",
            "/auth/alerts/history?start=1700000000000&end=1780447102440     | ERR_DATE_RANGE_TOO_LARGE",
            "/auth/alerts/history?start=1780360702440&end=1780447102440&limit=1001 | ERR_LIMIT_INVALID",
            "/auth/alerts/history?start=1780360702440&end=1780447102440&filter=%7B%22type%22%3A1%7D | ERR_INVALID_FILTER",
    })
    void badParametersAre400AndReachNoOrk(String path, String code) {
        TestGateway.Response response = get(path);
        assertEquals(400, response.status(), path + ": " + response.body());
        assertEquals(code, response.errorCode());
        assertTrue(one.calls().isEmpty());
    }

    @Test
    void searchTextIsBounded() {
        TestGateway.Response response = get("/auth/alerts/site?search=" + "x".repeat(201));
        assertEquals("ERR_SEARCH_INVALID", response.errorCode());
    }

    @Test
    void theReadPermissionIsNeededAndEnough() {
        assertEquals(401, gateway.get("/auth/alerts/site", "nonsense").status());
        String reporting = gateway.tokenForRole("reporting_tool_manager");
        TestGateway.Response denied = gateway.get("/auth/alerts/site?limit=0", reporting);
        assertEquals(403, denied.status(), "the permission is checked before the parameters");
        assertEquals("ERR_AUTH_FAIL_NO_PERMS", denied.errorCode());
        assertEquals(403, gateway.get("/auth/alerts/history?" + RANGE, reporting).status());
        assertEquals(200, get("/auth/alerts/history?" + RANGE).status(), "alerts:r without actions:w is enough");
    }

    private static String uuids(JsonNode alerts) {
        StringBuilder out = new StringBuilder();
        alerts.forEach(a -> out.append(out.isEmpty() ? "" : ",").append(a.get("uuid").asText()));
        return out.toString();
    }
}
