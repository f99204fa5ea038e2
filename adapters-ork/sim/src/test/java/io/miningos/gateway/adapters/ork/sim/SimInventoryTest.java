package io.miningos.gateway.adapters.ork.sim;

import io.miningos.gateway.adapters.ork.sim.site.SimThing;
import io.miningos.gateway.adapters.ork.sim.site.ThingKind;
import io.miningos.gateway.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.miningos.gateway.adapters.ork.sim.SimJson.list;
import static io.miningos.gateway.adapters.ork.sim.SimJson.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The spare-part inventory as the UI's Inventory pages read it: part racks ({@code list-racks?type=inventory}),
 * parts ({@code list-things} by {@code t-inventory-miner_part}), the dashboard's counts
 * ({@code tail-log/multi} of {@code stat-5m} per part tag, {@code spare_parts_cnt_aggr},
 * {@code spare_part_inventory_status_group_cnt_aggr}), the part models in the racks' settings, and the miners'
 * inventory statuses, all in the UI's vocabulary and made for the site's own miner brands and models.
 */
class SimInventoryTest {

    private static final Set<String> PART_STATUSES = Set.of("ok_brand_new", "ok_recovered", "ok_repaired", "faulty",
            "on_hold", "scrapped", "disposed");
    private static final Set<String> LOCATIONS = Set.of("workshop.warehouse", "workshop.lab", "site.warehouse",
            "site.lab", "site.container", "disposed", "vendor");
    private static final List<String> PART_TYPES = List.of("inventory-miner_part-controller",
            "inventory-miner_part-hashboard", "inventory-miner_part-psu");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-20T10:17:31Z"));
    private final SimOrk ork = ork();

    private SimOrk ork() {
        return new SimOrk(SimOptions.parse("c", Map.of("seed", 1, "miners", 500, "persist", false)), clock, null);
    }

    private List<Map<String, Object>> parts() {
        return partsOf(ork);
    }

    private static List<Map<String, Object>> partsOf(SimOrk o) {
        return list(o.handle("listThings", Map.of("query", Map.of("tags", Map.of("$in",
                List.of("t-inventory-miner_part"))), "fields", Map.of("id", 1, "code", 1, "comments", 1, "rack", 1,
                "info", 1, "type", 1, "tags", 1), "limit", 10_000))).stream().map(SimJson::map).toList();
    }

    @Test
    void partRacksAreListedUnderTheTypesTheUiNames() {
        List<Object> racks = list(ork.handle("listRacks", Map.of("type", "inventory")));
        Set<String> types = new HashSet<>();
        for (Object r : racks) {
            String id = (String) map(r).get("id");
            String type = (String) map(r).get("type");
            types.add(type);
            assertEquals(type, String.join("-", List.of(id.split("-")).subList(0, 3)),
                    "the UI names a part rack by the first three segments of its id");
        }
        assertEquals(new HashSet<>(PART_TYPES), types);
    }

    @Test
    void partsHaveTheFieldsTheInventoryPagesReadForTheSitesOwnMiners() {
        Map<String, SimThing> miners = new HashMap<>();
        Set<String> brands = new HashSet<>();
        Map<String, Set<String>> modelsByBrand = new HashMap<>();
        ork.site().things().values().stream().filter(t -> t.kind() == ThingKind.MINER).forEach(m -> {
            miners.put(m.id(), m);
            String brand = m.type().split("-")[1];
            brands.add(brand);
            modelsByBrand.computeIfAbsent(brand, k -> new HashSet<>()).add(m.type().substring(m.type()
                    .lastIndexOf('-') + 1).replace("_", "").toUpperCase(java.util.Locale.ROOT));
        });
        List<Map<String, Object>> parts = parts();
        assertTrue(parts.size() > 50, parts.size() + " parts for about 540 miners");
        Set<String> codes = new HashSet<>();
        Map<String, Set<String>> brandsByType = new HashMap<>();
        int fitted = 0;
        for (Map<String, Object> p : parts) {
            String type = (String) p.get("type");
            assertTrue(PART_TYPES.contains(type));
            assertTrue(((List<?>) p.get("tags")).containsAll(List.of("t-" + type, "t-inventory-miner_part",
                    "t-inventory", "inventory", "miner_part")), p.get("tags").toString());
            String code = (String) p.get("code");
            assertTrue(code.matches("(PS|HB|CB)-(AM|WM|AV)-[A-Z0-9]+-\\d{2,}"), code);
            assertTrue(codes.add(code), "codes are unique");
            Map<String, Object> info = map(p.get("info"));
            String brand = (String) info.get("parentDeviceModel");
            assertTrue(brands.contains(brand), "parts only for the brands on the site: " + brand);
            brandsByType.computeIfAbsent(type, k -> new HashSet<>()).add(brand);
            assertTrue(PART_STATUSES.contains(info.get("status")), info.toString());
            assertTrue(LOCATIONS.contains(info.get("location")), info.toString());
            assertNotNull(info.get("serialNum"));
            assertNotNull(info.get("subType"));
            assertEquals(type.endsWith("controller"), info.containsKey("macAddress"), "only controllers have MACs");
            if (type.endsWith("hashboard")) {
                assertTrue(modelsByBrand.get(brand).contains(info.get("subType")), "a hashboard of a model on site: "
                        + info.get("subType"));
            }
            if (info.containsKey("parentDeviceId")) {
                fitted++;
                SimThing miner = miners.get((String) info.get("parentDeviceId"));
                assertNotNull(miner);
                assertEquals(miner.code(), info.get("parentDeviceCode"));
                assertEquals(miner.type(), info.get("parentDeviceType"));
                assertEquals(miner.info().get("serialNum"), info.get("parentDeviceSN"));
                assertEquals("site.container", info.get("location"));
                assertTrue(miner.type().contains("-" + brand + "-"));
            }
        }
        assertTrue(fitted > 0, "some parts are fitted in miners");
        PART_TYPES.forEach(t -> assertEquals(brands, brandsByType.get(t), t + " for every brand"));
    }

