package io.miningos.gateway.adapters.ork.sim;

import io.miningos.gateway.adapters.ork.sim.live.LiveSite;
import io.miningos.gateway.adapters.ork.sim.rpc.Deadline;
import io.miningos.gateway.adapters.ork.sim.rpc.OrkErrors;
import io.miningos.gateway.adapters.ork.sim.site.ContainerModel;
import io.miningos.gateway.adapters.ork.sim.site.ContainerSite;
import io.miningos.gateway.adapters.ork.sim.site.Noise;
import io.miningos.gateway.adapters.ork.sim.site.SimThing;
import io.miningos.gateway.adapters.ork.sim.site.Site;
import io.miningos.gateway.adapters.ork.sim.site.ThingRole;
import io.miningos.gateway.query.MongoFilter;
import io.miningos.gateway.query.Projection;
import io.miningos.gateway.query.QueryException;
import io.miningos.gateway.query.SortSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.miningos.gateway.adapters.ork.sim.live.JsonObjects.of;

/**
 * The central DCS of a hall site (sim option {@code dcsHall}): one thing on a rack of its own
 * ({@code dcs-siemens-<tag>}, type {@code dcs-siemens}, tags {@code t-dcs}, {@code t-dcs-siemens}) whose
 * {@code last.snap} is the README's DCS contract, computed from the site at each call:
 * <ul>
 *   <li>the site meter ({@code site_main}, kW) is the site power meter's reading of the same poll, so the site's
 *   power is the same with and without the DCS; a rack meter per two groups is the power their miners draw; the
 *   cooling meter ({@code ccm_principal}) is what the groups draw besides their miners; the auxiliary meter the
 *   rest of the intake (losses, offices);</li>
 *   <li>the miners' water loop carries the miners' heat: each line's flow is sized for a 7.5 °C rise at the hall's
 *   load, and its return temperature is its supply plus load ÷ (1.163 × flow), water's heat capacity; the tower loop
 *   and the HVAC follow the weather.</li>
 * </ul>
 * It is not one of the site's things (no actions): it answers {@code listThings} beside them, and {@code tailLog}
 * of type {@code dcs} ({@link #tailLog}).
 */
final class DcsHall {

    static final String TYPE = "dcs-siemens";
    static final List<String> TAGS = List.of("t-dcs", "t-dcs-siemens");
    /** Water: kW per (m³/h × °C). */
    private static final double WATER = 1.163;

    private final LiveSite live;
    private final Site site;
    private final List<ContainerSite> groups;
    private final SimThing siteMeter;
    private final String id;
    private final String rackId;

    DcsHall(LiveSite live) {
        this.live = live;
        this.site = live.site();
        this.groups = site.containers().stream().filter(c -> c.model() == ContainerModel.DCS_GROUP).toList();
        this.siteMeter = site.things().values().stream().filter(t -> t.role() instanceof ThingRole.Meter m
                && m.scope() == ThingRole.MeterScope.SITE).findFirst().orElseThrow();
        long h = Noise.hash(site.seed(), 0xDC5);
        this.id = Noise.uuid(h, Noise.hash(h, 1));
        this.rackId = TYPE + "-" + site.tag();
    }

