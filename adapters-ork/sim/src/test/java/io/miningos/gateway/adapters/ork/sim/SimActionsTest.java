package io.miningos.gateway.adapters.ork.sim;

import io.miningos.gateway.domain.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Executing actions really changes the simulated devices, on the executor's schedule. */
class SimActionsTest {

    private static final List<String> PERMS = List.of("miner:rw", "container:rw", "actions:rw");
    private MutableClock clock;
    private SimOrk ork;

    @BeforeEach
    void open() {
        clock = new MutableClock(Instant.parse("2026-05-02T10:00:00.250Z"));
        ork = new SimOrk(SimOptions.parse("a", Map.of("seed", 8, "miners", 300, "persist", false)), clock, null);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(Object o) {
        return (List<Object>) o;
    }

    /** A miner that is mining now and for the next hour, with no trouble episode in between. */
    private Map<String, Object> steadyMiner() {
        long start = clock.millis();
        try {
            for (Object o : list(ork.handle("listThings", Map.of("query", Map.of("tags", "t-miner"), "limit", 1000)))) {
                String id = (String) map(o).get("id");
                boolean steady = true;
                for (int m = 0; m <= 60 && steady; m++) {
                    clock.advance(Duration.ofMillis(start + m * 60_000L - clock.millis()));
                    steady = "mining".equals(stats(id).get("status"));
                }
                if (steady) {
                    return map(o);
                }
            }
            throw new AssertionError("no steady miner");
        } finally {
            clock.advance(Duration.ofMillis(start - clock.millis()));
        }
    }

    /** The thing's {@code last.snap.stats} now. */
    private Map<String, Object> stats(String id) {
        Map<String, Object> thing = map(list(ork.handle("listThings", Map.of("query", Map.of("id", id),
                "status", 1))).get(0));
        return map(map(map(thing.get("last")).get("snap")).get("stats"));
    }

    private long push(String action, List<Object> params, Map<String, Object> query) {
        Map<String, Object> res = map(ork.handle("pushAction", Map.of("query", query, "action", action,
                "params", params, "voter", "ops@example.com", "authPerms", PERMS)));
        assertNotNull(res.get("id"), res.toString());
        return ((Number) res.get("id")).longValue();
    }

    private String store(long id) {
        return (String) map(list(ork.handle("getActionsBatch", Map.of("ids", List.of(id)))).get(0)).get("type");
    }

    @Test
    void theExecutorMovesActionsOnItsOwnTicks() {
        Map<String, Object> miner = steadyMiner();
        long id = push("setLED", List.of(true), Map.of("id", miner.get("id")));
        assertEquals("ready", store(id));
        clock.advance(Duration.ofMillis(4_749)); // 10:00:04.999, before the 10:00:05 tick
        assertEquals("ready", store(id));
        clock.advance(Duration.ofMillis(1)); // the tick: picked up
        assertEquals("executing", store(id));
        clock.advance(Duration.ofSeconds(1));
        assertEquals("done", store(id));
        Map<String, Object> done = map(ork.handle("getAction", Map.of("id", id, "type", "done")));
        Map<String, Object> call = map(list(map(map(done.get("targets")).get(miner.get("rack"))).get("calls")).get(0));
        assertEquals(Map.of("success", true), call.get("result"));
    }

    @Test
    void aRebootTakesTheMinerOfflineForAFewMinutesAndResetsItsUptime() {
        Map<String, Object> miner = steadyMiner();
        String id = (String) miner.get("id");
        long uptimeBefore = ((Number) stats(id).get("uptime_ms")).longValue();
        push("reboot", List.of(), Map.of("tags", Map.of("$in", List.of("id-" + id))));
        clock.advance(Duration.ofSeconds(70));
        assertEquals("offline", stats(id).get("status"));
        clock.advance(Duration.ofMinutes(6));
        Map<String, Object> after = stats(id);
        assertEquals("mining", after.get("status"));
        long uptimeAfter = ((Number) after.get("uptime_ms")).longValue();
        assertTrue(uptimeAfter < 6 * 60_000 && uptimeAfter < uptimeBefore, uptimeAfter + " vs " + uptimeBefore);
    }

    @Test
    void sleepModeStopsHashingAndDropsPowerWhichTheStatsSee() {
        Map<String, Object> miner = steadyMiner();
        String id = (String) miner.get("id");
        Map<String, Object> rtdReq = Map.of("type", "miner", "key", "stat-rtd", "tag", "t-miner",
                "aggrFields", Map.of("power_w_sum_aggr", 1, "offline_or_sleeping_miners_amount_aggr", 1));
        Map<String, Object> before = map(list(ork.handle("tailLog", rtdReq)).get(0));
        push("setPowerMode", List.of("sleep"), Map.of("id", id));
        clock.advance(Duration.ofSeconds(70));
        Map<String, Object> s = stats(id);
        assertEquals("sleeping", s.get("status"));
        assertTrue(((Number) s.get("power_w")).doubleValue() < 100);
        assertEquals(0.0, ((Number) map(s.get("hashrate_mhs")).get("t_5m")).doubleValue());
        Map<String, Object> after = map(list(ork.handle("tailLog", rtdReq)).get(0));
        double drop = ((Number) before.get("power_w_sum_aggr")).doubleValue()
                - ((Number) after.get("power_w_sum_aggr")).doubleValue();
        assertTrue(drop > 2_500, "one miner less at full power: " + drop);
    }

    @Test
    void switchingAContainerOffTakesItsMinersOffline() {
        Map<String, Object> container = map(list(ork.handle("listThings", Map.of("query", Map.of("tags", "t-container"),
                "limit", 1))).get(0));
        String name = (String) map(container.get("info")).get("container");
        push("switchContainer", List.of(false), Map.of("id", container.get("id")));
        clock.advance(Duration.ofMinutes(2));
        Map<String, Object> stats = stats((String) container.get("id"));
        assertTrue(List.of("stopped", "offline").contains(stats.get("status")), stats.toString());
        List<Object> miners = list(ork.handle("listThings", Map.of("query", Map.of("info.container", name, "tags",
                "t-miner"),
                "fields", Map.of("last.snap.stats.status", 1), "status", 1, "limit", 1000)));
        assertTrue(miners.size() > 10);
        for (Object m : miners) {
            assertEquals("offline", map(map(map(map(m).get("last")).get("snap")).get("stats")).get("status"));
        }
    }

    @Test
    void updateThingMovesAMinerToMaintenanceAndLogsTheChange() {
        Map<String, Object> miner = steadyMiner();
        String id = (String) miner.get("id");
        push("updateThing", List.of(Map.of("rackId", miner.get("rack"), "id", id,
                "info", Map.of("container", "maintenance"), "comment", "PSU swap")), Map.of());
        clock.advance(Duration.ofSeconds(70));
        Map<String, Object> thing = map(list(ork.handle("listThings", Map.of("query", Map.of("id", id),
                "status", 1))).get(0));
        assertEquals("maintenance", map(thing.get("info")).get("container"));
        assertTrue(list(thing.get("tags")).contains("container-maintenance"));
        assertEquals("offline", map(map(map(thing.get("last")).get("snap")).get("stats")).get("status"));
        assertEquals("PSU swap", map(list(thing.get("comments")).get(0)).get("comment"));
        List<Object> history = list(ork.handle("getHistoricalLogs", Map.of("logType", "info")));
        Map<String, Object> entry = map(history.get(0));
        assertEquals(id, map(entry.get("thing")).get("id"));
        assertEquals("maintenance", map(map(entry.get("changes")).get("container")).get("newValue"));
    }

    @Test
    void theConfiguredApprovalCountAppliesToEveryAction() {
        SimOrk strict = new SimOrk(SimOptions.parse("b", Map.of("seed", 8, "miners", 300, "persist", false,
                "requiredVotes", 2)), clock, null);
        Map<String, Object> res = map(strict.handle("pushAction", Map.of("query", Map.of("tags", "t-miner"),
                "action", "reboot", "params", List.of(), "voter", "ops@example.com", "authPerms", PERMS)));
        assertEquals("VOTING", map(res.get("data")).get("status"));
        assertEquals(2, map(res.get("data")).get("reqVotesPos"));
    }

    @Test
    void registeredMinersAppearUnreachableUntilForgotten() {
        Map<String, Object> anyMiner = steadyMiner();
        String rack = (String) anyMiner.get("rack");
        Map<String, Object> register = Map.of("rackId", rack, "info", Map.of("serialNum", "JYZZNEW0000001",
                "macAddress", "d4:a8:1e:33:91:02", "location", "site.warehouse"), "opts", Map.of("address",
                        "10.99.0.5"),
                "comment", "received from vendor", "tags", List.of("site-demo"));
        long id = push("registerThing", List.of(register), Map.of());
        clock.advance(Duration.ofSeconds(10));
        Map<String, Object> done = map(ork.handle("getAction", Map.of("id", id, "type", "done")));
        assertEquals(1, map(list(map(map(done.get("targets")).get(rack)).get("calls")).get(0)).get("result"));
        Map<String, Object> added = map(list(ork.handle("listThings", Map.of("query",
                Map.of("info.serialNum", "JYZZNEW0000001"), "status", 1))).get(0));
        Map<String, Object> last = map(added.get("last"));
        assertEquals("ERR_THING_CONNECTION_FAILURE", last.get("err"));
        assertEquals(null, last.get("snap"));
        assertEquals("10.99.0.5", added.get("address"));
        assertTrue(((String) added.get("code")).matches(".*-\\d{4}"));
        assertEquals("received from vendor", map(list(added.get("comments")).get(0)).get("comment"));

        long duplicate = push("registerThing", List.of(register), Map.of());
        clock.advance(Duration.ofSeconds(10));
        Map<String, Object> failed = map(ork.handle("getAction", Map.of("id", duplicate, "type", "done")));
        assertEquals("[HRPC_ERR]=ERR_THING_MACADDRESS_EXISTS",
                map(list(map(map(failed.get("targets")).get(rack)).get("calls")).get(0)).get("error"));

        long forget = push("forgetThings", List.of(Map.of("rackId", rack, "query", Map.of("id", added.get("id")))),
                Map.of());
        clock.advance(Duration.ofSeconds(10));
        assertEquals("done", store(forget));
        assertEquals(List.of(), ork.handle("listThings", Map.of("query", Map.of("id", added.get("id")))));
    }

    @Test
    void aFreshSiteStartsWithAFewDaysOfOperatorActivity() {
        Map<String, Object> stores = map(ork.handle("queryActions", Map.of("queries", List.of(
                Map.of("type", "voting"), Map.of("type", "done")))));
        List<Object> voting = list(stores.get("voting"));
        assertEquals(1, voting.size());
        assertEquals("rackReboot", map(voting.get(0)).get("action"));
        List<Object> done = list(stores.get("done"));
        assertTrue(done.size() >= 6, done.size() + " done actions");
        assertTrue(done.stream().anyMatch(a -> "DENIED".equals(map(a).get("status"))));
        assertTrue(done.stream().allMatch(a -> ((Number) map(a).get("id")).longValue() < clock.millis()));
        assertTrue(done.stream().anyMatch(a -> String.valueOf(map(a).get("batchActionUID")).endsWith("-repair")));
        assertEquals(1, list(ork.handle("getHistoricalLogs", Map.of("logType", "info"))).size());
    }
}
