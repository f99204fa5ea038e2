package io.miningos.gateway.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.miningos.gateway.bootstrap.FakeOrk.answer;
import static io.miningos.gateway.bootstrap.FinanceRoutesTest.DAY;
import static io.miningos.gateway.bootstrap.FinanceRoutesTest.JUN_1;
import static io.miningos.gateway.bootstrap.TestGateway.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /auth/pools} and {@code /auth/pools/:pool/balance-history} over a socket, from scripted ORKs. */
class PoolRoutesTest extends TwoOrkGatewayTest {

    static final String STATS = "[{\"ts\":" + JUN_1 + ",\"stats\":[{\"poolType\":\"f2pool\",\"username\":\"site\","
            + "\"balance\":3.41822019,\"hashrate\":60000000000000000,\"worker_count\":361,\"active_workers_count\":354},"
            + "{\"poolType\":\"ocean\",\"username\":\"site-ocean\",\"balance\":0.1120012,\"worker_count\":9,"
            + "\"active_workers_count\":0}]}]";
    static final String TRANSACTIONS = "[{\"ts\":" + JUN_1 + ",\"transactions\":[{\"username\":\"site\",\"id\":1,"
            + "\"changed_balance\":0.03,\"mining_extra\":{\"mining_date\":" + JUN_1 / 1000 + ",\"hash_rate\":5e16}}]},"
            + "{\"ts\":" + (JUN_1 + DAY) + ",\"transactions\":[{\"username\":\"site\",\"id\":2,\"changed_balance\":0.025,"
            + "\"mining_extra\":{\"mining_date\":" + (JUN_1 + DAY) / 1000 + ",\"hash_rate\":4e16}}]}]";
    static final String RANGE = "start=" + JUN_1 + "&end=" + (JUN_1 + 3 * DAY - 1);

    private String token;

    @BeforeEach
    void start() {
        token = gateway.tokenForRole("read_only_user");
        one.on("getWrkExtData", request -> answer("stats".equals(request.path("query").path("key").asText())
                ? STATS : TRANSACTIONS));
        two.on("getWrkExtData", request -> answer("stats".equals(request.path("query").path("key").asText())
                ? STATS : "[]"));
    }

    private TestGateway.Response get(String path) {
        return gateway.get(path, token);
    }

    @Test
    void theAccountsAreListedOnceFilteredSortedAndProjectedWithExactTotals() {
        TestGateway.Response response = get("/auth/pools?sort=" + q("{\"hashrate\":-1}"));
        assertEquals(200, response.status(), response.body());
        assertTrue(response.body().contains("\"totalBalance\":3.53022139"), response.body());
        JsonNode body = response.json();
        assertEquals(2, body.get("pools").size(), "the account both ORKs report counts once");
        assertEquals("site", body.get("pools").get(0).get("name").asText());
        assertTrue(response.body().contains("\"hashrate\":60000000000000000,"), "whole H/s, no exponent");
        JsonNode summary = body.get("summary");
        assertEquals(2, summary.get("poolCount").asInt());
        assertEquals(370, summary.get("totalWorkers").asInt());
        JsonNode idle = get("/auth/pools?query=" + q("{\"status\":\"inactive\"}") + "&fields="
                + q("{\"name\":1}")).json();
        assertEquals("[{\"name\":\"site-ocean\"}]", idle.get("pools").toString());
        assertEquals(2, idle.get("summary").get("poolCount").asInt());
    }

    @Test
    void theBalanceHistoryKeepsARunningTotal() {
        TestGateway.Response response = get("/auth/pools/all/balance-history?" + RANGE);
        assertEquals(200, response.status(), response.body());
        assertTrue(response.body().contains("{\"ts\":" + (JUN_1 + DAY) + ",\"revenueBTC\":0.02500000,"
                + "\"cumulativeRevenueBTC\":0.05500000,\"hashrateHs\":40000000000000000}"), response.body());
        get("/auth/pools/f2pool/balance-history?" + RANGE + "&range=1W");
        assertEquals("minerpool-f2pool", one.lastCall("getWrkExtData").request().get("type").asText());
    }

    @Test
    void aFailedOrkIsNamedAndTheOthersAnswerStands() {
        two.on("getWrkExtData", FakeOrk.unreachable());
        TestGateway.Response response = get("/auth/pools");
        assertEquals(200, response.status());
        assertEquals("cluster-2=unavailable", response.orkFailures());
        assertEquals(2, response.json().get("pools").size());
        assertEquals(200, get("/auth/pools/all/balance-history?" + RANGE).status());
    }

    @Test
    void noPoolsIsAnEmptyListWithZeroTotals() {
        one.on("getWrkExtData", answer("[]"));
        two.on("getWrkExtData", answer("[]"));
        assertEquals("{\"pools\":[],\"summary\":{\"poolCount\":0,\"totalHashrate\":0,\"totalWorkers\":0,"
                + "\"totalActiveWorkers\":0,\"totalBalance\":0.00000000}}", get("/auth/pools").body());
        assertEquals("{\"log\":[]}", get("/auth/pools/ocean/balance-history?" + RANGE).body());
    }

    @Test
    void whenNoOrkAnswersItIs502() {
        one.on("getWrkExtData", FakeOrk.unreachable());
        two.on("getWrkExtData", FakeOrk.unreachable());
        assertEquals(502, get("/auth/pools").status());
        assertEquals("ERR_ORK_UNAVAILABLE", get("/auth/pools/all/balance-history?" + RANGE).errorCode());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/auth/pools?query=%7B                                         | ERR_QUERY_INVALID_JSON",
            "/auth/pools?query=%5B%5D                                      | ERR_QUERY_INVALID_OBJECT",
            "/auth/pools?query=%7B%22a%22%3A%7B%22%24foo%22%3A1%7D%7D       | ERR_QUERY_INVALID",
            "/auth/pools?sort=%7B%22hashrate%22%3A2%7D                     | ERR_SORT_INVALID",
            "/auth/pools?sort=1                                            | ERR_SORT_INVALID_OBJECT",
            "/auth/pools?fields=%7B%22a%22%3A1%2C%22b%22%3A0%7D            | ERR_FIELDS_INVALID",
            "/auth/pools?fields=nope                                       | ERR_FIELDS_INVALID_JSON",
            "/auth/pools?overwriteCache=maybe                              | ERR_OVERWRITECACHE_INVALID",
            "/auth/pools/F2Pool/balance-history?start=1780272000000&end=1780444800000 | ERR_POOL_INVALID",
            "/auth/pools/all/balance-history?end=1780444800000             | ERR_MISSING_START_END",
            "/auth/pools/all/balance-history?start=1780444800000&end=1780272000000 | ERR_INVALID_DATE_RANGE",
            "/auth/pools/all/balance-history?start=1748736000000&end=1780444800000 | ERR_DATE_RANGE_TOO_LARGE",
            "/auth/pools/all/balance-history?start=1780272000000&end=1780444800000&range=1Y | ERR_RANGE_INVALID",
    })
    void badParametersAre400AndReachNoOrk(String path, String code) {
        TestGateway.Response response = get(path);
        assertEquals(400, response.status(), path + ": " + response.body());
        assertEquals(code, response.errorCode());
        assertTrue(one.calls().isEmpty());
    }

    @Test
    void aTokenIsNeededAndEnough() {
        assertEquals(401, gateway.get("/auth/pools", "nonsense").status());
        assertEquals(401, gateway.get("/auth/pools/all/balance-history?" + RANGE, "nonsense").status());
        assertEquals(200, gateway.get("/auth/pools", gateway.tokenForRole("field_operator")).status());
    }
}