    @Test
    void theDashboardsCountsAddUpToTheParts() {
        List<Object> perType = list(ork.handle("tailLogMulti", Map.of("keys", PART_TYPES.stream().map(t -> Map.of(
                "key", "stat-5m", "type", "inventory", "tag", "t-" + t)).toList(), "limit", 1,
                "start", clock.millis() - 600_000L, "aggrFields", Map.of("spare_parts_cnt_aggr", 1,
                        "spare_part_inventory_status_group_cnt_aggr", 1))));
        assertEquals(3, perType.size());
        List<Map<String, Object>> parts = parts();
        int total = 0;
        for (int i = 0; i < 3; i++) {
            String type = PART_TYPES.get(i);
            Map<String, Object> tick = map(list(perType.get(i)).get(0));
            long count = ((Number) tick.get("spare_parts_cnt_aggr")).longValue();
            long expected = parts.stream().filter(p -> p.get("type").equals(type)).count();
            assertEquals(expected, count, type);
            Map<String, Object> byStatus = map(tick.get("spare_part_inventory_status_group_cnt_aggr"));
            assertEquals(count, byStatus.values().stream().mapToLong(v -> ((Number) v).longValue()).sum());
            for (String status : byStatus.keySet()) {
                assertEquals(parts.stream().filter(p -> p.get("type").equals(type)
                        && status.equals(map(p.get("info")).get("status"))).count(),
                        ((Number) byStatus.get(status)).longValue(), type + " " + status);
            }
            total += (int) count;
        }
        Map<String, Object> live = map(list(list(ork.handle("tailLogMulti", Map.of("keys", List.of(Map.of("key",
                "stat-rtd", "type", "inventory", "tag", "t-inventory")), "aggrFields", Map.of(
                "spare_parts_cnt_aggr", 1, "spare_part_inventory_location_group_cnt_aggr", 1)))).get(0)).get(0));
        assertEquals(total, ((Number) live.get("spare_parts_cnt_aggr")).longValue(), "the UI's stat-rtd read");
        assertTrue(LOCATIONS.containsAll(map(live.get("spare_part_inventory_location_group_cnt_aggr")).keySet()));
    }

    @Test
    void partRackSettingsOfferThePartModelsTheyHold() {
        for (Object r : list(ork.handle("listRacks", Map.of("type", "inventory")))) {
            String rackId = (String) map(r).get("id");
            List<?> subTypes = (List<?>) map(ork.handle("getWrkSettings", Map.of("rackId", rackId)))
                    .get("subPartTypes");
            Set<Object> held = new LinkedHashSet<>();
            parts().stream().filter(p -> rackId.equals(p.get("rack"))).forEach(p -> held.add(map(p.get("info"))
                    .get("subType")));
            assertEquals(held, new LinkedHashSet<>(subTypes));
        }
    }

