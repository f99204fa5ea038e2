package io.miningos.gateway.bootstrap;

import org.junit.jupiter.api.Test;

import static io.miningos.gateway.bootstrap.FakeOrk.answer;
import static io.miningos.gateway.bootstrap.FakeOrk.error;
import static io.miningos.gateway.bootstrap.TestGateway.q;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Reads the ORKs refuse as the client's mistake answer 400 or 404 with the ORK's code, not 502: over the real
 * HTTP server with two in-test ORKs.
 */
class OrkRejectionRoutesTest extends TwoOrkGatewayTest {

    private static void refused(TestGateway.Response response, int status, String reason, String code,
                                String failures) {
        assertEquals(status, response.status(), response.body());
        assertEquals(status, response.json().get("statusCode").asInt());
        assertEquals(reason, response.json().get("error").asText());
        assertEquals(code, response.errorCode());
        assertEquals(failures, response.orkFailures());
    }

    @Test
    void anActionNoOrkHasIs404WithTheOrksCode() {
        one.on("getAction", error("ERR_ACTION_ID_NOT_FOUND"));
        two.on("getAction", error("ERR_ACTION_ID_NOT_FOUND"));
        refused(gateway.get("/auth/actions/voting/1718036711905", admin), 404, "Not Found",
                "ERR_ACTION_ID_NOT_FOUND", "cluster-1=ERR_ACTION_ID_NOT_FOUND, cluster-2=ERR_ACTION_ID_NOT_FOUND");
    }

    @Test
    void aRequestEveryOrkThatAnsweredCallsMalformedIs400WithTheOrksCode() {
        one.on("tailLog", error("ERR_TYPE_AGGR_INVALID"));
        two.on("tailLog", error("ERR_TYPE_AGGR_INVALID"));
        refused(gateway.get("/auth/tail-log?key=stat-5m&type=heater", admin), 400, "Bad Request",
                "ERR_TYPE_AGGR_INVALID", "cluster-1=ERR_TYPE_AGGR_INVALID, cluster-2=ERR_TYPE_AGGR_INVALID");

        one.on("getWrkConf", FakeOrk.unreachable());
        two.on("getWrkConf", error("ERR_FIELDS_INVALID"));
        refused(gateway.get("/auth/worker-config?type=container&fields=" + q("{\"a\":{\"b\":2}}"), admin), 400,
                "Bad Request", "ERR_FIELDS_INVALID", "cluster-1=unavailable, cluster-2=ERR_FIELDS_INVALID");

        // An each-style read that needs an answer is refused the same way.
        one.on("tailLogCustomRangeAggr", error("ERR_KEYS_INVALID"));
        two.on("tailLogCustomRangeAggr", error("ERR_KEYS_INVALID"));
        refused(gateway.get("/auth/tail-log/range-aggr?keys="
                        + q("[{\"type\":\"miner\",\"startDate\":\"x\",\"endDate\":\"y\"}]"), admin), 400,
                "Bad Request", "ERR_KEYS_INVALID", "cluster-1=ERR_KEYS_INVALID, cluster-2=ERR_KEYS_INVALID");
    }

    @Test
    void notFoundWhileAnOrkIsDownStaysAnOutage() {
        one.on("getAction", error("ERR_ACTION_ID_NOT_FOUND"));
        two.on("getAction", FakeOrk.unreachable());
        refused(gateway.get("/auth/actions/done/5", admin), 502, "Bad Gateway", "ERR_ORK_UNAVAILABLE",
                "cluster-1=ERR_ACTION_ID_NOT_FOUND, cluster-2=unavailable");
    }

    @Test
    void anOrkThatHasItMakesAPartialAnswerAsBefore() {
        one.on("getAction", error("ERR_ACTION_ID_NOT_FOUND"));
        two.on("getAction", answer("{\"id\":5,\"action\":\"reboot\"}"));
        TestGateway.Response response = gateway.get("/auth/actions/done/5", admin);
        assertEquals(200, response.status());
        assertEquals("[[],{\"id\":5,\"action\":\"reboot\"}]", response.body());
        assertEquals("cluster-1=ERR_ACTION_ID_NOT_FOUND", response.orkFailures());
    }

    @Test
    void writesStillAnswerOneEntryPerOrk() {
        one.on("voteAction", error("ERR_ACTION_ID_NOT_FOUND"));
        two.on("voteAction", error("ERR_ACTION_ID_NOT_FOUND"));
        TestGateway.Response response = gateway.send("PUT", "/auth/actions/voting/5/vote", admin,
                "{\"approve\":true}");
        assertEquals(200, response.status());
        assertEquals(2, response.json().size(), response.body());
        for (var entry : response.json()) {
            assertEquals(false, entry.get("success").asBoolean(), response.body());
            assertEquals("[HRPC_ERR]=ERR_ACTION_ID_NOT_FOUND", entry.get("error").asText());
        }
    }
}
