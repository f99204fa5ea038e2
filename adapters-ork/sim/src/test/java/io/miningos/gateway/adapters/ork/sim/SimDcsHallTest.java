package io.miningos.gateway.adapters.ork.sim;

import io.miningos.gateway.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.miningos.gateway.adapters.ork.sim.SimJson.list;
import static io.miningos.gateway.adapters.ork.sim.SimJson.map;
import static io.miningos.gateway.adapters.ork.sim.SimJson.num;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sim option {@code dcsHall}: the miners stand in groups of a hall, and the DCS thing meters and cools them
 * consistently with the site's own meters (README "DCS").
 */
class SimDcsHallTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-20T10:17:31Z"));
    /** 330 miners: 3 in maintenance, 327 in groups of 80: four full groups and one of 7. */
    private final SimOrk hall = new SimOrk(SimOptions.parse("c", Map.of("seed", 5, "miners", 330, "persist", false,
            "dcsHall", true)), clock, null);

    private static final Map<String, Object> DCS_QUERY = Map.of("query", Map.of("tags", Map.of("$in",
            List.of("t-dcs"))), "status", 1);

    private Map<String, Object> snap() {
        List<Object> things = list(hall.handle("listThings", DCS_QUERY));
        assertEquals(1, things.size(), things.toString());
        Map<String, Object> dcs = map(things.getFirst());
        assertEquals("dcs-siemens", dcs.get("type"));
        assertTrue(dcs.get("rack").toString().startsWith("dcs-siemens-"));
        return map(map(dcs.get("last")).get("snap"));
    }

    private static List<Object> equipment(Map<String, Object> snap, String list) {
        return list(map(map(map(snap.get("stats")).get("dcs_specific")).get("equipment")).get(list));
    }

    private static double kw(List<Object> meters, String role) {
        return meters.stream().map(SimJson::map).filter(m -> role.equals(m.get("role")))
                .mapToDouble(m -> num(map(m.get("power")).get("value"))).sum();
    }

    @Test
    void theMinersStandInGroupsOfFourRacksAsTheLayoutSays() {
        List<Object> miners = list(hall.handle("listThings", Map.of("query", Map.of("tags", Map.of("$in",
                List.of("t-miner"))), "limit", 1000)));
        long inHall = miners.stream().map(SimJson::map).filter(m -> map(m.get("info")).get("container").toString()
                .startsWith("group-")).count();
        assertEquals(327, inHall);
        Map<String, Object> first = miners.stream().map(SimJson::map)
                .filter(m -> "group-1".equals(map(m.get("info")).get("container"))).findFirst().orElseThrow();
        assertTrue(map(first.get("info")).get("pos").toString().matches("rack-[1-4]_\\d{1,2}"), first.toString());
        Map<String, Object> mining = map(map(snap().get("config")).get("mining"));
        assertEquals(5, ((Number) mining.get("total_groups")).intValue());
        assertEquals(4, ((Number) mining.get("racks_per_group")).intValue());
        assertEquals(20, ((Number) mining.get("miners_per_rack")).intValue());
        Map<String, Object> rackPower = map(list(list(hall.handle("tailLogMulti", Map.of("keys", List.of(Map.of(
                "key", "stat-rtd", "type", "miner", "tag", "t-miner")), "limit", 1, "aggrFields",
                Map.of("power_w_pdu_rack_group_sum_aggr", 1)))).getFirst()).getFirst());
        assertTrue(num(map(rackPower.get("power_w_pdu_rack_group_sum_aggr")).get("group-1_rack-1")) > 0,
                rackPower.toString());
    }

    @Test
    void theSiteMeterIsTheSitePowerMeterAndTheRackMetersTheMinersPower() {
        Map<String, Object> snap = snap();
        List<Object> meters = equipment(snap, "power_meters");
        Map<String, Object> site = map(list(list(hall.handle("tailLogMulti", Map.of("keys", List.of(Map.of(
                "key", "stat-rtd", "type", "powermeter", "tag", "t-powermeter")), "limit", 1, "aggrFields",
                Map.of("site_power_w", 1)))).getFirst()).getFirst());
        assertEquals(num(site.get("site_power_w")), kw(meters, "site_main") * 1000, 1.0,
                "the DCS's site meter and the site's power meter read the same intake");
        Map<String, Object> groups = map(map(list(list(hall.handle("tailLogMulti", Map.of("keys", List.of(Map.of(
                "key", "stat-rtd", "type", "miner", "tag", "t-miner")), "limit", 1, "aggrFields",
                Map.of("power_w_container_group_sum_aggr", 1)))).getFirst()).getFirst())
                .get("power_w_container_group_sum_aggr"));
        double hallMinersW = groups.entrySet().stream().filter(e -> e.getKey().startsWith("group-"))
                .mapToDouble(e -> num(e.getValue())).sum();
        double racksKw = kw(meters, "rack");
        assertEquals(hallMinersW, racksKw * 1000, hallMinersW * 0.01, "the rack meters meter the hall's miners");
        double site_main = kw(meters, "site_main");
        assertEquals(site_main, racksKw + kw(meters, "ccm_principal") + kw(meters, "auxiliary"), 1e-6,
                "the intake is racks, cooling and the rest");
        assertEquals(3, meters.stream().map(SimJson::map).filter(m -> "rack".equals(m.get("role"))).count(),
                "one rack meter per two groups: 1-2, 3-4, 5");
    }

    @Test
    void theMinersLoopCarriesTheMinersHeat() {
        Map<String, Object> snap = snap();
        Map<String, Double> temps = new java.util.HashMap<>();
        equipment(snap, "temperatures").forEach(t -> temps.put(map(t).get("equipment").toString(),
                num(map(t).get("value"))));
        Map<String, Double> flows = new java.util.HashMap<>();
        equipment(snap, "flows").forEach(f -> flows.put(map(f).get("equipment").toString(), num(map(f).get("value"))));
        double rise1 = temps.get("TT-102") - temps.get("TT-101");
        double rise2 = temps.get("TT-202") - temps.get("TT-201");
        assertTrue(rise1 > 2 && rise1 < 10, "line 1 rise " + rise1);
        assertTrue(rise2 > 0 && rise2 < 10, "line 2 rise " + rise2);
        // heat = 1.163 kW per m³/h and °C: both lines together carry about what the rack meters measure
        double heatKw = 1.163 * (flows.get("FT-101") * (rise1 + 0.05) + flows.get("FT-201") * (rise2 + 0.05));
        double racksKw = kw(equipment(snap, "power_meters"), "rack");
        assertEquals(racksKw, heatKw, racksKw * 0.05, "water heat vs miners' power");
    }

    @Test
    void theDcsIsOnTheFirstPageOnlyAndOnlyWhereTheQuerySelectsIt() {
        assertEquals(0, list(hall.handle("listThings", Map.of("query", Map.of("tags", Map.of("$in",
                List.of("t-dcs"))), "offset", 100))).size());
        assertTrue(list(hall.handle("listThings", Map.of("query", Map.of("tags", Map.of("$in",
                List.of("t-container"))), "limit", 100))).stream().noneMatch(t -> "dcs-siemens".equals(map(t)
                .get("type"))));
        Map<String, Object> projected = map(list(hall.handle("listThings", Map.of("query", Map.of("type",
                "dcs-siemens"), "fields", Map.of("id", 1, "last.snap.config.mining", 1), "status", 1))).getFirst());
        Map<String, Object> snap = map(map(projected.get("last")).get("snap"));
        assertEquals(List.of("config"), List.copyOf(snap.keySet()), "the projection applies");
        assertTrue(list(hall.handle("listThings", Map.of("query", Map.of("type", "dcs-siemens")))).stream()
                .noneMatch(t -> map(t).containsKey("last")), "last only with status");
    }

    @Test
    void theStatLogKeepsTheCoolingEveryThreeHoursOrPerDay() {
        long end = clock.millis();
        long start = end - 86_400_000L;
        List<Object> log = list(hall.handle("tailLog", Map.of("key", "stat-3h", "type", "dcs", "tag", "t-dcs",
                "start", start, "end", end)));
        assertEquals(8, log.size(), "a day of 3-hour points");
        Map<String, Object> newest = map(log.getFirst());
        assertTrue(num(newest.get("ts")) > num(map(log.get(1)).get("ts")), "newest first");
        assertTrue(num(newest.get("miner_return_temp_c")) > num(newest.get("miner_supply_temp_c")), newest.toString());
        assertEquals(1.0, num(newest.get("chiller_running")));
        List<Object> days = list(hall.handle("tailLog", Map.of("key", "stat-3h", "type", "dcs", "tag", "t-dcs",
                "start", end - 3 * 86_400_000L, "end", end, "groupRange", "1D")));
        assertTrue(days.size() == 3 || days.size() == 4, days.toString());
        assertEquals(0, num(map(days.getFirst()).get("ts")) % 86_400_000L, 0.0, "UTC days");
        assertEquals(2, list(hall.handle("tailLog", Map.of("key", "stat-3h", "type", "dcs", "start", start,
                "end", end, "limit", 2))).size());
    }

    @Test
    void aContainerSiteHasNoDcsAndKeepsItsContainers() {
        SimOrk plain = new SimOrk(SimOptions.parse("c", Map.of("seed", 5, "miners", 330, "persist", false)), clock,
                null);
        assertEquals(0, list(plain.handle("listThings", DCS_QUERY)).size());
        assertTrue(plain.site().containers().stream().noneMatch(c -> c.name().startsWith("group-")));
    }
}