    @Test
    void minersCarryInventoryStatusesAndLocationsOfTheUisVocabulary() {
        Map<String, Object> tick = map(list(ork.handle("tailLog", Map.of("type", "miner", "key", "stat-5m",
                "tag", "t-miner", "limit", 1, "aggrFields", Map.of("miner_inventory_status_group_cnt_aggr", 1,
                        "miner_inventory_location_group_cnt_aggr", 1)))).get(0));
        Set<String> statuses = map(tick.get("miner_inventory_status_group_cnt_aggr")).keySet();
        assertTrue(statuses.containsAll(Set.of("ok_brand_new", "ok_repaired", "faulty")), statuses.toString());
        assertTrue(Set.of("ok_brand_new", "ok_repaired", "faulty", "on_hold", "in_repair").containsAll(statuses),
                statuses + " (in_repair: the seeded repair history)");
        assertTrue(LOCATIONS.containsAll(map(tick.get("miner_inventory_location_group_cnt_aggr")).keySet()));
        assertEquals(parts(), partsOf(ork()), "the same seed, the same parts");
    }

    private static final List<String> INVENTORY_PERMS = List.of("inventory:rw", "actions:rw");

    /** Pushes an action the way the UI's inventory modals do ({@code query: {tags: {$in: …}}}), runs it, and
     * answers the call's outcome in the done store. */
    private Map<String, Object> run(String action, Map<String, Object> p0, List<String> tags) {
        Map<String, Object> pushed = map(ork.handle("pushAction", Map.of("query", Map.of("tags", Map.of("$in",
                tags)), "action", action, "params", List.of(p0), "voter", "ops@example.com",
                "authPerms", INVENTORY_PERMS)));
        assertNotNull(pushed.get("id"), pushed.toString());
        clock.advance(Duration.ofSeconds(10));
        Map<String, Object> done = map(ork.handle("getAction", Map.of("id", pushed.get("id"), "type", "done")));
        Map<String, Object> target = map(map(done.get("targets")).get(p0.get("rackId")));
        return map(list(target.get("calls")).get(0));
    }

    private String partRack(String type) {
        return list(ork.handle("listRacks", Map.of("type", "inventory"))).stream().map(r -> (String) map(r).get("id"))
                .filter(id -> id.startsWith(type + "-")).findFirst().orElseThrow();
    }

    private Map<String, Object> partBySerial(String serial) {
        List<Map<String, Object>> found = parts().stream().filter(p -> serial.equals(map(p.get("info"))
                .get("serialNum"))).toList();
        return found.isEmpty() ? null : found.get(0);
    }

    /** The dashboard's live count of all parts ({@code stat-rtd} of {@code t-inventory}), or of one status. */
    private long count(String status) {
        Map<String, Object> tick = map(list(list(ork.handle("tailLogMulti", Map.of("keys", List.of(Map.of("key",
                "stat-rtd", "type", "inventory", "tag", "t-inventory")), "aggrFields", Map.of(
                "spare_parts_cnt_aggr", 1, "spare_part_inventory_status_group_cnt_aggr", 1)))).get(0)).get(0));
        return status == null ? ((Number) tick.get("spare_parts_cnt_aggr")).longValue()
                : ((Number) map(tick.get("spare_part_inventory_status_group_cnt_aggr")).getOrDefault(status, 0))
                .longValue();
    }

