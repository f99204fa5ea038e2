package io.miningos.gateway.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.miningos.gateway.bootstrap.FakeOrk.answer;
import static io.miningos.gateway.bootstrap.FakeOrk.error;
import static io.miningos.gateway.bootstrap.TestGateway.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code gateway.mergeOrks}: two ORKs answer as one ORK holding both of their racks would, where that merge is
 * exact; the other routes keep one slot per ORK.
 */
class MergedViewTest {

    @TempDir
    Path dataDir;

    private final FakeOrk one = new FakeOrk();
    private final FakeOrk two = new FakeOrk();
    private TestGateway gateway;
    private String admin;

    @BeforeEach
    void start() {
        Map<String, FakeOrk> orks = new LinkedHashMap<>();
        orks.put("cluster-1", one);
        orks.put("cluster-2", two);
        gateway = TestGateway.start(dataDir, orks, 2_000, Map.of(), FanOutConfig.defaults().withMergeOrks(true));
        admin = gateway.adminToken();
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    private static JsonNode json(String text) {
        try {
            return FakeOrk.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TestGateway.Response get(String path) {
        return gateway.get(path, admin);
    }

    private TestGateway.Response send(String method, String path, String body) {
        return gateway.send(method, path, admin, body);
    }

    @Test
    void thingsAreOneSlotSortedAcrossOrksAsTheOrkSortsItsRacks() {
        one.on("listThings", answer("[{\"id\":\"a\",\"info\":{\"pos\":\"A-10\"},\"rack\":\"r1\"},"
                + "{\"id\":\"b\",\"info\":{\"pos\":\"A-2\"},\"rack\":\"r1\"}]"));
        two.on("listThings", answer("[{\"id\":\"c\",\"info\":{\"pos\":\"A-3\"},\"rack\":\"r2\"},"
                + "{\"id\":\"d\",\"rack\":\"r2\"}]"));
        JsonNode sorted = get("/auth/list-things?limit=5&sort=" + q("{\"info.pos\":1}")).json();
        assertEquals(1, sorted.size(), "one slot");
        assertEquals("b,c,a,d", ids(sorted.get(0)), "natural order, missing last");
        assertEquals(5, two.lastCall("listThings").request().get("limit").asInt(), "limit goes to every rack");
        JsonNode plain = get("/auth/list-things?limit=6").json();
        assertEquals("a,b,c,d", ids(plain.get(0)), "without a sort: configuration order");
    }

    private static String ids(JsonNode things) {
        StringBuilder out = new StringBuilder();
        things.forEach(t -> out.append(out.isEmpty() ? "" : ",").append(t.get("id").asText()));
        return out.toString();
    }

    @Test
    void racksConfigsAndAlertHistoryConcatenate() {
        one.on("listRacks", answer("[{\"id\":\"miner-am-s21-shelf-1\",\"type\":\"miner-am-s21\",\"info\":{}}]"));
        two.on("listRacks", answer("[{\"id\":\"miner-wm-m56s-shelf-2\",\"type\":\"miner-wm-m56s\",\"info\":{}}]"));
        assertEquals(json("[[{\"id\":\"miner-am-s21-shelf-1\",\"type\":\"miner-am-s21\",\"info\":{}},"
                + "{\"id\":\"miner-wm-m56s-shelf-2\",\"type\":\"miner-wm-m56s\",\"info\":{}}]]"),
                get("/auth/list-racks?type=miner").json());
        one.on("getHistoricalLogs", answer("[{\"name\":\"a\",\"createdAt\":1},{\"name\":\"c\",\"createdAt\":3}]"));
        two.on("getHistoricalLogs", answer("[{\"name\":\"b\",\"createdAt\":2}]"));
        JsonNode history = get("/auth/history-log?logType=alerts&sort=" + q("{\"createdAt\":-1}")).json();
        assertEquals(json("[[{\"name\":\"c\",\"createdAt\":3},{\"name\":\"b\",\"createdAt\":2},"
                + "{\"name\":\"a\",\"createdAt\":1}]]"), history);
    }

    @Test
    void actionStoresMergeByIdAndKeepTheLimitOfOneOrk() {
        one.on("queryActions", answer("{\"voting\":[{\"id\":9},{\"id\":5},{\"id\":1}],\"done\":[{\"id\":2}]}"));
        two.on("queryActions", answer("{\"voting\":[{\"id\":8},{\"id\":6}],\"done\":[]}"));
        JsonNode merged = get("/auth/actions?queries=" + q("[{\"type\":\"voting\",\"opts\":{\"reverse\":true,"
                + "\"limit\":3}},{\"type\":\"done\"}]")).json();
        assertEquals(json("[{\"voting\":[{\"id\":9},{\"id\":8},{\"id\":6}],\"done\":[{\"id\":2}]}]"), merged);
        JsonNode grouped = get("/auth/actions?groupBatch=true&queries=" + q("[{\"type\":\"voting\"}]")).json();
        assertEquals(2, grouped.size(), "grouped batches do not merge exactly: one slot per ORK");
        JsonNode filtered = get("/auth/actions?queries=" + q("[{\"type\":\"voting\",\"query\":{\"action\":"
                + "\"reboot\"}}]")).json();
        assertEquals(2, filtered.size(), "a filter the ORK applies around its limit: one slot per ORK");
    }

    @Test
    void oneActionIsTheOrkThatHasItAndTheOthersNotFoundIsNoFailure() {
        one.on("getAction", error("ERR_ACTION_ID_NOT_FOUND"));
        two.on("getAction", answer("{\"id\":7,\"status\":\"VOTING\"}"));
        TestGateway.Response response = get("/auth/actions/voting/7");
        assertEquals(200, response.status());
        assertEquals(json("[{\"id\":7,\"status\":\"VOTING\"}]"), response.json());
        assertNull(response.orkFailures());
        two.on("getAction", error("ERR_ACTION_ID_NOT_FOUND"));
        TestGateway.Response nowhere = get("/auth/actions/voting/8");
        assertEquals(404, nowhere.status(), "neither has it: " + nowhere.body());
        two.on("getAction", FakeOrk.unreachable());
        assertEquals(502, get("/auth/actions/voting/9").status(), "it may be on the ORK that did not answer");
    }

    @Test
    void anAnswerThatCannotBeMergedIsThatOrksFailure() {
        one.on("listRacks", answer("[{\"id\":\"r1\"}]"));
        two.on("listRacks", answer("{\"not\":\"a list\"}"));
        TestGateway.Response response = get("/auth/list-racks?type=miner");
        assertEquals(json("[[{\"id\":\"r1\"}]]"), response.json());
        assertEquals("cluster-2=bad_answer", response.orkFailures());
    }

    @Test
    void readsThatDoNotMergeExactlyKeepOneSlotPerOrk() {
        one.on("getGlobalConfig", answer("{\"nominalSiteHashrate_MHS\":1}"));
        two.on("getGlobalConfig", answer("{\"nominalSiteHashrate_MHS\":2}"));
        assertEquals(2, get("/auth/global-config").json().size());
        one.on("tailLog", answer("[{\"ts\":1,\"hashrate_mhs_5m_sum_aggr\":5}]"));
        assertEquals(2, get("/auth/tail-log?key=stat-5m&type=miner&tag=t-miner").json().size());
        assertEquals(2, get("/auth/ext-data?type=mempool").json().size());
    }

    @Test
    void aPushIsTheActionsCreatedOrOneEntryWithEveryOrksErrors() {
        String created = "{\"id\":1718036500077,\"data\":{\"status\":\"VOTING\"},\"errors\":[]}";
        one.on("pushAction", answer("{\"id\":null,\"errors\":[\"ERR_ORK_ACTION_CALLS_EMPTY\"]}"));
        two.on("pushAction", answer(created));
        assertEquals(json("[" + created + "]"), send("POST", "/auth/actions/voting",
                "{\"query\":{\"id\":\"m-9\"},\"action\":\"reboot\",\"params\":[]}").json());
        two.on("pushAction", answer("{\"id\":null,\"errors\":[\"miner-x: ERR_THING_NOT_INITIALIZED\","
                + "\"ERR_ORK_ACTION_CALLS_EMPTY\"]}"));
        assertEquals(json("[{\"id\":null,\"errors\":[\"ERR_ORK_ACTION_CALLS_EMPTY\","
                + "\"miner-x: ERR_THING_NOT_INITIALIZED\"]}]"), send("POST", "/auth/actions/voting",
                "{\"query\":{\"id\":\"m-9\"},\"action\":\"reboot\",\"params\":[]}").json());
    }

    @Test
    void aBatchIsOneEntryPerItemFromTheOrkThatCreatedIt() {
        one.on("pushActionsBatch", answer("[{\"id\":1,\"errors\":[]},{\"id\":null,\"errors\":"
                + "[\"ERR_ORK_ACTION_CALLS_EMPTY\"]}]"));
        two.on("pushActionsBatch", answer("[{\"id\":null,\"errors\":[\"ERR_ORK_ACTION_CALLS_EMPTY\"]},"
                + "{\"id\":2,\"errors\":[]}]"));
        String items = "[{\"query\":{\"id\":\"a\"},\"action\":\"reboot\",\"params\":[]},"
                + "{\"query\":{\"id\":\"b\"},\"action\":\"reboot\",\"params\":[]}]";
        assertEquals(json("[{\"id\":1,\"errors\":[]},{\"id\":2,\"errors\":[]}]"), send("POST",
                "/auth/actions/voting/batch", "{\"batchActionsPayload\":" + items + ",\"batchActionUID\":\"u\"}")
                .json());
    }

    @Test
    void aCancelOfIdsNoOrkIsKnownToHoldIsOneEntryWithOneOutcomePerId() {
        one.on("cancelActionsBatch", answer("[{\"id\":\"3\",\"success\":true},{\"id\":\"4\",\"success\":false,"
                + "\"error\":\"ERR_CANCEL_BATCH_ACTION-ID-4 ERR_ACTION_ID_NOT_FOUND\"}]"));
        two.on("cancelActionsBatch", answer("[{\"id\":\"3\",\"success\":false,\"error\":"
                + "\"ERR_CANCEL_BATCH_ACTION-ID-3 ERR_ACTION_ID_NOT_FOUND\"},{\"id\":\"4\",\"success\":false,"
                + "\"error\":\"ERR_CANCEL_BATCH_ACTION-ID-4 ERR_ACTION_ID_NOT_FOUND\"}]"));
        assertEquals(json("[{\"res\":[{\"id\":\"3\",\"success\":true},{\"id\":\"4\",\"success\":false,"
                + "\"error\":\"ERR_CANCEL_BATCH_ACTION-ID-4 ERR_ACTION_ID_NOT_FOUND\"}]}]"),
                send("DELETE", "/auth/actions/voting/cancel?ids=3,4", null).json());
    }

    @Test
    void commentsAndSettingsAreTheOrkThatHasTheThingOrRack() {
        one.on("saveThingComment", answer("0"));
        two.on("saveThingComment", answer("1"));
        assertEquals(json("[{\"success\":1}]"), send("POST", "/auth/thing/comment",
                "{\"rackId\":\"r2\",\"thingId\":\"unknown-to-the-lookup\",\"comment\":\"fan\"}").json());
        one.on("getWrkSettings", answer("0"));
        two.on("getWrkSettings", answer("{\"subPartTypes\":[\"fan\"]}"));
        assertEquals(json("[{\"success\":{\"subPartTypes\":[\"fan\"]}}]"), get("/auth/settings?rackId=r2").json());
        two.on("getWrkSettings", answer("0"));
        assertEquals(json("[{\"success\":0}]"), get("/auth/settings?rackId=nowhere").json());
    }

    @Test
    void theMergedViewIsAConfigurationOption() throws IOException {
        Path config = java.nio.file.Files.createDirectories(dataDir.resolve("conf"));
        java.nio.file.Files.writeString(config.resolve("common.json"), "{\"gateway\":{\"mergeOrks\":true}}");
        assertTrue(ConfigLoader.load(java.util.Optional.of(config)).fanOut().mergeOrks());
        java.nio.file.Files.writeString(config.resolve("common.json"), "{\"gateway\":{\"mergeOrks\":\"yes\"}}");
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> ConfigLoader.load(java.util.Optional.of(config))).getMessage().contains("mergeOrks"));
        assertEquals(false, FanOutConfig.defaults().mergeOrks());
    }
}
