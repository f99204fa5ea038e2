package io.miningos.gateway.adapters.ork.sim;

import io.miningos.gateway.adapters.ork.sim.site.SimThing;
import io.miningos.gateway.adapters.ork.sim.site.ThingKind;
import io.miningos.gateway.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;

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
}