    @Test
    void theUisAddMoveAndDeleteOfASparePartChangeTheInventory() {
        String type = "inventory-miner_part-controller";
        String rack = partRack(type);
        long before = count(null);
        long faultyBefore = count("faulty");
        Map<String, Object> add = Map.of("rackId", rack, "info", Map.of("parentDeviceModel", "am", "site",
                        "demo", "subType", "CV1835", "serialNum", "", "macAddress", "d4:a8:1e:33:91:0a",
                        "location", "site.warehouse", "status", "ok_brand_new"),
                "comment", "from the vendor's batch 7", "tags", List.of("site-demo"));
        // the add modal sends no tags, so its query is {tags: {}} once JSON drops the undefined $in
        Map<String, Object> pushed = map(ork.handle("pushAction", Map.of("query", Map.of("tags", Map.of()),
                "action", "registerThing", "params", List.of(add), "voter", "ops@example.com",
                "authPerms", INVENTORY_PERMS)));
        assertNotNull(pushed.get("id"), "a part rack takes registerThing: " + pushed);
        clock.advance(Duration.ofSeconds(10));
        Map<String, Object> part = parts().stream().filter(p -> "d4:a8:1e:33:91:0a".equals(map(p.get("info"))
                .get("macAddress"))).findFirst().orElseThrow();
        assertTrue(((String) part.get("code")).matches("CB-AM-CV1835-\\d{2,}"), part.get("code").toString());
        assertEquals(rack, part.get("rack"));
        assertEquals(type, part.get("type"));
        assertTrue(((List<?>) part.get("tags")).containsAll(List.of("t-" + type, "t-inventory", "site-demo",
                "id-" + part.get("id"))), part.get("tags").toString());
        assertEquals("from the vendor's batch 7", map(list(part.get("comments")).get(0)).get("comment"));
        assertEquals(before + 1, count(null), "the dashboard counts the new part");
        String id = (String) part.get("id");

        Map<String, Object> moved = run("updateThing", Map.of("id", id, "rackId", rack, "info", Map.of("location",
                "site.lab", "status", "faulty"), "comment", "fan noise"), List.of("id-" + id));
        assertEquals(1, moved.get("result"));
        Map<String, Object> info = map(parts().stream().filter(p -> id.equals(p.get("id"))).findFirst()
                .orElseThrow().get("info"));
        assertEquals("site.lab", info.get("location"));
        assertEquals("faulty", info.get("status"));
        assertEquals("CV1835", info.get("subType"), "a move merges into info");
        assertEquals(faultyBefore + 1, count("faulty"));
        Map<String, Object> change = list(ork.handle("getHistoricalLogs", Map.of("logType", "info"))).stream()
                .map(SimJson::map).filter(c -> id.equals(map(c.get("thing")).get("id"))).findFirst().orElseThrow();
        assertEquals(Map.of("oldValue", "site.warehouse", "newValue", "site.lab"),
                map(change.get("changes")).get("location"), "the movements page shows the move");

        Map<String, Object> forgotten = run("forgetThings", Map.of("rackId", rack, "query", Map.of("id", id)),
                List.of());
        assertEquals(1, forgotten.get("result"));
        assertFalse(parts().stream().anyMatch(p -> id.equals(p.get("id"))));
        assertEquals(before, count(null));
    }

    @Test
    void aPartRackChecksWhatItRegisters() {
        String rack = partRack("inventory-miner_part-psu");
        Map<String, Object> psu = new HashMap<>(Map.of("parentDeviceModel", "wm", "subType", "P221B",
                "serialNum", "PSWMTEST000001", "location", "site.warehouse", "status", "ok_brand_new"));
        assertEquals(1, run("registerThing", Map.of("rackId", rack, "info", psu), List.of()).get("result"));
        Map<String, Object> first = partBySerial("PSWMTEST000001");
        assertTrue(((String) first.get("code")).startsWith("PS-WM-P221B-"));
        assertEquals("[HRPC_ERR]=ERR_THING_SERIALNUM_EXISTS",
                run("registerThing", Map.of("rackId", rack, "info", psu), List.of()).get("error"));

        Map<String, Object> noModel = new HashMap<>(psu);
        noModel.remove("parentDeviceModel");
        noModel.put("serialNum", "PSWMTEST000002");
        assertEquals("[HRPC_ERR]=ERR_PART_MINER_MODEL_INFO_INVALID",
                run("registerThing", Map.of("rackId", rack, "info", noModel), List.of()).get("error"));
        Map<String, Object> noSubType = new HashMap<>(psu);
        noSubType.remove("subType");
        noSubType.put("serialNum", "PSWMTEST000003");
        assertEquals("[HRPC_ERR]=ERR_PART_SUBTYPE_INFO_INVALID",
                run("registerThing", Map.of("rackId", rack, "info", noSubType), List.of()).get("error"));
        Map<String, Object> halfParent = new HashMap<>(psu);
        halfParent.put("serialNum", "PSWMTEST000004");
        halfParent.put("parentDeviceId", "some-miner");
        assertEquals("[HRPC_ERR]=ERR_PARENT_DEVICE_INFO_INVALID",
                run("registerThing", Map.of("rackId", rack, "info", halfParent), List.of()).get("error"));
        assertEquals(null, partBySerial("PSWMTEST000002"), "a refused part is not added");

        Map<String, Object> second = new HashMap<>(psu);
        second.put("serialNum", "PSWMTEST000005");
        run("registerThing", Map.of("rackId", rack, "info", second), List.of());
        int n1 = Integer.parseInt(((String) first.get("code")).substring("PS-WM-P221B-".length()));
        assertEquals(String.format("PS-WM-P221B-%02d", n1 + 1), partBySerial("PSWMTEST000005").get("code"),
                "the next number of the code's stem");

        Map<String, Object> denied = map(ork.handle("pushAction", Map.of("query", Map.of(), "action",
                "registerThing", "params", List.of(Map.of("rackId", rack, "info", psu)), "voter", "ops@example.com",
                "authPerms", List.of("miner:rw", "actions:rw"))));
        assertEquals(null, denied.get("id"), "writing a part rack needs inventory:w");
    }
}
