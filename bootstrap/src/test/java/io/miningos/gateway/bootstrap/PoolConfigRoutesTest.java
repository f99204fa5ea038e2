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

/**
 * {@code /auth/configs/pool}, {@code /auth/pools/config/:id} and {@code /auth/pools/stats/containers} over a socket.
 * The site: container c-1 (bitdeer-1) uses cfg-1, its miners m-1 cfg-1 and m-2 cfg-2 (an override); on the second
 * ORK container c-2 (micro-1) has no config and its miner m-3 uses cfg-2.
 */
class PoolConfigRoutesTest extends TwoOrkGatewayTest {

    static final String CONFIG_1 = "{\"id\":\"cfg-1\",\"type\":\"pool\",\"poolConfigName\":\"Main\",\"poolUrls\":[{\"url\":"
            + "\"stratum+tcp://btc.f2pool.com:1314\",\"workerName\":\"site\",\"workerPassword\":\"x\",\"pool\":\"f2pool\"}],"
            + "\"status\":\"approved\"}";
    static final String CONFIG_2 = "{\"id\":\"cfg-2\",\"type\":\"pool\",\"poolConfigName\":\"Backup\",\"status\":\"pending\"}";
    static final String C1 = "{\"id\":\"c-1\",\"type\":\"container-bd-d40\",\"info\":{\"container\":\"bitdeer-1\","
            + "\"poolConfig\":\"cfg-1\"}}";
    static final String M1 = "{\"id\":\"m-1\",\"type\":\"miner-am-s21\",\"info\":{\"container\":\"bitdeer-1\","
            + "\"poolConfig\":\"cfg-1\"}}";
    static final String M2 = "{\"id\":\"m-2\",\"type\":\"miner-am-s21\",\"info\":{\"container\":\"bitdeer-1\","
            + "\"poolConfig\":\"cfg-2\"}}";
    static final String C2 = "{\"id\":\"c-2\",\"type\":\"container-mbt\",\"info\":{\"container\":\"micro-1\"}}";
    static final String M3 = "{\"id\":\"m-3\",\"type\":\"miner-wm-m56s\",\"info\":{\"container\":\"micro-1\","
            + "\"poolConfig\":\"cfg-2\"}}";

    private String admin;

    @BeforeEach
    void start() {
        admin = gateway.tokenForRole("admin", "site.admin@example.com");
        one.on("getConfigs", answer("[" + CONFIG_1 + "]"));
        two.on("getConfigs", answer("[" + CONFIG_1 + "," + CONFIG_2 + "]"));
        one.on("listThings", request -> answer(things(request, "[" + C1 + "," + M1 + "," + M2 + "]", "[" + C1 + "]")));
        two.on("listThings", request -> answer(things(request, "[" + M3 + "]", "[" + C2 + "]")));
    }

    private static String things(JsonNode request, String configured, String containers) {
        JsonNode query = request.path("query");
        if (query.has("id")) {
            String all = configured + containers;
            String id = query.path("id").asText();
            for (String t : new String[]{C1, C2, M1, M2, M3}) {
                if (t.contains("\"id\":\"" + id + "\"") && all.contains(t)) {
                    return "[" + t + "]";
                }
            }
            return "[]";
        }
        String text = query.toString();
        return text.contains("$exists") ? configured : text.contains("t-container") ? containers
                : text.contains("container-bitdeer-1") ? configured : "[]";
    }

    private TestGateway.Response get(String path) {
        return gateway.get(path, admin);
    }

    @Test
    void theConfigsAreListedOnceWithTheirUsersOverEveryOrk() {
        TestGateway.Response response = get("/auth/configs/pool");
        assertEquals(200, response.status(), response.body());
        JsonNode body = response.json();
        assertEquals(2, body.size(), "the config both ORKs hold counts once");
        assertEquals("x", body.get(0).path("poolUrls").get(0).path("workerPassword").asText(), "as stored");
        assertEquals(1, body.get(0).path("containers").asInt());
        assertEquals(1, body.get(0).path("miners").asInt());
        assertEquals(0, body.get(1).path("containers").asInt());
        assertEquals(2, body.get(1).path("miners").asInt(), "m-2 on the first ORK, m-3 on the second");
        get("/auth/configs/pool?query=" + q("{\"status\":\"approved\"}") + "&fields=" + q("{\"id\":1}"));
        JsonNode sent = one.lastCall("getConfigs").request();
        assertEquals("{\"type\":\"pool\",\"query\":{\"status\":\"approved\"},\"fields\":{\"id\":1}}", sent.toString());
    }

