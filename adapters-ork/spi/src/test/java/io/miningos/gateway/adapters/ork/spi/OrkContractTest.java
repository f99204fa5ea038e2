package io.miningos.gateway.adapters.ork.spi;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every ORK reached through an {@link OrkTransport} must do, driven with raw JSON exactly as the gateway
 * sends it: answer shapes, defaults, {@code [HRPC_ERR]=} errors and action state transitions (docs/ORK.md §1, §3, §5,
 * §6, §8, §10, §11). Subclasses provide a transport to an ORK whose site holds at least one miner rack with more
 * than 100 miners, one container rack and one power-meter rack, and a way to let time pass.
 *
 * <p>The action tests push real actions: run them against a test site only.
 */
public abstract class OrkContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    protected static final String CREATOR = "ops.lead@example.com";
    protected static final String SECOND = "tech.ana@example.com";
    protected static final List<String> ALL_WRITE = List.of("miner:rw", "container:rw", "powermeter:rw",
            "sensor:rw", "actions:rw");

    /** The transport under test, fresh for each test. */
    protected abstract OrkTransport transport();

    /** Lets at least {@code d} pass on the ORK's clock (the action executor runs meanwhile). */
    protected abstract void passTime(Duration d);

    // ------------------------------------------------------------------ helpers

    protected Object call(String method, Object request) {
        try {
            byte[] body = request instanceof String s ? s.getBytes(StandardCharsets.UTF_8)
                    : JSON.writeValueAsBytes(request);
            byte[] answer = transport().call(method, body, Duration.ofSeconds(30)).get();
            return JSON.readValue(answer, Object.class);
        } catch (ExecutionException e) {
            throw new AssertionError(method + " failed at the transport level", e.getCause());
        } catch (Exception e) {
            throw new AssertionError(method + " could not be called", e);
        }
    }

    /** Asserts the answer is an ORK handler error and returns its code. */
    protected static String errorCode(Object answer) {
        assertInstanceOf(String.class, answer, "expected an [HRPC_ERR]= string, got " + answer);
        String s = (String) answer;
        assertTrue(s.startsWith("[HRPC_ERR]="), s);
        return s.substring("[HRPC_ERR]=".length());
    }

    @SuppressWarnings("unchecked")
    protected static List<Object> list(Object v) {
        assertInstanceOf(List.class, v, "expected an array, got " + v);
        return (List<Object>) v;
    }

    @SuppressWarnings("unchecked")
    protected static Map<String, Object> map(Object v) {
        assertInstanceOf(Map.class, v, "expected an object, got " + v);
        return (Map<String, Object>) v;
    }

    /** The first call an action (read form) makes on {@code rack}. */
    protected static Map<String, Object> firstCall(Map<String, Object> action, Object rack) {
        return map(list(map(map(action.get("targets")).get(rack)).get("calls")).get(0));
    }

    protected List<Map<String, Object>> racks(String type) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object r : list(call("listRacks", Map.of("type", type)))) {
            out.add(map(r));
        }
        return out;
    }

    protected Map<String, Object> someMiner() {
        List<Object> things = list(call("listThings", Map.of("query", Map.of("tags", Map.of("$in", List.of("t-miner"))),
                "status", 1, "limit", 5)));
        for (Object t : things) {
            Map<String, Object> thing = map(t);
            Map<String, Object> snap = map(map(thing.get("last")).get("snap"));
            if (Boolean.TRUE.equals(snap.get("success"))) {
                return thing;
            }
        }
        throw new AssertionError("no online miner among " + things);
    }

    // ------------------------------------------------------------------ transport conventions

    @Test
    void echoReturnsItsInput() {
        assertEquals(Map.of("a", List.of(1, "x")), call("echo", Map.of("a", List.of(1, "x"))));
    }

    @Test
    void unknownMethodFailsAtTheTransportLevelWithUnknownMethod() {
        var future = transport().call("noSuchMethod", "{}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(10));
        ExecutionException e = assertThrows(ExecutionException.class, future::get);
        assertInstanceOf(OrkTransportException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("UNKNOWN_METHOD"), e.getCause().getMessage());
    }

    @Test
    void malformedJsonIsAHandlerError() {
        assertEquals("ERR_FACS_NET_DATA_FORMAT", errorCode(call("listRacks", "{not json")));
    }

    // ------------------------------------------------------------------ racks and things

    @Test
    void listRacksHidesKeysUnlessAskedAndFiltersByTypePrefix() {
        List<Map<String, Object>> all = racks("");
        assertFalse(all.isEmpty());
        for (Map<String, Object> r : all) {
            assertEquals(Set.of("id", "type", "info"), r.keySet());
            assertFalse(map(r.get("info")).containsKey("rpcPublicKey"));
            assertTrue(((String) r.get("id")).startsWith((String) r.get("type")), r.toString());
        }
        for (Map<String, Object> r : racks("miner")) {
            assertTrue(((String) r.get("type")).startsWith("miner"));
        }
        Map<String, Object> withKeys = map(list(call("listRacks", Map.of("keys", 1))).get(0));
        assertTrue(((String) map(withKeys.get("info")).get("rpcPublicKey")).matches("[0-9a-f]{64}"));
        assertEquals("ERR_TYPE_INVALID", errorCode(call("listRacks", Map.of("type", 5))));
    }

    @Test
    void listThingsAppliesTheDefaultLimitPerRackAndAlwaysNamesTheRack() {
        List<Object> things = list(call("listThings", Map.of()));
        Map<String, Integer> perRack = new HashMap<>();
        for (Object t : things) {
            Map<String, Object> thing = map(t);
            assertNotNull(thing.get("rack"));
            assertFalse(thing.containsKey("last"), "last only with status");
            assertFalse(thing.containsKey("opts"), "opts is never returned");
            assertFalse(thing.containsKey("ts"), "things have no top-level ts");
            perRack.merge((String) thing.get("rack"), 1, Integer::sum);
        }
        long total = ((Number) call("getThingsCount", Map.of())).longValue();
        assertTrue(total > things.size(), "the site must have a rack with more than 100 things");
        assertTrue(perRack.values().stream().allMatch(n -> n <= 100));
        assertTrue(perRack.containsValue(100));
        assertEquals(total, list(call("listThings", Map.of("limit", 1_000_000))).size());
    }

    @Test
    void listThingsProjectsButKeepsRackAndGivesLastOnlyWithStatus() {
        Map<String, Object> req = Map.of("query", Map.of("info.pos", Map.of("$eq", "site")),
                "fields", Map.of("id", 1, "last.snap.stats.power_w", 1, "tags", 1), "status", 1, "limit", 100);
        List<Object> things = list(call("listThings", req));
        assertFalse(things.isEmpty(), "the site meter has info.pos = site");
        for (Object t : things) {
            Map<String, Object> thing = map(t);
            assertEquals(Set.of("id", "tags", "rack", "last"), thing.keySet());
            Map<String, Object> stats = map(map(map(thing.get("last")).get("snap")).get("stats"));
            assertInstanceOf(Number.class, stats.get("power_w"));
            assertTrue(list(thing.get("tags")).contains("pos-site"));
        }
    }

    @Test
    void lastCarriesTsErrAndAlertsThatAreNullOrNonEmpty() {
        for (Object t : list(call("listThings", Map.of("status", 1, "limit", 30)))) {
            Map<String, Object> last = map(map(t).get("last"));
            assertInstanceOf(Number.class, last.get("ts"));
            assertTrue(last.containsKey("err"));
            Object alerts = last.get("alerts");
            assertTrue(alerts == null || !list(alerts).isEmpty(), "alerts is null or a non-empty array");
            Object snap = last.get("snap");
            if (snap != null && Boolean.FALSE.equals(map(snap).get("success"))) {
                assertNotNull(map(map(snap).get("stats")).get("status"));
            }
        }
    }

    @Test
    void listThingsFiltersWithMongoOperatorsAndSortsNaturally() {
        List<Object> sorted = list(call("listThings", Map.of("query", Map.of("tags", Map.of("$in", List.of("t-miner"))),
                "fields", Map.of("code", 1), "sort", Map.of("code", 1), "limit", 1000)));
        assertFalse(sorted.isEmpty());
        List<String> codes = new ArrayList<>();
        sorted.forEach(t -> codes.add((String) map(t).get("code")));
        List<String> expected = new ArrayList<>(codes);
        expected.sort(OrkContractTest::natural);
        assertEquals(expected, codes);
        List<Object> alerted = list(call("listThings", Map.of("query", Map.of("last.alerts",
                Collections.singletonMap("$ne", null)),
                "fields", Map.of("id", 1, "last.alerts", 1), "status", 1, "limit", 1000)));
        for (Object t : alerted) {
            assertFalse(list(map(map(t).get("last")).get("alerts")).isEmpty());
        }
        assertEquals(0, list(call("listThings", Map.of("query", Map.of("id", "no-such-thing")))).size());
    }

    private static int natural(String a, String b) {
        var pa = Pattern.compile("\\d+|\\D+").matcher(a);
        var pb = Pattern.compile("\\d+|\\D+").matcher(b);
        while (pa.find() && pb.find()) {
            String x = pa.group();
            String y = pb.group();
            int c = Character.isDigit(x.charAt(0)) && Character.isDigit(y.charAt(0))
                    ? Long.compare(Long.parseLong(x), Long.parseLong(y)) : x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    // ------------------------------------------------------------------ tail logs

    @Test
    void tailLogValidatesTypeAndSpec() {
        assertEquals("ERR_TYPE_INVALID", errorCode(call("tailLog", Map.of("key", "stat-5m", "tag", "t-miner"))));
        assertEquals("ERR_TYPE_AGGR_INVALID",
                errorCode(call("tailLog", Map.of("type", "toaster", "key", "stat-5m", "tag", "t-toaster"))));
        assertEquals(List.of(), call("tailLog", Map.of("type", "miner", "key", "stat-nope", "tag", "t-miner")));
        assertEquals(List.of(), call("tailLog", Map.of("type", "miner", "key", "stat-1d", "tag", "t-miner")));
    }

    @Test
    void tailLogGroupsRackEntriesByTickAndProjectsWithAggrFields() {
        List<Object> rows = list(call("tailLog", Map.of("type", "miner", "key", "stat-5m", "tag", "t-miner",
                "limit", 3, "aggrFields", Map.of("hashrate_mhs_1m_sum_aggr", 1, "offline_cnt", 1))));
        assertEquals(3, rows.size());
        long previous = 0;
        int minerRacks = racks("miner-").size();
        for (Object r : rows) {
            Map<String, Object> row = map(r);
            assertEquals(Set.of("ts", "aggrTsRange", "aggrCount", "aggrIntervals", "hashrate_mhs_1m_sum_aggr",
                    "offline_cnt"), row.keySet());
            long ts = ((Number) row.get("ts")).longValue();
            assertEquals(0, ts % 300_000, "stat-5m ticks sit on 5-minute boundaries");
            assertTrue(ts > previous, "ascending by ts");
            previous = ts;
            assertEquals("", row.get("aggrTsRange"));
            assertEquals(minerRacks, ((Number) row.get("aggrCount")).intValue());
            assertEquals(1, ((Number) row.get("aggrIntervals")).intValue());
            assertTrue(((Number) row.get("hashrate_mhs_1m_sum_aggr")).doubleValue() > 0);
            map(row.get("offline_cnt"));
        }
    }

    @Test
    void statRtdHasNoTsAndAggrTimesGiveTsZeroWithTheRange() {
        Map<String, Object> rtd = map(list(call("tailLog", Map.of("type", "miner", "key", "stat-rtd", "tag", "t-miner",
                "aggrFields", Map.of("hashrate_mhs_1m_cnt_aggr", 1)))).get(0));
        assertFalse(rtd.containsKey("ts"));
        List<Object> last = list(call("tailLog", Map.of("type", "powermeter", "key", "stat-5m", "tag", "t-powermeter",
                "limit", 1, "aggrFields", Map.of("site_power_w", 1))));
        long ts = ((Number) map(last.get(0)).get("ts")).longValue();
        long start = ts - 3_600_000L + 1;
        Map<String, Object> ranged = map(list(call("tailLog", Map.of("type", "powermeter", "key", "stat-5m",
                "tag", "t-powermeter", "start", start, "end", ts, "aggrFields", Map.of("site_power_w", 1),
                "aggrTimes", List.of(Map.of("start", start, "end", ts))))).get(0));
        assertEquals(0, ((Number) ranged.get("ts")).intValue());
        assertEquals(start + "-" + ts, ranged.get("aggrTsRange"));
        assertEquals(12, ((Number) ranged.get("aggrIntervals")).intValue());
        int meterRacks = racks("powermeter").size();
        assertEquals(12 * meterRacks, ((Number) ranged.get("aggrCount")).intValue());
    }

    @Test
    void tailLogMultiRunsOneTailLogPerKey() {
        assertEquals("ERR_KEYS_INVALID", errorCode(call("tailLogMulti", Map.of("keys", "x"))));
        assertEquals("ERR_TYPE_INVALID", errorCode(call("tailLogMulti", Map.of("keys", List.of(Map.of("key",
                "stat-rtd"))))));
        List<Object> res = list(call("tailLogMulti", Map.of("keys", List.of(
                Map.of("key", "stat-rtd", "type", "miner", "tag", "t-miner"),
                Map.of("key", "stat-rtd", "type", "powermeter", "tag", "t-powermeter"),
                Map.of("key", "stat-rtd", "type", "container", "tag", "t-container")), "limit", 1,
                "aggrFields", Map.of("hashrate_mhs_1m_sum_aggr", 1, "site_power_w", 1,
                        "container_nominal_miner_capacity_sum_aggr", 1, "alerts_aggr", 1))));
        assertEquals(3, res.size());
        Map<String, Object> miners = map(list(res.get(0)).get(0));
        assertTrue(((Number) miners.get("hashrate_mhs_1m_sum_aggr")).doubleValue() > 0);
        map(miners.get("alerts_aggr"));
        assertTrue(((Number) map(list(res.get(1)).get(0)).get("site_power_w")).doubleValue() > 0);
        Map<String, Object> containers = map(list(res.get(2)).get(0));
        assertTrue(((Number) containers.get("container_nominal_miner_capacity_sum_aggr")).intValue() > 0);
    }

    @Test
    void customRangeAggrReportsErrorsPerKey() {
        assertEquals("ERR_KEYS_INVALID", errorCode(call("tailLogCustomRangeAggr", Map.of("keys", List.of()))));
        List<Object> res = list(call("tailLogCustomRangeAggr", Map.of("keys", List.of(
                Map.of("type", "powermeter", "startDate", "not a date", "endDate", "2025-01-02"),
                Map.of("type", "powermeter", "startDate", "2025-01-01", "endDate", "2025-01-02", "timezoneOffset",
                        123)))));
        assertEquals("ERR_START_DATE_INVALID", map(res.get(0)).get("error"));
        assertNull(map(res.get(0)).get("data"));
        assertEquals("ERR_TIMEZONE_OFFSET_INVALID", map(res.get(1)).get("error"));
    }

    // ------------------------------------------------------------------ history, settings, comments, configs

    @Test
    void historicalLogsNeedAKnownLogTypeAndCarryTheThing() {
        assertEquals("ERR_LOG_TYPE_INVALID", errorCode(call("getHistoricalLogs", Map.of())));
        for (Object a : list(call("getHistoricalLogs", Map.of("logType", "alerts", "limit", 20)))) {
            Map<String, Object> alert = map(a);
            assertNotNull(alert.get("name"));
            assertNotNull(alert.get("severity"));
            assertInstanceOf(Number.class, alert.get("createdAt"));
            assertNotNull(map(alert.get("thing")).get("id"));
            assertFalse(alert.containsKey("thingId"));
        }
    }

    @Test
    void workerSettingsAreMergedAndUnknownRacksAnswerZero() {
        assertEquals("ERR_RACK_ID_INVALID", errorCode(call("getWrkSettings", Map.of())));
        assertEquals(0, call("getWrkSettings", Map.of("rackId", "no-such-rack")));
        String rack = (String) racks("miner").get(0).get("id");
        assertEquals("ERR_ENTRIES_INVALID", errorCode(call("saveWrkSettings", Map.of("rackId", rack, "entries", 3))));
        call("saveWrkSettings", Map.of("rackId", rack, "entries", Map.of("a", 1)));
        assertEquals(Map.of("a", 1, "b", List.of("x")),
                call("saveWrkSettings", Map.of("rackId", rack, "entries", Map.of("b", List.of("x")))));
        assertEquals(Map.of("a", 1, "b", List.of("x")), call("getWrkSettings", Map.of("rackId", rack)));
    }

    @Test
    void commentsAreOnlyChangedByTheirAuthor() {
        Map<String, Object> miner = someMiner();
        String rack = (String) miner.get("rack");
        String id = (String) miner.get("id");
        assertEquals("ERR_THING_ID_INVALID", errorCode(call("saveThingComment", Map.of("rackId", rack))));
        assertEquals(0, call("saveThingComment", Map.of("rackId", "no-such-rack", "thingId", id, "comment", "x",
                "user", CREATOR)));
        assertEquals(1, call("saveThingComment", Map.of("rackId", rack, "thingId", id, "comment", "fan 2 noisy",
                "user", CREATOR)));
        Map<String, Object> comment = map(list(map(list(call("listThings", Map.of("query", Map.of("id", id),
                "fields", Map.of("comments", 1)))).get(0)).get("comments")).get(0));
        assertEquals("fan 2 noisy", comment.get("comment"));
        assertEquals(CREATOR, comment.get("user"));
        Object commentId = comment.get("id");
        assertEquals(0, call("editThingComment", Map.of("rackId", rack, "thingId", id, "id", commentId,
                "comment", "hijack", "user", SECOND)));
        assertEquals(1, call("editThingComment", Map.of("rackId", rack, "thingId", id, "id", commentId,
                "comment", "fan 2 replaced", "user", CREATOR)));
        assertEquals(0, call("deleteThingComment", Map.of("rackId", rack, "thingId", id, "id", commentId, "user",
                SECOND)));
        assertEquals(1, call("deleteThingComment", Map.of("rackId", rack, "thingId", id, "id", commentId, "user",
                CREATOR)));
    }

    @Test
    void globalConfigIsProjectedAndOnlyTheAutoSleepFlagIsSettable() {
        Map<String, Object> cfg = map(call("getGlobalConfig", Map.of()));
        assertTrue(cfg.containsKey("isAutoSleepAllowed"));
        assertEquals(Set.of("nominalSiteHashrate_MHS"),
                map(call("getGlobalConfig", Map.of("fields", Map.of("nominalSiteHashrate_MHS", 1)))).keySet());
        assertEquals("ERR_CONFIG_INVALID", errorCode(call("setGlobalConfig", Map.of())));
        assertNull(call("setGlobalConfig", Map.of("somethingElse", 1)));
        assertEquals(true, map(call("setGlobalConfig", Map.of("isAutoSleepAllowed", true))).get("isAutoSleepAllowed"));
        assertEquals(true, map(call("getGlobalConfig", Map.of())).get("isAutoSleepAllowed"));
    }

    @Test
    void rackConfigsAnswerPerRackOfTheType() {
        assertEquals("ERR_TYPE_INVALID", errorCode(call("getWrkConf", Map.of())));
        assertEquals("ERR_TYPE_INVALID", errorCode(call("getThingConf", Map.of("requestType", "nextAvailableCode"))));
        int minerRacks = racks("miner-").size();
        List<Object> conf = list(call("getWrkConf", Map.of("type", "miner")));
        assertEquals(minerRacks, conf.size());
        assertTrue(map(conf.get(0)).containsKey("rackId"));
        for (Object o : list(call("getThingConf", Map.of("type", "miner", "requestType", "nextAvailableCode")))) {
            assertTrue(((String) map(o).get("requestValue")).matches("[A-Z0-9_-]+-\\d{4,}"));
        }
        Map<String, Object> bad = map(list(call("getThingConf", Map.of("type", "miner", "requestType",
                "nope"))).get(0));
        assertTrue(bad.containsKey("config"));
        assertNull(bad.get("config"));
    }

    // ------------------------------------------------------------------ actions

    private Map<String, Object> push(String action, List<Object> params, Object query) {
        return map(call("pushAction", Map.of("query", query, "action", action, "params", params, "voter", CREATOR,
                "authPerms", ALL_WRITE)));
    }

    @Test
    void pushActionValidatesItsRequest() {
        assertEquals("ERR_QUERY_INVALID", errorCode(call("pushAction", Map.of("query", "x", "action", "reboot",
                "params", List.of(), "voter", CREATOR, "authPerms", ALL_WRITE))));
        assertEquals("ERR_ACTION_INVALID", errorCode(call("pushAction", Map.of("query", Map.of(), "action", "",
                "params", List.of(), "voter", CREATOR, "authPerms", ALL_WRITE))));
        assertEquals("ERR_PARAMS_INVALID", errorCode(call("pushAction", Map.of("query", Map.of(), "action", "reboot",
                "params", "x", "voter", CREATOR, "authPerms", ALL_WRITE))));
        assertEquals("ERR_ACTION_INVALID_MISSING_RACKID", errorCode(call("pushAction", Map.of("query", Map.of(),
                "action", "updateThing", "params", List.of(Map.of("id", "x")), "voter", CREATOR, "authPerms",
                        ALL_WRITE))));
        Map<String, Object> none = push("reboot", List.of(), Map.of("id", "no-such-thing"));
        assertNull(none.get("id"));
        assertTrue(list(none.get("errors")).contains("ERR_ORK_ACTION_CALLS_EMPTY"));
        Map<String, Object> unoffered = push("emergencyStop", List.of(), Map.of());
        assertTrue(list(unoffered.get("errors")).contains("ERR_ORK_ACTION_CALLS_EMPTY"));
        Map<String, Object> noPerm = map(call("pushAction", Map.of("query", Map.of(), "action", "reboot",
                "params", List.of(), "voter", CREATOR, "authPerms", List.of("miner:r"))));
        assertNull(noPerm.get("id"));
    }

    @Test
    void invalidParamsMakeTheRackReportAnError() {
        Map<String, Object> miner = someMiner();
        Map<String, Object> res = push("setPowerMode", List.of("turbo"), Map.of("id", miner.get("id")));
        assertNull(res.get("id"));
        assertTrue(list(res.get("errors")).stream().anyMatch(e -> String.valueOf(e)
                .equals(miner.get("rack") + ": [HRPC_ERR]=ERR_SET_POWER_MODE_INVALID")), res.toString());
    }

    @Test
    void aOneVoteActionGoesStraightToReadyAndEndsCompletedWithPerCallResults() {
        Map<String, Object> miner = someMiner();
        Map<String, Object> res = push("setLED", List.of(true), Map.of("tags", Map.of("$in", List.of("id-"
                + miner.get("id")))));
        long id = ((Number) res.get("id")).longValue();
        Map<String, Object> data = map(res.get("data"));
        assertEquals("APPROVED", data.get("status"));
        assertEquals(List.of(CREATOR), data.get("votesPos"));
        assertEquals(1, ((Number) data.get("reqVotesNeg")).intValue());
        List<Object> payload = list(data.get("payload"));
        assertEquals(List.of(true), payload.get(0));
        Map<String, Object> calls = map(map(payload.get(1)).get(miner.get("rack")));
        assertEquals(miner.get("id"), map(list(calls.get("calls")).get(0)).get("id"));
        assertEquals(List.of("miner"), payload.get(2));
        assertFalse(data.containsKey("batchActionUID"));

        Map<String, Object> ready = map(call("getAction", Map.of("id", id, "type", "ready")));
        assertEquals(List.of(true), ready.get("params"));
        assertTrue(firstCall(ready, miner.get("rack")).containsKey("tags"));
        assertEquals("ERR_ACTION_ID_NOT_FOUND", errorCode(call("getAction", Map.of("id", id, "type", "done"))));
        assertEquals("ERR_SUBDB_UNKOWN", errorCode(call("getAction", Map.of("id", id, "type", "cancelled"))));

        passTime(Duration.ofSeconds(70));
        Map<String, Object> done = map(call("getAction", Map.of("id", id, "type", "done")));
        assertEquals("COMPLETED", done.get("status"));
        Map<String, Object> call = firstCall(done, miner.get("rack"));
        assertTrue(call.containsKey("result") || call.containsKey("error"), call.toString());

        List<Object> batch = list(call("getActionsBatch", Map.of("ids", List.of(String.valueOf(id), "1"))));
        assertEquals(1, batch.size());
        assertEquals("done", map(batch.get(0)).get("type"));
        Map<String, Object> queried = map(call("queryActions", Map.of("queries", List.of(
                Map.of("type", "done", "filter", Map.of("gte", id, "lte", id))))));
        Map<String, Object> q = map(list(queried.get("done")).get(0));
        assertFalse(firstCall(q, miner.get("rack")).containsKey("tags"),
                "queryActions drops call tags");
    }

    @Test
    void actionIdsAreUniqueAndIncreasing() {
        Map<String, Object> miner = someMiner();
        long a = ((Number) push("setLED", List.of(false), Map.of("id", miner.get("id"))).get("id")).longValue();
        long b = ((Number) push("setLED", List.of(false), Map.of("id", miner.get("id"))).get("id")).longValue();
        assertTrue(b > a);
    }

    @Test
    void twoVoteActionsWaitForASecondApprovalAndOneDenialKillsThem() {
        Map<String, Object> first = push("rackReboot", List.of(), Map.of());
        long id = ((Number) first.get("id")).longValue();
        Map<String, Object> data = map(first.get("data"));
        assertEquals("VOTING", data.get("status"));
        assertEquals(2, ((Number) data.get("reqVotesPos")).intValue());
        List<String> caps = List.of("miner", "container", "powermeter", "sensor");
        assertEquals("ERR_VOTER_EXISTS", errorCode(call("voteAction", Map.of("id", id, "voter", CREATOR,
                "approve", true, "authPerms", caps))));
        assertEquals("ERR_ACTION_DENIED", errorCode(call("voteAction", Map.of("id", id, "voter", SECOND,
                "approve", true, "authPerms", List.of("miner:rw", "container:rw")))));
        assertEquals(1, call("voteAction", Map.of("id", id, "voter", SECOND, "approve", true, "authPerms", caps)));
        assertEquals("APPROVED", map(call("getAction", Map.of("id", id, "type", "ready"))).get("status"));
        assertEquals("ERR_ACTION_ID_NOT_FOUND", errorCode(call("voteAction", Map.of("id", id, "voter", "x@y.z",
                "approve", true, "authPerms", caps))));

        long denied = ((Number) push("rackReboot", List.of(), Map.of()).get("id")).longValue();
        assertEquals(1, call("voteAction", Map.of("id", denied, "voter", SECOND, "approve", false, "authPerms", caps)));
        Map<String, Object> d = map(call("getAction", Map.of("id", denied, "type", "done")));
        assertEquals("DENIED", d.get("status"));
        assertEquals(List.of(SECOND), d.get("votesNeg"));
    }

    @Test
    void onlyTheCreatorCancelsAndOnlyWhileVoting() {
        long id = ((Number) push("rackReboot", List.of(), Map.of()).get("id")).longValue();
        assertEquals("ERR_IDS_INVALID", errorCode(call("cancelActionsBatch", Map.of("ids", "1", "voter", CREATOR))));
        List<Object> wrong = list(call("cancelActionsBatch", Map.of("ids", List.of(String.valueOf(id)), "voter",
                SECOND)));
        Map<String, Object> w = map(wrong.get(0));
        assertEquals(false, w.get("success"));
        assertEquals("ERR_CANCEL_BATCH_ACTION-ID-" + id + " ERR_CALLER_NOT_CREATOR", w.get("error"));
        List<Object> ok = list(call("cancelActionsBatch", Map.of("ids", List.of(String.valueOf(id), "42"), "voter",
                CREATOR)));
        assertEquals(true, map(ok.get(0)).get("success"));
        assertEquals("ERR_CANCEL_BATCH_ACTION-ID-42 ERR_ACTION_ID_NOT_FOUND", map(ok.get(1)).get("error"));
        Map<String, Object> d = map(call("getAction", Map.of("id", id, "type", "done")));
        assertEquals("DENIED", d.get("status"));
        assertEquals(List.of(), d.get("votesNeg"));
    }

    @Test
    void queryActionsValidatesQueriesAndGroupsBatches() {
        assertEquals("ERR_QUERIES_INVALID", errorCode(call("queryActions", Map.of("queries", "x"))));
        assertEquals("ERR_QUERIES_TYPE_INVALID", errorCode(call("queryActions", Map.of("queries", List.of(Map.of())))));
        assertEquals("ERR_SUBDB_UNKOWN", errorCode(call("queryActions", Map.of("queries", List.of(Map.of("type",
                "x"))))));
        Map<String, Object> miner = someMiner();
        List<Object> pushed = list(call("pushActionsBatch", Map.of("batchActionsPayload", List.of(
                Map.of("query", Map.of("id", miner.get("id")), "action", "setLED", "params", List.of(true)),
                Map.of("query", Map.of("id", miner.get("id")), "action", "setLED", "params", List.of(false))),
                "batchActionUID", miner.get("id"), "suffix", "repair", "voter", CREATOR, "authPerms", ALL_WRITE)));
        assertEquals(2, pushed.size());
        String uid = (String) map(map(pushed.get(0)).get("data")).get("batchActionUID");
        assertTrue(uid.matches("\\d+-" + miner.get("id") + "-repair"), uid);
        assertEquals("ERR_PAYLOAD_INVALID", errorCode(call("pushActionsBatch", Map.of("batchActionsPayload", "x",
                "voter", CREATOR, "authPerms", ALL_WRITE))));
        Map<String, Object> grouped = map(call("queryActions", Map.of("queries", List.of(Map.of("type", "ready")),
                "groupBatch", true, "suffix", "repair")));
        List<Object> ready = list(grouped.get("ready"));
        Set<String> uids = new HashSet<>();
        for (Object g : ready) {
            Map<String, Object> group = map(g);
            uids.add((String) group.get("batchActionUID"));
            assertEquals(uid.split("-")[0], group.get("id"));
            assertEquals(2, list(group.get("actions")).size());
        }
        assertEquals(Set.of(uid), uids);
        Map<String, Object> limited = map(call("queryActions", Map.of("queries", List.of(
                Map.of("type", "ready", "opts", Map.of("limit", 1, "reverse", true))))));
        assertEquals(1, list(limited.get("ready")).size());
    }
}