    /** The ORK's {@code listThings} answer with the DCS thing added where the request selects it. */
    List<Object> addTo(Map<String, Object> req, List<Object> answer, long now) {
        long offset = Requests.asLong(req.get("offset")) == null ? 0 : Requests.asLong(req.get("offset"));
        Long limit = Requests.asLong(req.get("limit"));
        if (offset > 0 || limit != null && limit < 1) {
            return answer; // the DCS rack holds one thing: on its first page
        }
        MongoFilter filter;
        Projection projection;
        SortSpec sort;
        try {
            filter = MongoFilter.compile(req.get("query"), OrkErrors.QUERY_INVALID);
            projection = Projection.compile(req.get("fields"), OrkErrors.FIELDS_INVALID);
            sort = SortSpec.compile(req.get("sort"), SortSpec.Ordering.NATURAL, OrkErrors.SORT_INVALID);
        } catch (QueryException e) {
            return answer;
        }
        Map<String, Object> record = record(now);
        if (!filter.matches(record)) {
            return answer;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> projected = (Map<String, Object>) projection.apply(record);
        Map<String, Object> thing = new LinkedHashMap<>();
        for (String key : new String[]{"id", "code", "type", "tags", "info"}) {
            if (projected.containsKey(key)) {
                thing.put(key, projected.get(key));
            }
        }
        thing.put("rack", rackId);
        if (Requests.truthy(req.get("status")) && projected.containsKey("last")) {
            thing.put("last", projected.get("last"));
        }
        List<Object> out = new ArrayList<>(answer);
        out.add(thing);
        sort.sort(out);
        return out;
    }

    /** Points of the DCS's stat log at most (a year of 3-hour points). */
    static final int MAX_LOG_POINTS = 366 * 8;
    private static final long THREE_HOURS = 3 * 3_600_000L;
    private static final long DAY = 86_400_000L;

    /**
     * {@code tailLog} of type {@code dcs} ({@code stat-3h}): the hall's cooling every 3 hours of {@code [start, end]}
     * (default: the last day), newest first, at most {@code limit} points; with {@code groupRange} {@code 1D}/
     * {@code 1W}, one point per UTC day/week (from Sunday), the mean of its 3-hour points. Fields (all means):
     * {@code miner_supply_temp_c}, {@code miner_return_temp_c}, {@code miner_flow_m3h}, {@code system_pressure_bar},
     * {@code hvac_supply_temp_c}, {@code hvac_return_temp_c}, {@code chiller_running} (0..1),
     * {@code towers_running}, {@code pumps_running}, {@code site_power_w}.
     */
    List<Object> tailLog(Map<String, Object> req, long now, Deadline deadline) {
        Long endArg = Requests.asLong(req.get("end"));
        Long startArg = Requests.asLong(req.get("start"));
        long end = Math.min(endArg == null ? now : endArg, now);
        long start = Math.max(startArg == null ? end - DAY : startArg, site.commissionedAt());
        start = Math.max(start, end - (long) MAX_LOG_POINTS * THREE_HOURS);
        Long limitArg = Requests.asLong(req.get("limit"));
        String groupRange = req.get("groupRange") instanceof String g ? g : null;
        List<Map<String, Double>> points = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        for (long t = Math.floorDiv(end, THREE_HOURS) * THREE_HOURS; t >= start; t -= THREE_HOURS) {
            deadline.check();
            times.add(t);
            points.add(logPoint(t));
        }
        List<Object> out = new ArrayList<>();
        if (groupRange == null) {
            for (int i = 0; i < points.size(); i++) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("ts", times.get(i));
                entry.putAll(points.get(i));
                out.add(entry);
            }
        } else {
            long bucket = "1W".equals(groupRange) ? 7 * DAY : DAY;
            long sunday = 3 * DAY; // 1970-01-04 was a Sunday
            Map<Long, List<Map<String, Double>>> buckets = new LinkedHashMap<>();
            for (int i = 0; i < points.size(); i++) {
                long t = times.get(i);
                long key = bucket == DAY ? Math.floorDiv(t, DAY) * DAY
                        : Math.floorDiv(t - sunday, bucket) * bucket + sunday;
                buckets.computeIfAbsent(key, k -> new ArrayList<>()).add(points.get(i));
            }
            buckets.forEach((ts, list) -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("ts", ts);
                for (String field : list.getFirst().keySet()) {
                    entry.put(field, round(list.stream().mapToDouble(p -> p.get(field)).average().orElse(0), 3));
                }
                out.add(entry);
            });
        }
        return limitArg != null && limitArg >= 0 && limitArg < out.size() ? new ArrayList<>(out.subList(0,
                limitArg.intValue())) : out;
    }

    /** The cooling at {@code t}, as the stat log keeps it. */
    private Map<String, Double> logPoint(long t) {
        double itKw = 0;
        for (ContainerSite c : groups) {
            itKw += live.minersLoad(c, t)[0] / 1000;
        }
        double ambient = live.weather().ambientC(t);
        long minute = Math.floorDiv(t, 60_000);
        double supply = supplyC(ambient, minute);
        double flow = ratedItKw() / (WATER * 7.5);
        boolean load = itKw > 0;
        Map<String, Double> point = new LinkedHashMap<>();
        point.put("miner_supply_temp_c", round(supply, 2));
        point.put("miner_return_temp_c", round(supply + itKw / (WATER * flow), 2));
        point.put("miner_flow_m3h", round(flow, 1));
        point.put("system_pressure_bar", round(2.8 + 0.03 * gauss(minute, 21), 2));
        double chilled = 7 + 0.2 * gauss(minute, 40);
        point.put("hvac_supply_temp_c", round(chilled, 2));
        point.put("hvac_return_temp_c", round(chilled + 4.6 + 0.1 * (ambient - 20), 2));
        point.put("chiller_running", 1.0);
        point.put("towers_running", load ? ambient > 25 ? 2.0 : 1.0 : 0.0);
        point.put("pumps_running", load ? 6.0 : 4.0);
        point.put("site_power_w", round(live.sitePowerW(t), 0));
        return point;
    }

    private double supplyC(double ambient, long minute) {
        return 36.6 + 0.05 * (ambient - 15) + 0.15 * gauss(minute, 1);
    }

    /** The whole thing at {@code now}. */
    Map<String, Object> record(long now) {
        long t = live.sampleInstant(siteMeter, now);
        List<Object> tags = new ArrayList<>(TAGS);
        tags.add("site-" + site.name());
        return of("id", id, "code", "DCS-0001", "type", TYPE, "tags", tags,
                "info", of("site", site.name(), "pos", "hall", "createdAt", site.commissionedAt()),
                "last", of("ts", t, "snap", of("config", config(), "stats", stats(t))));
    }

    // ------------------------------------------------------------------ configuration (fixed by the hall)

    private int branches() {
        return (groups.size() + 1) / 2;
    }

    private String feeds(int b) {
        int first = 2 * b - 1;
        int last = Math.min(2 * b, groups.size());
        return first == last ? "Group " + first : "Groups " + first + "-" + last;
    }

    private Map<String, Object> config() {
        List<Object> branches = new ArrayList<>();
        for (int b = 1; b <= branches(); b++) {
            branches.add(of("relay", "PR-" + b, "transformer", "TR-" + b, "board", "DB-" + b,
                    "meter", "PM-" + (7510 + b),
                    "feeds", feeds(b)));
        }
        branches.add(of("relay", "PR-C", "transformer", "TR-C", "board", "DB-C", "meter", "PM-CCM", "feeds",
                "Cooling & Auxiliary"));
        int half = (groups.size() + 1) / 2;
        Map<String, Object> minerLoop = of("name", "Miner Loop", "description", "Water to the miners' cold plates",
                "water_type", "Demineralised water",
                "defaults", of("supply_temp", m(37, "°C"), "return_temp", m(44.5, "°C"),
                        "rated_flow", m(Math.ceil(ratedItKw() / (WATER * 7.5)), "m³/h"), "pumps_config", "1+1"),
                "line1", line(1, "Groups 1-" + half),
                "heat_exchangers", of("hx-1", of("miner_side_out_sensor", "TT-103", "control_valve", "TCV-1")),
                "control_valves", of("line1", "TCV-1"));
        @SuppressWarnings("unchecked")
        Map<String, Object> hxs = (Map<String, Object>) minerLoop.get("heat_exchangers");
        @SuppressWarnings("unchecked")
        Map<String, Object> valves = (Map<String, Object>) minerLoop.get("control_valves");
        if (groups.size() > 1) {
            minerLoop.put("line2", line(2, "Groups " + (half + 1) + "-" + groups.size()));
            hxs.put("hx-2", of("miner_side_out_sensor", "TT-203", "control_valve", "TCV-2"));
            valves.put("line2", "TCV-2");
        }
        Map<String, Object> towerLoop = of("name", "Cooling Tower Loop", "description", "Tower water through the plate "
                        + "heat exchangers", "water_type", "Treated raw water",
                "defaults", of("tower_capacity", m(Math.ceil(ratedItKw() / (WATER * 6)), "m³/h"),
                        "tower_capacity_gcal", m(Math.ceil(ratedItKw() * 0.00086 * 10) / 10, "Gcal/h"),
                        "pumps_config", "1+1"),
                "heat_exchangers", of("hx-1", of("miner_side_out_sensor", "TT-103", "tower_side_in_sensor", "TT-301",
                        "tower_side_out_sensor", "TT-302")),
                "tower_level_sensor", "LT-301", "tower_fan", "V-301", "tower_vibration_switch", "VS-301",
                "makeup", of("tank", "TK-401", "level_sensor", "LT-401", "level_control_valve", "LCV-401",
                        "on_off_valves", List.of("XV-401", "XV-402")));
        Map<String, Object> chilled = of("name", "Chilled Water", "description", "Room air conditioning",
                "defaults", of("supply_temp", m(7, "°C"), "return_temp", m(12, "°C"), "rated_flow", m(40, "m³/h"),
                        "buffer_tank_volume", m(4, "m³"), "return_pumps_config", "1+1", "supply_pumps_config", "1+1"),
                "chiller_capacity_tr", m(80, "TR"),
                "supply_return", of("supply_temp_sensor", "TT-501", "return_temp_sensor", "TT-502",
                        "supply_flow_sensor", "FT-501", "return_flow_sensor", "FT-502", "pressure_sensor", "PT-501",
                        "flow_switches", List.of("FS-501", "FS-502")),
                "condenser", of("inlet_temp_sensor", "TT-601", "outlet_temp_sensor", "TT-602",
                        "inlet_flow_sensor", "FT-601", "outlet_flow_sensor", "FT-602"),
                "buffer_tank", of("tank", "TK-501", "level_sensor", "LT-501", "makeup_valve", "XV-501"),
                "control_valves", of("pressure_bypass", "PCV-501"),
                "fan_coils", List.of(of("id", "FC-1", "valve_tag", "TCV-F1", "temperature_tag", "TT-F1"),
                        of("id", "FC-2", "valve_tag", "TCV-F2", "temperature_tag", "TT-F2"),
                        of("id", "FC-3", "valve_tag", "TCV-F3", "temperature_tag", "TT-F3"),
                        of("id", "FC-4", "valve_tag", "TCV-F4", "temperature_tag", "TT-F4")));
        Map<String, Object> condenser = of("name", "Condenser Water", "description", "Chiller heat to the towers",
                "defaults", of("supply_temp", m(30, "°C"), "return_temp", m(35, "°C"),
                        "pumps_config", of("rated_flow", m(60, "m³/h")), "tower_capacity_mcal", m(350, "Mcal/h"),
                        "tower_flow", m(60, "m³/h")),
                "supply_return", of("supply_temp_sensor", "TT-701", "return_temp_sensor", "TT-702",
                        "supply_flow_sensor", "FT-701", "return_flow_sensor", "FT-702"),
                "tower", of("fan", "V-301", "level_sensor", "LT-301", "vibration_switch", "VS-301"));
        Map<String, Object> ambient = of("rooms", List.of(
                        of("name", "Electrical Room", "fan_coils", List.of("FC-1", "FC-2"), "humidity_sensors",
                                List.of("HT-1")),
                        of("name", "Control Room", "fan_coils", List.of("FC-3", "FC-4"), "humidity_sensors",
                                List.of("HT-2"))),
                "ambient_sensors", List.of("HT-9"));
        Map<String, Object> meta = of(
                "miners", of("circuit1", of("title", "Miner Loop"), "circuit2", of("title", "Cooling Tower Loop"),
                        "layout", of("title", "Mining Hall", "description", "The groups, their racks and both water "
                                + "circuits")),
                "hvac", of("circuit1", of("title", "Chilled Water"), "circuit2", of("title", "Condenser Water"),
                        "layout", of("title", "HVAC", "description", "Chilled and condenser water"),
                        "ambient", of("title", "Ambient Conditions", "description",
                                "Room temperatures and humidity levels")));
        return of("mining", of("total_groups", groups.size(), "racks_per_group", 4, "miners_per_rack", 20,
                        "vlan_start", 129, "miner_model", "Antminer S21 Pro"),
                "energy_layout", of("site_meter", "PM-MV", "source_label", "Grid 33 kV", "branches", branches),
                "cooling_system", of("miner_loop", minerLoop, "cooling_tower_loop", towerLoop,
                        "makeup", of("pump", "P-401", "defaults", of("tank_volume", m(20, "m³"),
                                "pump_head", m(30, "m"), "pump_flow", m(12, "m³/h"))),
                        "hvac_chilled_water", chilled, "hvac_condenser", condenser, "ambient", ambient,
                        "view_metadata", meta));
    }

    private static Map<String, Object> line(int n, String groups) {
        String p = Integer.toString(n);
        Map<String, Object> line = of("name", "Line " + n, "groups", groups,
                "supply_temp_sensor", "TT-" + p + "01", "return_temp_sensor", "TT-" + p + "02",
                "supply_pressure_sensor", "PT-" + p + "01", "return_pressure_sensor", "PT-" + p + "02",
                "supply_flow_sensor", "FT-" + p + "01", "heat_exchanger", "HX-" + n, "control_valve", "TCV-" + n);
        line.put("group_pressure_sensors", of("supply", List.of("PT-" + p + "11", "PT-" + p + "12"),
                "return", List.of("PT-" + p + "21", "PT-" + p + "22")));
        return line;
    }

    /** The hall's miners at nameplate, kW. */
    private double ratedItKw() {
        return groups.stream().mapToDouble(c -> c.model().capacity() * c.model().minerModel().nominalPowerW())
                .sum() / 1000;
    }

    // ------------------------------------------------------------------ live readings

    private Map<String, Object> stats(long t) {
        double siteKw = live.meter(siteMeter, t).powerW() / 1000;
        double[] minersKw = new double[groups.size()];
        double coolingKw = 0;
        for (int i = 0; i < groups.size(); i++) {
            ContainerSite c = groups.get(i);
            minersKw[i] = live.minersLoad(c, t)[0] / 1000;
            coolingKw += live.containerPowerW(c, t) / 1000 - minersKw[i];
        }
        double ambient = live.weather().ambientC(t);
        long minute = Math.floorDiv(t, 60_000);

        List<Object> meters = new ArrayList<>();
        meters.add(meter("PM-MV", "site_main", "Site main (33 kV)", siteKw));
        double racksKw = 0;
        for (int b = 1; b <= branches(); b++) {
            double kw = minersKw[2 * b - 2] + (2 * b - 1 < groups.size() ? minersKw[2 * b - 1] : 0);
            racksKw += kw;
            meters.add(meter("PM-" + (7510 + b), "rack", feeds(b) + " PM", kw));
        }
        meters.add(meter("PM-CCM", "ccm_principal", "Cooling (CCM)", coolingKw));
        meters.add(meter("PM-AUX1", "auxiliary", "Offices, lighting, losses",
                Math.max(0, siteKw - racksKw - coolingKw)));
        List<Object> relays = new ArrayList<>();
        List<Object> transformers = new ArrayList<>();
        List<Object> boards = new ArrayList<>();
        relays.add(of("equipment", "PR-0", "role", "main_incoming", "is_tripped", false, "description", "Incomer"));
        List<String> branchIds = new ArrayList<>();
        for (int b = 1; b <= branches(); b++) {
            branchIds.add(Integer.toString(b));
        }
        branchIds.add("C");
        for (String b : branchIds) {
            String feeds = b.equals("C") ? "Cooling & Auxiliary" : feeds(Integer.parseInt(b));
            relays.add(of("equipment", "PR-" + b, "role", "branch_feeder", "is_tripped", false, "description", feeds));
            transformers.add(of("equipment", "TR-" + b, "name", "Transformer " + b, "rating", m(2500, "kVA")));
            boards.add(of("equipment", "DB-" + b, "name", "Board " + b, "is_tripped", false));
        }

        // miner loop: each line sized for a 7.5 °C rise at the hall's nameplate; the return carries the heat
        int half = (groups.size() + 1) / 2;
        double supply = supplyC(ambient, minute);
        List<Object> temperatures = new ArrayList<>();
        List<Object> pressures = new ArrayList<>();
        List<Object> flows = new ArrayList<>();
        List<Object> exchangers = new ArrayList<>();
        double loopFlow = 0;
        double towerIn = 24 + 0.45 * (ambient - 15) + 0.2 * gauss(minute, 2);
        double towerFlow = ratedItKw() / (WATER * 6);
        double itKw = 0;
        for (int n = 1; n <= (groups.size() > 1 ? 2 : 1); n++) {
            double kw = 0;
            double rated = 0;
            for (int i = n == 1 ? 0 : half; i < (n == 1 ? half : groups.size()); i++) {
                kw += minersKw[i];
                rated += groups.get(i).model().capacity() * groups.get(i).model().minerModel().nominalPowerW() / 1000;
            }
            itKw += kw;
            double flow = rated / (WATER * 7.5) * (1 + 0.01 * gauss(minute, 10 + n));
            double ret = supply + kw / (WATER * flow);
            double p = n + 0.0;
            loopFlow += flow;
            String s = Integer.toString(n);
            temperatures.add(reading("TT-" + s + "01", supply + 0.05 * p, "°C", "temperature"));
            temperatures.add(reading("TT-" + s + "02", ret, "°C", "temperature"));
            temperatures.add(reading("TT-" + s + "03", supply - 0.2, "°C", "temperature"));
            pressures.add(reading("PT-" + s + "01", 2.8 + 0.03 * gauss(minute, 20 + n), "bar", "pressure"));
            pressures.add(reading("PT-" + s + "02", 1.35 + 0.02 * gauss(minute, 30 + n), "bar", "pressure"));
            pressures.add(reading("PT-" + s + "11", 2.7, "bar", "pressure"));
            pressures.add(reading("PT-" + s + "12", 2.65, "bar", "pressure"));
            pressures.add(reading("PT-" + s + "21", 1.45, "bar", "pressure"));
            pressures.add(reading("PT-" + s + "22", 1.5, "bar", "pressure"));
            flows.add(reading("FT-" + s + "01", flow, "m³/h", "flow"));
            double hxOut = towerIn + kw / (WATER * towerFlow / 2);
            exchangers.add(of("equipment", "HX-" + n, "is_active", kw > 0, "miner_side_out_temp", m(supply - 0.2, "°C"),
                    "tower_side_in_temp", m(towerIn, "°C"), "tower_side_out_temp", m(hxOut, "°C"),
                    "tcv_position", m(Math.min(100, 20 + 70 * kw / Math.max(rated, 1)), "%")));
        }
        double towerOut = towerIn + itKw / (WATER * towerFlow);
        temperatures.add(reading("TT-301", towerIn, "°C", "temperature"));
        temperatures.add(reading("TT-302", towerOut, "°C", "temperature"));
        double chilledSupply = 7 + 0.2 * gauss(minute, 40);
        temperatures.add(reading("TT-501", chilledSupply, "°C", "temperature"));
        temperatures.add(reading("TT-502", chilledSupply + 4.6 + 0.1 * (ambient - 20), "°C", "temperature"));
        temperatures.add(reading("TT-601", 30 + 0.3 * (ambient - 15), "°C", "temperature"));
        temperatures.add(reading("TT-602", 34.5 + 0.3 * (ambient - 15), "°C", "temperature"));
        temperatures.add(reading("TT-701", 30 + 0.3 * (ambient - 15), "°C", "temperature"));
        temperatures.add(reading("TT-702", 34.8 + 0.3 * (ambient - 15), "°C", "temperature"));
        pressures.add(reading("PT-501", 3.1 + 0.02 * gauss(minute, 41), "bar", "pressure"));
        flows.add(reading("FT-501", 36 + 0.5 * gauss(minute, 42), "m³/h", "flow"));
        flows.add(reading("FT-502", 36 + 0.5 * gauss(minute, 43), "m³/h", "flow"));
        flows.add(reading("FT-601", 55, "m³/h", "flow"));
        flows.add(reading("FT-602", 55, "m³/h", "flow"));
        flows.add(reading("FT-701", 57 + 0.5 * gauss(minute, 44), "m³/h", "flow"));
        flows.add(reading("FT-702", 56.5 + 0.5 * gauss(minute, 45), "m³/h", "flow"));

        List<Object> pumps = new ArrayList<>();
        boolean load = itKw > 0;
        pumps.add(pump("P-101", "MINER_LOOP", "Miner loop duty", load, 82 + gauss(minute, 50)));
        pumps.add(pump("P-102", "MINER_LOOP", "Miner loop standby", false, 0));
        pumps.add(pump("P-201", "COOLING_TOWER", "Tower loop duty", load, 75 + gauss(minute, 51)));
        pumps.add(pump("P-202", "COOLING_TOWER", "Tower loop standby", false, 0));
        pumps.add(pump("P-401", "MAKEUP", "Make-up", true, 60));
        pumps.add(pump("P-501", "HVAC_RETURN", "Chilled return", true, 70));
        pumps.add(pump("P-502", "HVAC_SUPPLY", "Chilled supply", true, 70));
        pumps.add(pump("P-601", "HVAC_CONDENSER", "Condenser", true, 65));

        List<Object> coils = new ArrayList<>();
        List<Object> humidity = new ArrayList<>();
        double humiditySum = 0;
        for (int i = 1; i <= 4; i++) {
            boolean running = i != 2 || ambient > 18;
            coils.add(of("equipment", "FC-" + i, "is_running", running,
                    "temperature", m(23 + 0.15 * (ambient - 15) + 0.3 * gauss(minute, 60 + i), "°C"),
                    "valve_position", m(running ? 40 + 10 * i : 0, "%"), "fan_speed", m(running ? 65 : 0, "%")));
        }
        for (String tag : List.of("HT-1", "HT-2", "HT-9")) {
            double rh = 45 + 5 * gauss(minute, Noise.of(tag));
            humiditySum += rh;
            humidity.add(reading(tag, rh, "%", "humidity"));
        }
        Map<String, Object> equipment = of("power_meters", meters, "protection_relays", relays,
                "transformers", transformers, "distribution_boards", boards, "pumps", pumps,
                "temperatures", temperatures, "pressures", pressures, "flows", flows,
                "levels", List.of(reading("LT-301", 1.2 + 0.02 * gauss(minute, 70), "m", "level"),
                        reading("LT-401", 72 + gauss(minute, 71), "%", "level"),
                        reading("LT-501", 80, "%", "level")),
                "heat_exchangers", exchangers,
                "cooling_towers", List.of(
                        of("equipment", "CT-1", "is_running", load, "fan_status", load ? "RUN" : "STOP",
                                "fan_speed", m(load ? 70 + 2 * gauss(minute, 72) : 0, "%"),
                                "fan_cv", m(load ? 68 : 0, "%"), "level", m(1.2, "m")),
                        of("equipment", "CT-2", "is_running", ambient > 25 && load, "fan_status",
                                ambient > 25 && load ? "RUN" : "STOP",
                                "fan_speed", m(ambient > 25 && load ? 55 : 0, "%"),
                                "fan_cv", m(ambient > 25 && load ? 52 : 0, "%"), "level", m(1.2, "m"))),
                "valves", List.of(
                        of("equipment", "TCV-1", "type", "control", "description", "Line 1 temperature", "position",
                                m(55, "%"), "setpoint", m(37, "°C")),
                        of("equipment", "TCV-2", "type", "control", "description", "Line 2 temperature", "position",
                                m(52, "%"), "setpoint", m(37, "°C")),
                        of("equipment", "LCV-401", "type", "level", "description", "Make-up level", "position",
                                m(30, "%")),
                        of("equipment", "XV-401", "type", "on_off", "position", m(100, "%")),
                        of("equipment", "XV-402", "type", "on_off", "position", m(0, "%")),
                        of("equipment", "XV-501", "type", "on_off", "description", "Buffer make-up", "position",
                                m(0, "%")),
                        of("equipment", "PCV-501", "type", "pressure", "description", "Pressure bypass", "position",
                                m(20, "%"), "setpoint", m(3, "bar"))),
                "tanks", List.of(of("equipment", "TK-401"), of("equipment", "TK-501")),
                "vibration_sensors", List.of(of("equipment", "VT-301", "value", 2.1, "unit", "mm/s")),
                "vibration_switches", List.of(of("equipment", "VS-301", "state", "OK")),
                "fans", List.of(of("equipment", "V-301", "fbk_run_out", load),
                        of("equipment", "V-1", "fbk_run_out", true), of("equipment", "V-3", "fbk_run_out", true),
                        of("equipment", "V-4", "fbk_run_out", true)),
                "chillers", List.of(of("equipment", "CH-1", "is_running", true, "mode", "cooling",
                        "cooling_capacity", m(180, "kW"), "compressor_load", m(55 + 0.5 * (ambient - 15), "%"),
                        "power_consumption", m(45 + 0.4 * (ambient - 15), "kW"),
                        "evaporator_temp", m(chilledSupply - 2, "°C"), "condenser_temp", m(38, "°C"))),
                "fan_coils", coils,
                "flow_switches", List.of(of("equipment", "FS-501", "is_active", true),
                        of("equipment", "FS-502", "is_active", true)),
                "humidity_sensors", humidity);
        return of("dcs_specific", of("equipment", equipment),
                "flow", of("miner_loop", m(loopFlow, "m³/h"), "cooling_tower", m(towerFlow, "m³/h")),
                "humidity", of("avg", round(humiditySum / 3, 1)),
                "energy", of("site_total", of("power_kw", siteKw, "equipment", "PM-MV")));
    }

    private double gauss(long minute, long salt) {
        return Noise.gauss(Noise.hash(site.seed(), 0xDC5, salt, minute));
    }

    private static Map<String, Object> meter(String tag, String role, String name, double kw) {
        return of("equipment", tag, "role", role, "name", name, "power", of("value", kw, "unit", "kW"));
    }

    private static Map<String, Object> pump(String tag, String circuit, String label, boolean running, double speed) {
        return of("equipment", tag, "circuit", circuit, "label", label, "status", running ? "RUN" : "STOP",
                "fbk_run_out", running, "trip", false, "intlock", false, "speed", m(running ? speed : 0, "%"),
                "current", m(running ? speed * 0.9 : 0, "A"));
    }

    private static Map<String, Object> reading(String tag, double value, String unit, String type) {
        return of("equipment", tag, "value", round(value, 2), "unit", unit, "type", type);
    }

    private static Map<String, Object> m(double value, String unit) {
        return of("value", round(value, 2), "unit", unit);
    }

    private static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }
}
