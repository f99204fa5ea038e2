package io.miningos.gateway.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static io.miningos.gateway.bootstrap.FakeOrk.answer;
import static io.miningos.gateway.bootstrap.FakeOrk.error;
import static io.miningos.gateway.bootstrap.TestGateway.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every ORK-backed write route: permissions, validation, what reaches the ORKs, answer shapes, invalidation. */
class OrkWriteRoutesTest extends TwoOrkGatewayTest {

    private static final String ACTIONS_QUERY = "/auth/actions?queries=" + q("[{\"type\":\"voting\"}]");
    private static final String ACTIONS_BATCH = "/auth/actions/batch?ids=1";
    private static final String ONE_ACTION = "/auth/actions/voting/1";

    private TestGateway.Response send(String method, String path, String body) {
        return gateway.send(method, path, admin, body);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PUT    | /auth/settings            | {\"entries\":{\"a\":1}}                        | ERR_RACK_ID_INVALID",
            "PUT | /auth/settings | {\"rackId\":\"r\"} | ERR_ENTRIES_INVALID",
            "PUT | /auth/settings | {\"rackId\":\"r\",\"entries\":{}} | ERR_ENTRIES_INVALID",
            "PUT | /auth/settings | {\"rackId\":\"r\",\"entries\":[1]} | ERR_ENTRIES_INVALID",
            "PUT | /auth/settings | {nope | ERR_BODY_INVALID_JSON",
            "POST | /auth/thing/comment | {\"thingId\":\"t\",\"comment\":\"c\"} | ERR_RACK_ID_INVALID",
            "POST | /auth/thing/comment | {\"rackId\":\"r\",\"comment\":\"c\"} | ERR_THING_ID_INVALID",
            "POST | /auth/thing/comment | {\"rackId\":\"r\",\"thingId\":\"t\",\"comment\":\"\"} | ERR_COMMENT_INVALID",
            "PUT | /auth/thing/comment | {\"rackId\":\"r\",\"thingId\":\"t\"} | ERR_COMMENT_INVALID",
            "PUT | /auth/thing/comment | {\"rackId\":\"r\",\"thingId\":\"t\",\"comment\":\"c\",\"ts\":\"x\"} | ERR_TS_INVALID",
            "PUT | /auth/thing/comment | {\"rackId\":\"r\",\"thingId\":\"t\",\"comment\":\"c\",\"id\":\" \"} | ERR_COMMENT_ID_INVALID",
            "DELETE | /auth/thing/comment | {\"rackId\":\"r\"} | ERR_THING_ID_INVALID",
            "DELETE | /auth/thing/comment | {\"rackId\":\"r\",\"thingId\":\"t\",\"id\":5} | ERR_COMMENT_ID_INVALID",
            "POST   | /auth/global-config       | {\"isAutoSleepAllowed\":true}                   | ERR_INVALID_JSON",
            "POST | /auth/global-config | {\"data\":{\"isAutoSleepAllowed\":\"no\"}} | ERR_IS_AUTO_SLEEP_ALLOWED_INVALID",
            "POST | /auth/global-config | {\"data\":{}} | ERR_IS_AUTO_SLEEP_ALLOWED_INVALID",
            "POST   | /auth/actions/voting      | {\"action\":\"reboot\",\"params\":[]}           | ERR_QUERY_INVALID",
            "POST   | /auth/actions/voting      | {\"query\":{},\"action\":\"\",\"params\":[]}    | ERR_ACTION_INVALID",
            "POST | /auth/actions/voting | {\"query\":{},\"action\":\"reboot\",\"params\":{}} | ERR_PARAMS_INVALID",
            "POST | /auth/actions/voting/batch | {\"batchActionUID\":\"b\"} | ERR_BATCH_ACTIONS_PAYLOAD_INVALID_ARRAY",
            "POST | /auth/actions/voting/batch | {\"batchActionsPayload\":[1],\"batchActionUID\":\"b\"} | ERR_BATCH_ACTIONS_PAYLOAD_INVALID_ARRAY",
            "POST | /auth/actions/voting/batch | {\"batchActionsPayload\":[]} | ERR_BATCH_ACTION_UID_INVALID",
            "POST | /auth/actions/voting/batch | {\"batchActionsPayload\":[],\"batchActionUID\":\"b\",\"suffix\":\"\"} | ERR_SUFFIX_INVALID",
            "PUT    | /auth/actions/voting/x/vote | {\"approve\":true}                            | ERR_ID_INVALID",
            "PUT | /auth/actions/voting/5/vote | {\"approve\":\"yes\"} | ERR_APPROVE_INVALID",
            "DELETE | /auth/actions/voting/cancel |                                              | ERR_IDS_INVALID",
            "DELETE | /auth/actions/voting/cancel?ids=a,b |                                      | ERR_IDS_INVALID",
    })
    void badWritesAre400WithTheirCodeAndReachNoOrk(String method, String path, String body, String code) {
        TestGateway.Response response = send(method, path, body);
        assertEquals(400, response.status(), response.body());
        assertEquals(code, response.errorCode());
        assertTrue(one.calls().isEmpty(), "no ORK was asked: " + one.calls());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "read_only_user         | PUT    | /auth/settings              | ERR_WRITE_PERM_REQUIRED",
            "read_only_user         | POST   | /auth/actions/voting        | ERR_WRITE_PERM_REQUIRED",
            "read_only_user         | POST   | /auth/actions/voting/batch  | ERR_WRITE_PERM_REQUIRED",
            "read_only_user         | PUT    | /auth/actions/voting/1/vote | ERR_WRITE_PERM_REQUIRED",
            "read_only_user         | DELETE | /auth/actions/voting/cancel?ids=1 | ERR_WRITE_PERM_REQUIRED",
            "reporting_tool_manager | POST   | /auth/thing/comment         | ERR_AUTH_FAIL_NO_PERMS",
            "reporting_tool_manager | PUT    | /auth/thing/comment         | ERR_AUTH_FAIL_NO_PERMS",
            "reporting_tool_manager | DELETE | /auth/thing/comment         | ERR_AUTH_FAIL_NO_PERMS",
            "site_manager           | POST   | /auth/global-config         | ERR_AUTH_FAIL_NO_PERMS",
    })
    void writesWithoutThePermissionAre403BeforeTheBodyIsRead(String role, String method, String path, String code) {
        TestGateway.Response response = gateway.send(method, path, gateway.tokenForRole(role), "{}");
        assertEquals(403, response.status(), response.body());
        assertEquals(code, response.errorCode());
        assertTrue(one.calls().isEmpty());
    }

    @Test
    void saveSettingsWrapsTheMergedSettingsOfEachOrk() {
        one.on("saveWrkSettings", answer("{\"subPartTypes\":[\"fan\"],\"x\":1}"));
        two.on("saveWrkSettings", answer("0"));
        TestGateway.Response response = send("PUT", "/auth/settings",
                "{\"rackId\":\"inventory-1\",\"entries\":{\"x\":1},\"ignored\":true}");
        assertEquals(200, response.status());
        assertEquals(json("[{\"success\":{\"subPartTypes\":[\"fan\"],\"x\":1}},{\"success\":0}]"), response.json());
        assertEquals(json("{\"rackId\":\"inventory-1\",\"entries\":{\"x\":1}}"),
                one.lastCall("saveWrkSettings").request());
    }

    @Test
    void commentsCarryTheCallerAsAuthorAndRefreshListThings() {
        String fieldOperator = gateway.tokenForRole("field_operator"); // comments:rw without general write
        one.on("saveThingComment", answer("1"));
        two.on("saveThingComment", answer("0"));
        assertInvalidates("/auth/list-things?limit=1", "listThings", () -> {
            TestGateway.Response added = gateway.send("POST", "/auth/thing/comment", fieldOperator,
                    "{\"rackId\":\"miner-am-s21-shelf-1\",\"thingId\":\"m-1\",\"comment\":\"Replaced PSU\","
                            + "\"pos\":\"2-3_b2\"}");
            assertEquals(json("[{\"success\":1},{\"success\":0}]"), added.json(), "no ORK holds m-1: all asked");
        });
        assertEquals(json("{\"rackId\":\"miner-am-s21-shelf-1\",\"thingId\":\"m-1\",\"pos\":\"2-3_b2\","
                + "\"comment\":\"Replaced PSU\",\"user\":\"field.operator@example.com\"}"),
                one.lastCall("saveThingComment").request());

        one.on("editThingComment", answer("1"));
        assertInvalidates("/auth/list-things?limit=1", "listThings", () -> assertEquals(200, send("PUT",
                "/auth/thing/comment", "{\"rackId\":\"r\",\"thingId\":\"t\",\"comment\":\"new\",\"id\":\"c-1\","
                        + "\"ts\":1717405511220}").status()));
        assertEquals(json("{\"id\":\"c-1\",\"rackId\":\"r\",\"thingId\":\"t\",\"ts\":1717405511220,"
                + "\"comment\":\"new\",\"user\":\"admin@example.com\"}"), one.lastCall("editThingComment").request());

        one.on("deleteThingComment", answer("1"));
        assertInvalidates("/auth/list-things?limit=1", "listThings", () -> assertEquals(200, send("DELETE",
                "/auth/thing/comment", "{\"rackId\":\"r\",\"thingId\":\"t\",\"ts\":1717405511220,"
                        + "\"comment\":\"ignored\"}").status()));
        assertEquals(json("{\"rackId\":\"r\",\"thingId\":\"t\",\"ts\":1717405511220,\"user\":\"admin@example.com\"}"),
                one.lastCall("deleteThingComment").request());
    }

    @Test
    void aCommentGoesOnlyToTheOrkThatHoldsTheThingInThatRack() {
        // the same rack id on both ORKs; only the second holds the thing (the first would answer 0 first)
        one.on("listThings", answer("[]"));
        two.on("listThings", request -> answer(request.path("query").path("id").asText().equals("m-9")
                ? "[{\"id\":\"m-9\",\"rack\":\"miner-am-s21-shelf-1\"}]" : "[]"));
        one.on("saveThingComment", answer("0"));
        two.on("saveThingComment", answer("1"));
        TestGateway.Response added = send("POST", "/auth/thing/comment",
                "{\"rackId\":\"miner-am-s21-shelf-1\",\"thingId\":\"m-9\",\"comment\":\"fan noisy\"}");
        assertEquals(json("[{\"success\":1}]"), added.json());
        assertEquals(null, added.orkFailures());
        assertTrue(one.calls("saveThingComment").isEmpty(), "the ORK without the thing is not asked");
        assertEquals(json("{\"query\":{\"id\":\"m-9\"},\"fields\":{\"id\":1}}"),
                two.lastCall("listThings").request());

        two.on("deleteThingComment", answer("1"));
        assertEquals(json("[{\"success\":1}]"), send("DELETE", "/auth/thing/comment",
                "{\"rackId\":\"miner-am-s21-shelf-1\",\"thingId\":\"m-9\",\"id\":\"c-1\"}").json());
        assertTrue(one.calls("deleteThingComment").isEmpty());
    }

    @Test
    void setGlobalConfigSendsOnlyTheFlagAndAnswersEachOrksConfigUnderSuccess() {
        one.on("setGlobalConfig", answer("{\"isAutoSleepAllowed\":false,\"nominalSiteMinerCapacity\":4232}"));
        two.on("setGlobalConfig", error("ERR_GLOBAL_CONFIG_NOT_FOUND"));
        assertInvalidates("/auth/global-config", "getGlobalConfig", () -> {
            TestGateway.Response response = send("POST", "/auth/global-config",
                    "{\"data\":{\"isAutoSleepAllowed\":false,\"nominalSiteMinerCapacity\":1}}");
            assertEquals(200, response.status());
            // the shipped UI tests data.success (Views/Settings/Settings.tsx)
            assertEquals("{\"success\":[{\"isAutoSleepAllowed\":false,\"nominalSiteMinerCapacity\":4232},[]]}",
                    response.body());
            assertEquals("cluster-2=ERR_GLOBAL_CONFIG_NOT_FOUND", response.orkFailures());
        });
        assertEquals(json("{\"isAutoSleepAllowed\":false}"), one.lastCall("setGlobalConfig").request());
    }

    @Test
    void setGlobalConfigThatNoOrkAppliedIsAnError() {
        one.on("setGlobalConfig", error("ERR_GLOBAL_CONFIG_NOT_FOUND"));
        two.on("setGlobalConfig", FakeOrk.unreachable());
        TestGateway.Response response = send("POST", "/auth/global-config", "{\"data\":{\"isAutoSleepAllowed\":true}}");
        assertEquals(502, response.status(), response.body());
        assertEquals("ERR_ORK_UNAVAILABLE", response.errorCode());
        assertEquals("cluster-1=ERR_GLOBAL_CONFIG_NOT_FOUND, cluster-2=unavailable", response.orkFailures());
    }

    @Test
    void pushActionAddsVoterAndPermissionsAndPassesAnswersOn() {
        String operator = gateway.tokenForRole("site_operator");
        String pushed = "{\"id\":1718036500077,\"data\":{\"status\":\"APPROVED\"},\"errors\":[]}";
        one.on("pushAction", answer(pushed));
        two.on("pushAction", FakeOrk.unreachable());
        assertInvalidatesActions(() -> {
            TestGateway.Response response = gateway.send("POST", "/auth/actions/voting", operator,
                    "{\"query\":{\"tags\":{\"$in\":[\"id-m-1\"]}},\"action\":\"reboot\",\"params\":[],"
                            + "\"tags\":[\"id-m-1\"],\"actionType\":\"miner\"}");
            assertEquals(200, response.status());
            assertEquals("[" + pushed + ",{\"id\":null,\"errors\":[\"ERR_ORK_UNAVAILABLE\"]}]", response.body());
            assertEquals("cluster-2=unavailable", response.orkFailures());
        });
        JsonNode request = one.lastCall("pushAction").request();
        assertEquals(json("{\"tags\":{\"$in\":[\"id-m-1\"]}}"), request.get("query"));
        assertEquals("reboot", request.get("action").asText());
        assertEquals(json("[]"), request.get("params"));
        assertEquals("site.operator@example.com", request.get("voter").asText());
        assertTrue(request.get("authPerms").toString().contains("\"miner:rw\""), request.toString());
        assertTrue(request.get("authPerms").toString().contains("\"actions:rw\""), request.toString());
        assertEquals(5, request.size(), "only query, action, params, voter and authPerms: " + request);
    }

    @Test
    void pushActionsBatchListsOneEntryPerPushedAction() {
        one.on("pushActionsBatch", answer("[{\"id\":1,\"errors\":[]},"
                + "{\"id\":null,\"errors\":[\"ERR_ORK_ACTION_CALLS_EMPTY\"]}]"));
        two.on("pushActionsBatch", error("ERR_PAYLOAD_INVALID"));
        String items = "[{\"query\":{\"tags\":{\"$in\":[\"id-a\"]}},\"action\":\"updateThing\","
                + "\"params\":[{\"rackId\":\"r\"}],\"tags\":[\"id-a\"]}]";
        assertInvalidatesActions(() -> {
            TestGateway.Response response = send("POST", "/auth/actions/voting/batch",
                    "{\"batchActionsPayload\":" + items + ",\"batchActionUID\":\"m-1\",\"suffix\":\"repair\"}");
            assertEquals(json("[{\"id\":1,\"errors\":[]},{\"id\":null,\"errors\":[\"ERR_ORK_ACTION_CALLS_EMPTY\"]},"
                    + "{\"id\":null,\"errors\":[\"[HRPC_ERR]=ERR_PAYLOAD_INVALID\"]}]"), response.json());
        });
        JsonNode request = one.lastCall("pushActionsBatch").request();
        assertEquals(json(items), request.get("batchActionsPayload"));
        assertEquals("m-1", request.get("batchActionUID").asText());
        assertEquals("repair", request.get("suffix").asText());
        assertEquals("admin@example.com", request.get("voter").asText());
        assertTrue(request.get("authPerms").isArray() && request.get("authPerms").get(0).asText().contains(":"));
    }

    private static String holding(long id, String store) {
        return "[{\"type\":\"" + store + "\",\"action\":{\"id\":" + id + ",\"action\":\"rackReboot\"}}]";
    }

    @Test
    void voteSendsBareCapabilityNamesToTheOrkHoldingTheAction() {
        String manager = gateway.tokenForRole("site_manager");
        one.on("getActionsBatch", answer(holding(1718036711905L, "voting")));
        one.on("voteAction", answer("1"));
        two.on("voteAction", error("ERR_ACTION_ID_NOT_FOUND"));
        assertInvalidatesActions(() -> {
            TestGateway.Response response = gateway.send("PUT", "/auth/actions/voting/1718036711905/vote", manager,
                    "{\"approve\":true}");
            // the shipped UI tests _head(data).success === 1 (hooks/useProcessActions.ts)
            assertEquals("[{\"success\":1}]", response.body());
            assertEquals(null, response.orkFailures());
        });
        assertTrue(two.calls("getActionsBatch").stream().anyMatch(call -> call.request()
                .equals(json("{\"ids\":[\"1718036711905\"]}"))), "every ORK is asked where the action lives");
        assertTrue(two.calls("voteAction").isEmpty(), "the ORK without the action is not asked");
        JsonNode request = one.lastCall("voteAction").request();
        assertEquals(1718036711905L, request.get("id").asLong());
        assertTrue(request.get("id").isIntegralNumber());
        assertTrue(request.get("approve").asBoolean());
        assertEquals("site.manager@example.com", request.get("voter").asText());
        assertEquals("miner", request.get("authPerms").get(0).asText());
        request.get("authPerms").forEach(cap -> assertTrue(!cap.asText().contains(":"), request.toString()));
    }

    @Test
    void aVoteOnAnActionOfTheSecondOrkIsNotSpoiltByTheFirst() {
        one.on("getActionsBatch", answer("[]"));
        one.on("voteAction", error("ERR_ACTION_ID_NOT_FOUND"));
        two.on("getActionsBatch", answer(holding(7, "voting")));
        two.on("voteAction", answer("1"));
        assertEquals("[{\"success\":1}]", send("PUT", "/auth/actions/voting/7/vote", "{\"approve\":false}").body());
        assertTrue(one.calls("voteAction").isEmpty());
    }

    @Test
    void aVoteOnAnActionNoOrkHoldsGoesToEveryOrkAndSaysWhy() {
        one.on("getActionsBatch", answer("[]"));
        two.on("getActionsBatch", FakeOrk.unreachable());
        one.on("voteAction", error("ERR_ACTION_ID_NOT_FOUND"));
        two.on("voteAction", FakeOrk.unreachable());
        TestGateway.Response response = send("PUT", "/auth/actions/voting/7/vote", "{\"approve\":true}");
        assertEquals(200, response.status());
        assertEquals(json("[{\"success\":false,\"error\":\"[HRPC_ERR]=ERR_ACTION_ID_NOT_FOUND\","
                + "\"errors\":[\"[HRPC_ERR]=ERR_ACTION_ID_NOT_FOUND\"]},"
                + "{\"success\":false,\"error\":\"ERR_ORK_UNAVAILABLE\",\"errors\":[\"ERR_ORK_UNAVAILABLE\"]}]"),
                response.json());
        assertEquals("cluster-1=ERR_ACTION_ID_NOT_FOUND, cluster-2=unavailable", response.orkFailures());
    }

    @Test
    void cancelSendsEachOrkTheIdsItHoldsAndListsItsOutcomesUnderRes() {
        one.on("getActionsBatch", answer(holding(1, "voting")));
        two.on("getActionsBatch", answer(holding(2, "voting")));
        one.on("cancelActionsBatch", answer("[{\"id\":\"1\",\"success\":true}]"));
        two.on("cancelActionsBatch", answer("[{\"id\":\"2\",\"success\":false,"
                + "\"error\":\"ERR_CANCEL_BATCH_ACTION-ID-2 ERR_CALLER_NOT_CREATOR\"}]"));
        assertInvalidatesActions(() -> assertEquals(json("[{\"res\":[{\"id\":\"1\",\"success\":true}]},"
                + "{\"res\":[{\"id\":\"2\",\"success\":false,"
                + "\"error\":\"ERR_CANCEL_BATCH_ACTION-ID-2 ERR_CALLER_NOT_CREATOR\"}]}]"),
                send("DELETE", "/auth/actions/voting/cancel?ids=1,2", null).json()));
        assertEquals(json("{\"ids\":[\"1\"],\"voter\":\"admin@example.com\"}"),
                one.lastCall("cancelActionsBatch").request());
        assertEquals(json("{\"ids\":[\"2\"],\"voter\":\"admin@example.com\"}"),
                two.lastCall("cancelActionsBatch").request());
    }

    @Test
    void cancellingAnActionOfTheSecondOrkAnswersItsOutcomeFirst() {
        // the shipped UI reads result[0].res[0].success (ActionCardHeaderButtons.tsx)
        two.on("getActionsBatch", answer(holding(5, "voting")));
        two.on("cancelActionsBatch", answer("[{\"id\":\"5\",\"success\":true}]"));
        one.on("cancelActionsBatch", FakeOrk.unreachable());
        TestGateway.Response response = send("DELETE", "/auth/actions/voting/cancel?ids=5", null);
        assertEquals("[{\"res\":[{\"id\":\"5\",\"success\":true}]}]", response.body());
        assertTrue(one.calls("cancelActionsBatch").isEmpty());
    }

    @Test
    void idsNoOrkHoldsAreCancelledEverywhereAndAFailedOrkReportsEachIdItWasSent() {
        one.on("cancelActionsBatch", answer("[{\"id\":\"9\",\"success\":false,"
                + "\"error\":\"ERR_CANCEL_BATCH_ACTION-ID-9 ERR_ACTION_ID_NOT_FOUND\"}]"));
        two.on("cancelActionsBatch", FakeOrk.unreachable());
        TestGateway.Response response = send("DELETE", "/auth/actions/voting/cancel?ids=9", null);
        assertEquals(json("[{\"res\":[{\"id\":\"9\",\"success\":false,"
                + "\"error\":\"ERR_CANCEL_BATCH_ACTION-ID-9 ERR_ACTION_ID_NOT_FOUND\"}]},"
                + "{\"res\":[{\"id\":\"9\",\"success\":false,\"error\":\"ERR_ORK_UNAVAILABLE\"}]}]"),
                response.json());
        assertEquals("cluster-2=unavailable", response.orkFailures());
    }

    /**
     * A cached read is served from the cache until {@code write} runs, and asks the ORKs again after it (counted
     * from the end of the write: a write may look up where its target lives with the same ORK method).
     */
    private void assertInvalidates(String read, String orkMethod, Runnable write) {
        assertEquals(200, send("GET", read, null).status());
        int before = one.calls(orkMethod).size();
        send("GET", read, null);
        assertEquals(before, one.calls(orkMethod).size(), "served from the cache");
        write.run();
        int afterWrite = one.calls(orkMethod).size();
        send("GET", read, null);
        assertEquals(afterWrite + 1, one.calls(orkMethod).size(), "asked again after the write");
    }

    private void assertInvalidatesActions(Runnable write) {
        Map<String, String> reads = Map.of(ACTIONS_QUERY, "queryActions", ACTIONS_BATCH, "getActionsBatch",
                ONE_ACTION, "getAction");
        reads.forEach((path, method) -> {
            send("GET", path, null);
            send("GET", path, null);
        });
        write.run();
        Map<String, Integer> afterWrite = new LinkedHashMap<>();
        reads.forEach((path, method) -> afterWrite.put(method, one.calls(method).size()));
        reads.forEach((path, method) -> send("GET", path, null));
        for (String method : List.of("queryActions", "getActionsBatch", "getAction")) {
            assertEquals(afterWrite.get(method) + 1, one.calls(method).size(), method + " asked again after the write");
        }
    }

    @Test
    void aFailedWriteStillDropsTheCachedReads() {
        one.on("pushAction", FakeOrk.unreachable());
        two.on("pushAction", FakeOrk.unreachable());
        Supplier<TestGateway.Response> push = () -> send("POST", "/auth/actions/voting",
                "{\"query\":{},\"action\":\"reboot\",\"params\":[]}");
        assertInvalidatesActions(() -> {
            TestGateway.Response response = push.get();
            assertEquals(200, response.status());
            assertEquals(json("[{\"id\":null,\"errors\":[\"ERR_ORK_UNAVAILABLE\"]},"
                    + "{\"id\":null,\"errors\":[\"ERR_ORK_UNAVAILABLE\"]}]"), response.json());
            assertEquals("cluster-1=unavailable, cluster-2=unavailable", response.orkFailures());
        });
    }
}
