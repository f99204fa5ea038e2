package io.miningos.gateway.adapters.ork.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.miningos.gateway.adapters.ork.sim.rpc.OrkError;
import io.miningos.gateway.adapters.ork.sim.site.ContainerSite;
import io.miningos.gateway.adapters.ork.sim.site.SimRack;
import io.miningos.gateway.adapters.ork.sim.site.SimThing;
import io.miningos.gateway.adapters.ork.sim.site.ThingKind;
import io.miningos.gateway.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.miningos.gateway.adapters.ork.sim.SimJson.list;
import static io.miningos.gateway.adapters.ork.sim.SimJson.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ORK data of docs/analytics-design.md §6.5: stored pool configs and the things referring to them, the miner
 * racks' firmware files, the per-device M63 groups and the nominal figures of the global config.
 */
class SimConfigsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-20T10:17:31Z"));
    private final SimOrk ork = ork(Map.of("seed", 1, "miners", 500, "m63Miners", 40, "persist", false), null);

    @TempDir
    Path dir;

    private SimOrk ork(Map<String, Object> options, StateFile state) {
        return new SimOrk(SimOptions.parse("c", options), clock, state);
    }

    private List<Object> configs(Map<String, Object> req) {
        return list(ork.handle("getConfigs", req));
    }

    @Test
    void poolConfigsHaveTheOrksShapeAndAnswerQueriesAndProjections() {
        List<Object> all = configs(Map.of("type", "pool"));
        assertEquals(4, all.size());
        Set<String> ids = new HashSet<>();
        for (Object o : all) {
            Map<String, Object> c = map(o);
            assertEquals(List.of("id", "type", "poolConfigName", "description", "poolUrls", "status", "createdAt",
                    "updatedAt"), List.copyOf(c.keySet()));
            assertTrue(((String) c.get("id")).matches("\\d{13}-[0-9a-f]{6}"), c.get("id").toString());
            assertTrue(ids.add((String) c.get("id")));
            assertEquals("pool", c.get("type"));
            assertTrue(Set.of("approved", "pending").contains(c.get("status")));
            for (Object u : list(c.get("poolUrls"))) {
                assertEquals(List.of("url", "workerName", "workerPassword", "pool"), List.copyOf(map(u).keySet()));
                assertTrue(((String) map(u).get("url")).startsWith("stratum+tcp://"));
            }
        }
        assertEquals(3, configs(Map.of("type", "pool", "query", Map.of("status", "approved"))).size());
        assertEquals(Map.of("id", map(all.get(0)).get("id")), map(configs(Map.of("type", "pool",
                "fields", Map.of("id", 1))).get(0)));
        assertEquals(List.of(), configs(Map.of("type", "other")));
        assertEquals("ERR_TYPE_INVALID", assertThrows(OrkError.class, () -> configs(Map.of())).code());
        assertEquals("ERR_QUERY_INVALID", assertThrows(OrkError.class, () -> configs(Map.of("type", "pool",
                "query", Map.of("status", Map.of("$nope", 1))))).code());
        assertEquals(all, list(ork(Map.of("seed", 1, "miners", 500, "m63Miners", 40, "persist", false), null)
                .handle("getConfigs", Map.of("type", "pool"))), "the same seed stores the same configs");
    }

    @Test
    void containersUseTheirAccountsConfigAndAFewMinersOverrideIt() {
        Map<String, Map<String, Object>> byId = new java.util.HashMap<>();
        configs(Map.of("type", "pool")).forEach(o -> byId.put((String) map(o).get("id"), map(o)));
        int overrides = 0;
        int miners = 0;
        for (ContainerSite c : ork.site().containers()) {
            Map<String, Object> config = byId.get((String) c.thing().info().get("poolConfig"));
            assertEquals("approved", config.get("status"));
            assertEquals(c.pool().username(), map(list(config.get("poolUrls")).get(0)).get("workerName"),
                    "the container's miners mine on the account its config names");
            for (SimThing m : c.miners()) {
                miners++;
                Object own = m.info().get("poolConfig");
                if (own != null) {
                    overrides++;
                    assertTrue(byId.containsKey(own) && !own.equals(c.thing().info().get("poolConfig")));
                    assertEquals(c.pool().username(), map(list(byId.get(own).get("poolUrls")).get(0))
                            .get("workerName"), "an override keeps the account, with another endpoint first");
                }
            }
        }
        assertTrue(overrides > 0 && overrides < miners / 10, overrides + " of " + miners + " miners override");
        Map<String, Object> container = map(list(ork.handle("listThings", Map.of("query", Map.of("tags", "t-container"),
                "fields", Map.of("info.poolConfig", 1), "limit", 1))).get(0));
        assertTrue(byId.containsKey(map(container.get("info")).get("poolConfig")), "listThings shows it");
    }

    @Test
    void firmwaresAreOnePerMinerRackAndNameWhatItsMinersRun() {
        List<Object> firmwares = list(ork.handle("listFirmwares", Map.of()));
        long minerRacks = ork.site().racks().stream().filter(r -> r.kind() == ThingKind.MINER).count();
        assertEquals(minerRacks, firmwares.size());
        int i = 0;
        for (SimRack rack : ork.site().racks()) {
            if (rack.kind() != ThingKind.MINER) {
                continue;
            }
            Map<String, Object> f = map(firmwares.get(i++));
            assertEquals(List.of("name", "file", "id"), List.copyOf(f.keySet()));
            assertTrue(((String) f.get("file")).endsWith(".bin"));
            Map<String, Object> miner = map(list(ork.handle("listThings", Map.of("query", Map.of("id", rack.things().get(0).id()),
                    "status", 1, "fields", Map.of("last.snap.config.firmware_ver", 1), "limit", 1))).get(0));
            Map<String, Object> snap = map(map(miner.get("last")).get("snap"));
            if (snap.get("config") != null) {
                assertEquals(map(snap.get("config")).get("firmware_ver"), f.get("name"));
            }
        }
    }

    @Test
    void theM63RackReportsEveryDevicesPowerModeAndStatus() {
        SimRack m63 = ork.site().racks().stream().filter(r -> r.type().equals("miner-wm-m63")).findFirst()
                .orElseThrow();
        ContainerSite wonderint = ork.site().containers().get(ork.site().containers().size() - 1);
        assertEquals("container-mbt-wonderint", wonderint.model().type());
        assertEquals(40, wonderint.miners().size());
        assertTrue(m63.things().containsAll(wonderint.miners()));
        Map<String, Object> tick = map(list(ork.handle("tailLog", Map.of("type", "miner", "key", "stat-5m",
                "tag", "t-miner", "limit", 1, "aggrFields", Map.of("power_mode_group_aggr", 1,
                        "status_group_aggr", 1)))).get(0));
        Map<String, Object> modes = map(tick.get("power_mode_group_aggr"));
        Map<String, Object> statuses = map(tick.get("status_group_aggr"));
        assertEquals(modes.keySet(), statuses.keySet());
        assertEquals(40, modes.keySet().stream().filter(k -> k.startsWith(wonderint.name() + "-")).count(),
                "one entry per M63 of the container, keyed <container>-<pos>");
        assertTrue(modes.values().stream().filter(java.util.Objects::nonNull).allMatch(m -> Set.of("low", "normal",
                "high", "sleep").contains(m)), "power modes (null while offline): " + modes);
    }

    @Test
    void theGlobalConfigCarriesTheNominalFiguresUnderBothNames() {
        Map<String, Object> g = map(ork.handle("getGlobalConfig", Map.of()));
        double nominalMhs = 0;
        for (ContainerSite c : ork.site().containers()) {
            nominalMhs += c.miners().size() * c.model().minerModel().nominalMhs();
        }
        assertEquals(Math.round(nominalMhs), ((Number) g.get("nominalHashrate")).longValue(), "MH/s");
        assertEquals(g.get("nominalSiteHashrate_MHS"), g.get("nominalHashrate"));
        assertEquals(g.get("nominalAvailablePowerMWh"), g.get("nominalPowerAvailability_MW"));
        assertEquals(Map.of("nominalPowerAvailability_MW", g.get("nominalPowerAvailability_MW")),
                ork.handle("getGlobalConfig", Map.of("fields", Map.of("nominalPowerAvailability_MW", 1))));
    }

    @Test
    void aStateFileWrittenBeforeTheNewFieldsKeepsTheirDefaults() throws Exception {
        Path file = dir.resolve("old.json");
        Files.writeString(file, "{\"version\":1,\"seed\":9,\"globalConfig\":{\"isAutoSleepAllowed\":true}}");
        SimOrk restored = ork(Map.of("seed", 9, "miners", 60), new StateFile(file, new ObjectMapper()));
        Map<String, Object> g = map(restored.handle("getGlobalConfig", Map.of()));
        assertEquals(true, g.get("isAutoSleepAllowed"));
        assertTrue(g.get("nominalHashrate") instanceof Number);
    }
}