    @Test
    void aThingsConfigAndItsContainersOverrides() {
        assertEquals("{\"poolConfig\":\"cfg-1\",\"overriddenConfig\":1}", get("/auth/pools/config/c-1").body());
        assertEquals("{\"poolConfig\":\"cfg-2\",\"overriddenConfig\":0}", get("/auth/pools/config/m-3").body());
        assertEquals("{\"poolConfig\":null,\"overriddenConfig\":0}", get("/auth/pools/config/c-2").body());
        TestGateway.Response missing = get("/auth/pools/config/nope");
        assertEquals(404, missing.status());
        assertEquals("ERR_THING_NOT_FOUND", missing.errorCode());
    }

    @Test
    void everyContainersOverrides() {
        assertEquals("[{\"container\":\"bitdeer-1\",\"overriddenConfig\":1},{\"container\":\"micro-1\","
                + "\"overriddenConfig\":0}]", get("/auth/pools/stats/containers").body());
    }

    @Test
    void aFailedOrkIsNamedAndTheOthersAnswerStands() {
        two.on("getConfigs", FakeOrk.unreachable());
        two.on("listThings", FakeOrk.unreachable());
        TestGateway.Response configs = get("/auth/configs/pool");
        assertEquals(200, configs.status());
        assertEquals("cluster-2=unavailable", configs.orkFailures());
        assertEquals(1, configs.json().size());
        TestGateway.Response thing = get("/auth/pools/config/c-1");
        assertEquals("{\"poolConfig\":\"cfg-1\",\"overriddenConfig\":1}", thing.body());
        assertEquals("cluster-2=unavailable", thing.orkFailures());
        assertEquals("cluster-2=unavailable", get("/auth/pools/stats/containers").orkFailures());
        assertEquals(502, get("/auth/pools/config/m-3").status(), "m-3 may be on the ORK that failed");
    }

    @Test
    void noDataIsEmptyLists() {
        for (FakeOrk ork : new FakeOrk[]{one, two}) {
            ork.on("getConfigs", answer("[]"));
            ork.on("listThings", answer("[]"));
        }
        assertEquals("[]", get("/auth/configs/pool").body());
        assertEquals("[]", get("/auth/pools/stats/containers").body());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/auth/configs/miner                                      | ERR_CONFIG_TYPE_INVALID",
            "/auth/configs/pool?query=%7B                              | ERR_QUERY_INVALID_JSON",
            "/auth/configs/pool?query=%7B%22a%22%3A%7B%22%24foo%22%3A1%7D%7D | ERR_QUERY_INVALID",
            "/auth/configs/pool?query=%7B%22%24where%22%3A%22x%22%7D   | ERR_QUERY_INVALID",
            "/auth/configs/pool?fields=nope                            | ERR_FIELDS_INVALID_JSON",
            "/auth/configs/pool?fields=%7B%22a%22%3A1%2C%22b%22%3A0%7D | ERR_FIELDS_INVALID",
            "/auth/configs/pool?overwriteCache=maybe                   | ERR_OVERWRITECACHE_INVALID",
    })
    void badParametersAre400AndReachNoOrk(String path, String code) {
        TestGateway.Response response = get(path);
        assertEquals(400, response.status(), path + ": " + response.body());
        assertEquals(code, response.errorCode());
        assertTrue(one.calls().isEmpty());
    }

    @Test
    void aLongThingIdIs400() {
        assertEquals("ERR_THING_ID_INVALID", get("/auth/pools/config/" + "x".repeat(101)).errorCode());
        assertTrue(one.calls().isEmpty());
    }

    @Test
    void theConfigListNeedsPoolConfigReadWhichAdminsHold() {
        String reader = gateway.tokenForRole("read_only_user");
        TestGateway.Response refused = gateway.get("/auth/configs/pool", reader);
        assertEquals(403, refused.status());
        assertEquals("ERR_AUTH_FAIL_NO_PERMS", refused.errorCode());
        assertEquals(200, gateway.get("/auth/pools/stats/containers", reader).status(), "a token is enough");
        assertEquals(200, gateway.get("/auth/pools/config/c-1", reader).status());
        assertEquals(401, gateway.get("/auth/configs/pool", "nonsense").status());
    }
}
