package io.miningos.gateway.application.analytics;

import io.miningos.gateway.domain.analytics.JsonView;
import io.miningos.gateway.domain.analytics.site.DcsSite;
import io.miningos.gateway.domain.analytics.site.MinerGroupStats;
import io.miningos.gateway.domain.analytics.site.RackKey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.miningos.gateway.application.analytics.DcsEquipment.difference;
import static io.miningos.gateway.application.analytics.DcsEquipment.either;
import static io.miningos.gateway.application.analytics.DcsEquipment.lower;
import static io.miningos.gateway.application.analytics.DcsEquipment.mean;
import static io.miningos.gateway.application.analytics.DcsEquipment.measure;
import static io.miningos.gateway.application.analytics.DcsEquipment.number;
import static io.miningos.gateway.application.analytics.DcsEquipment.present;
import static io.miningos.gateway.application.analytics.DcsEquipment.unit;

/**
 * The cooling views of {@code /auth/dcs/cooling-system} (API-NEXT-analytics §3.9 X1) built from the DCS thing's
 * snapshot: the configured circuits ({@code config.cooling_system}: which tag is which sensor, defaults, titles) laid
 * over the live equipment lists. Readings pass through as {@code {value, unit}}; the summaries are means, sums and
 * differences of them, rounded for display (1 decimal, pressures' averages 2). The one change from the Node
 * gateway: a layout that does not say how many groups it has shows none (Node: 16), as the other DCS routes do.
 */
final class DcsCoolingViews {

    private final DcsSite dcs;
    private final DcsEquipment e;
    private final JsonView cs;
    private final JsonView vm;

    DcsCoolingViews(DcsSite dcs) {
        this.dcs = dcs;
        this.e = new DcsEquipment(dcs.snap());
        this.cs = dcs.snap().path("config.cooling_system");
        this.vm = cs.get("view_metadata");
    }

    /** The view {@code type/view}; {@code racks}: the miners' live rack figures (for {@code miners/layout}). */
    Map<String, Object> view(String type, String view, MinerGroupStats racks) {
        return switch (type + "/" + view) {
            case "miners/circuit1" -> minersCircuit1();
            case "miners/circuit2" -> minersCircuit2();
            case "miners/layout" -> minersLayout(racks);
            case "hvac/circuit1" -> hvacCircuit1();
            case "hvac/circuit2" -> hvacCircuit2();
            case "hvac/layout" -> hvacLayout();
            case "hvac/ambient" -> hvacAmbient();
            default -> throw new IllegalArgumentException("no view " + type + "/" + view);
        };
    }

    private String text(JsonView v) {
        return v.asText();
    }

    // miners: circuit 1 (the miners' water loop)

    Map<String, Object> minersCircuit1() {
        JsonView ml = cs.get("miner_loop");
        JsonView defaults = ml.get("defaults");
        List<Map<String, Object>> lines = new ArrayList<>();
        for (String key : List.of("line1", "line2")) {
            if (ml.get(key).isObject()) {
                lines.add(line(ml, ml.get(key)));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        JsonView meta = vm.path("miners.circuit1");
        out.put("title", either(ml.get("name"), meta.get("title")));
        out.put("description", either(ml.get("description"), meta.get("description")));
        out.put("water_type", either(ml.get("water_type"), meta.get("water_type")));
        out.put("target_supply_temp", defaults.get("supply_temp").raw());
        out.put("target_return_temp", defaults.get("return_temp").raw());
        out.put("summary", circuit1Summary(lines, defaults));
        out.put("pumps_config", either(defaults.get("pumps_config")));
        out.put("lines", lines);
        out.put("control_valves", controlValves(ml.get("control_valves"), false, null));
        out.put("pumps", e.pumps("MINER_LOOP"));
        return out;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> line(JsonView ml, JsonView line) {
        JsonView defaults = ml.get("defaults");
        Object supplyTempDefault = defaults.get("supply_temp").raw();
        Object returnTempDefault = defaults.get("return_temp").raw();
        Map<String, Object> supplyTemp = e.sensor("temperatures", text(line.get("supply_temp_sensor")),
                supplyTempDefault);
        Map<String, Object> supplyPressure = e.sensor("pressures", text(line.get("supply_pressure_sensor")));
        Map<String, Object> supplyFlow = e.sensor("flows", text(line.get("supply_flow_sensor")));
        Map<String, Object> supply = new LinkedHashMap<>();
        supply.put("temperature", supplyTemp == null ? null : supplyTemp.get("reading"));
        supply.put("pressure", e.reading("pressures", text(line.get("supply_pressure_sensor"))));
        supply.put("flow", e.reading("flows", text(line.get("supply_flow_sensor"))));
        supply.put("sensors", present(supplyTemp, supplyPressure, supplyFlow));
        Map<String, Object> ret = new LinkedHashMap<>();
        ret.put("temperature", e.reading("temperatures", text(line.get("return_temp_sensor")), returnTempDefault));
        ret.put("pressure", e.reading("pressures", text(line.get("return_pressure_sensor"))));
        ret.put("sensors", present(e.sensor("temperatures", text(line.get("return_temp_sensor")), returnTempDefault),
                e.sensor("pressures", text(line.get("return_pressure_sensor")))));

        List<JsonView> s = line.path("group_pressure_sensors.supply").items();
        List<JsonView> r = line.path("group_pressure_sensors.return").items();
        List<Object> differential = new ArrayList<>();
        for (int i = 0; i < Math.max(s.size(), r.size()); i++) {
            Map<String, Object> sp = i < s.size() ? e.sensor("pressures", s.get(i).asText()) : null;
            Map<String, Object> rp = i < r.size() ? e.sensor("pressures", r.get(i).asText()) : null;
            Double sv = sp == null ? null : number(sp.get("reading"));
            Double rv = rp == null ? null : number(rp.get("reading"));
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("group", i + 1);
            group.put("supply", sp);
            group.put("return", rp);
            String u = sp != null && unit(sp.get("reading")) != null ? unit(sp.get("reading"))
                    : rp != null && unit(rp.get("reading")) != null ? unit(rp.get("reading")) : "bar";
            group.put("delta_p", measure(difference(sv, rv), 2, u));
            differential.add(group);
        }

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", line.get("name").raw());
        out.put("groups", line.get("groups").raw());
        out.put("supply", supply);
        out.put("return", ret);
        out.put("differential_pressure", differential);
        out.put("heat_exchanger", lineHeatExchanger(ml, line));
        return out;
    }

    private Map<String, Object> lineHeatExchanger(JsonView ml, JsonView line) {
        String hxTag = text(line.get("heat_exchanger"));
        JsonView hx = e.find("heat_exchangers", hxTag);
        if (!hx.isObject()) {
            return null;
        }
        JsonView defaults = ml.get("defaults");
        Map<String, Object> post = role(e.sensor("temperatures",
                text(ml.get("heat_exchangers").get(lower(hxTag)).get("miner_side_out_sensor"))), "post_hx",
                either(defaults.get("supply_temp")));
        String cvTag = text(line.get("control_valve"));
        JsonView cv = e.find("valves", cvTag);
        Map<String, Object> cvSensor = null;
        if (cv.isObject()) {
            cvSensor = new LinkedHashMap<>();
            cvSensor.put("tag", cvTag);
            Object type = either(cv.get("type"), cv.get("description"));
            if (type != null) {
                cvSensor.put("type", type);
            }
            cvSensor.put("reading", either(cv.get("position"), hx.get("tcv_position")));
        }
        Map<String, Object> valve = new LinkedHashMap<>();
        valve.put("id", either(hx.get("tcv_id"), line.get("control_valve")));
        valve.put("position", either(cv.get("position"), hx.get("tcv_position")));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", hx.get("equipment").raw());
        out.put("name", hx.get("equipment").raw());
        out.put("is_active", hx.get("is_active").raw());
        out.put("miner_side_out_temp", hx.get("miner_side_out_temp").raw());
        out.put("tower_side_in_temp", hx.get("tower_side_in_temp").raw());
        out.put("tower_side_out_temp", hx.get("tower_side_out_temp").raw());
        out.put("sensors", present(post, cvSensor));
        out.put("control_valve", valve);
        return out;
    }

    /** A sensor with its role in the circuit (and a target value where the circuit has one). */
    private static Map<String, Object> role(Map<String, Object> sensor, String role, Object target) {
        if (sensor == null) {
            return null;
        }
        sensor.put("role", role);
        if (target != null || role.equals("post_hx")) {
            sensor.put("target", target);
        }
        return sensor;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> circuit1Summary(List<Map<String, Object>> lines, JsonView defaults) {
        List<Double> supplyTemps = new ArrayList<>();
        List<Double> returnTemps = new ArrayList<>();
        List<Double> flows = new ArrayList<>();
        List<Double> supplyPressures = new ArrayList<>();
        List<Double> returnPressures = new ArrayList<>();
        for (Map<String, Object> line : lines) {
            Map<String, Object> supply = (Map<String, Object>) line.get("supply");
            Map<String, Object> ret = (Map<String, Object>) line.get("return");
            supplyTemps.add(number(supply.get("temperature")));
            returnTemps.add(number(ret.get("temperature")));
            flows.add(number(supply.get("flow")));
            supplyPressures.add(number(supply.get("pressure")));
            returnPressures.add(number(ret.get("pressure")));
        }
        Map<String, Object> first = lines.isEmpty() ? Map.of() : (Map<String, Object>) lines.getFirst().get("supply");
        String tempUnit = unit(first.get("temperature"));
        String flowUnit = unit(first.get("flow"));
        String pressureUnit = unit(first.get("pressure"));
        Map<String, Object> supplyTemp = measure(mean(supplyTemps), 1, tempUnit);
        Map<String, Object> returnTemp = measure(mean(returnTemps), 1, tempUnit);
        List<Double> knownFlows = flows.stream().filter(java.util.Objects::nonNull).toList();
        Map<String, Object> inlet = measure(mean(supplyPressures), 2, pressureUnit);
        Map<String, Object> outlet = measure(mean(returnPressures), 2, pressureUnit);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("supply_temp", supplyTemp);
        out.put("return_temp", returnTemp);
        out.put("delta_t", measure(difference(number(returnTemp), number(supplyTemp)), 1, tempUnit));
        out.put("total_flow", knownFlows.isEmpty() ? null
                : measure(knownFlows.stream().mapToDouble(Double::doubleValue).sum(), 1, flowUnit));
        out.put("rated_flow", either(defaults.get("rated_flow")));
        out.put("system_pressure", measure(mean(supplyPressures), 1, pressureUnit));
        out.put("inlet_pressure_avg", inlet);
        out.put("outlet_pressure_avg", outlet);
        out.put("delta_p_avg", measure(difference(number(inlet), number(outlet)), 2, pressureUnit));
        return out;
    }

    /**
     * {@code [{id, type, description, position, setpoint}]} of the configured valves ({@code role → tag}), with
     * {@code controlled_by} for the chilled-water circuit's; null for none.
     */
    private List<Object> controlValves(JsonView configured, boolean withControl, String controlledBy) {
        if (configured.fields().isEmpty()) {
            return null;
        }
        List<Object> out = new ArrayList<>();
        configured.fields().forEach((role, tag) -> {
            JsonView valve = e.find("valves", tag.asText());
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("id", tag.raw());
            v.put("type", either(valve.get("type")));
            v.put("description", either(valve.get("description")));
            v.put("position", either(valve.get("position")));
            v.put("setpoint", either(valve.get("setpoint")));
            if (withControl) {
                v.put("controlled_by", controlledBy);
            }
            out.add(v);
        });
        return out;
    }

    // miners: circuit 2 (the cooling-tower loop)

    Map<String, Object> minersCircuit2() {
        JsonView ct = cs.get("cooling_tower_loop");
        JsonView ml = cs.get("miner_loop");
        JsonView mk = cs.get("makeup");
        JsonView ctDefaults = ct.get("defaults");
        List<Object> exchangers = new ArrayList<>();
        List<Double> towerIn = new ArrayList<>();
        List<Double> towerOut = new ArrayList<>();
        String unit = null;
        for (JsonView hx : e.list("heat_exchangers")) {
            String tag = hx.get("equipment").asText();
            String k = lower(tag);
            JsonView cfg = ct.get("heat_exchangers").get(k == null ? "" : k);
            Object cvId = either(ml.get("heat_exchangers").get(k == null ? "" : k).get("control_valve"),
                    ml.get("heat_exchangers").get(tag == null ? "" : tag).get("control_valve"));
            JsonView cv = e.find("valves", cvId instanceof String s ? s : null);
            Map<String, Object> cvSensor = null;
            if (cvId != null) {
                cvSensor = new LinkedHashMap<>();
                cvSensor.put("tag", cvId);
                cvSensor.put("type", cv.get("type").raw());
                cvSensor.put("reading", either(cv.get("position"), hx.get("tcv_position")));
            }
            Map<String, Object> post = role(e.sensor("temperatures", text(cfg.get("miner_side_out_sensor"))),
                    "post_hx", either(ml.path("defaults.supply_temp")));
            Map<String, Object> in = role(e.sensor("temperatures", text(cfg.get("tower_side_in_sensor"))),
                    "tower_side_in", null);
            Map<String, Object> outSensor = role(e.sensor("temperatures", text(cfg.get("tower_side_out_sensor"))),
                    "tower_side_out", null);
            Map<String, Object> valve = null;
            if (cvId != null) {
                valve = new LinkedHashMap<>();
                valve.put("id", cvId);
                valve.put("position", either(cv.get("position"), hx.get("tcv_position")));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", hx.get("equipment").raw());
            out.put("name", hx.get("equipment").raw());
            out.put("groups", groupsOfExchanger(ml, tag));
            out.put("is_active", hx.get("is_active").raw());
            out.put("miner_side_out_temp", hx.get("miner_side_out_temp").raw());
            out.put("tower_side_in_temp", hx.get("tower_side_in_temp").raw());
            out.put("tower_side_out_temp", hx.get("tower_side_out_temp").raw());
            out.put("sensors", present(cvSensor, post, in, outSensor));
            out.put("control_valve", valve);
            exchangers.add(out);
            towerIn.add(hx.path("tower_side_in_temp.value").asDouble());
            towerOut.add(hx.path("tower_side_out_temp.value").asDouble());
            if (unit == null) {
                unit = hx.path("tower_side_in_temp.unit").asText();
            }
        }
        String levelSensor = text(ct.get("tower_level_sensor"));
        Map<String, Object> summary = new LinkedHashMap<>();
        Map<String, Object> pre = measure(mean(towerIn), 1, unit);
        Map<String, Object> postHx = measure(mean(towerOut), 1, unit);
        summary.put("pre_hx_temp", pre);
        summary.put("post_hx_temp", postHx);
        summary.put("delta_t", measure(difference(number(postHx), number(pre)), 1, unit));
        summary.put("tower_capacity", either(ctDefaults.get("tower_capacity")));
        summary.put("tower_capacity_gcal", either(ctDefaults.get("tower_capacity_gcal")));
        summary.put("tower_level", level(levelSensor));

        List<Object> towers = new ArrayList<>();
        for (JsonView t : e.list("cooling_towers")) {
            Map<String, Object> tower = tower(t, ct.get("tower_fan"), levelSensor);
            tower.put("vibration_switch", e.vibrationSwitch(text(ct.get("tower_vibration_switch"))));
            tower.put("capacity_flow", either(ctDefaults.get("tower_capacity")));
            tower.put("capacity_gcal", either(ctDefaults.get("tower_capacity_gcal")));
            towers.add(tower);
        }

        JsonView m = ct.get("makeup");
        Object tankId = either(m.get("tank"), e.list("tanks").isEmpty() ? JsonView.of(null)
                : e.list("tanks").getFirst().get("equipment"));
        Map<String, Object> tank = new LinkedHashMap<>();
        tank.put("id", tankId);
        tank.put("name", tankId);
        tank.put("volume", either(mk.path("defaults.tank_volume")));
        tank.put("level", e.reading("levels", text(m.get("level_sensor"))));
        tank.put("level_sensor", m.get("level_sensor").raw());
        JsonView makeupPump = e.find("pumps", text(mk.get("pump")));
        Map<String, Object> pump = null;
        if (makeupPump.isObject()) {
            pump = new LinkedHashMap<>();
            pump.put("id", makeupPump.get("equipment").raw());
            pump.put("name", makeupPump.get("equipment").raw());
            pump.put("status", makeupPump.get("status").raw());
            pump.put("is_running", makeupPump.get("fbk_run_out").isTruthy());
            pump.put("rated_head", either(mk.path("defaults.pump_head")));
            pump.put("rated_flow", either(mk.path("defaults.pump_flow")));
        }
        Map<String, Object> levelValve = null;
        if (m.get("level_control_valve").isTruthy()) {
            levelValve = valve(text(m.get("level_control_valve")), false);
        }
        List<Object> onOff = new ArrayList<>();
        m.get("on_off_valves").items().forEach(id -> onOff.add(valve(id.asText(), true)));
        Map<String, Object> makeup = new LinkedHashMap<>();
        makeup.put("tank", tank);
        makeup.put("pump", pump);
        makeup.put("level_control_valve", levelValve);
        makeup.put("on_off_valves", onOff);

        Map<String, Object> out = new LinkedHashMap<>();
        JsonView meta = vm.path("miners.circuit2");
        out.put("title", either(ct.get("name"), meta.get("title")));
        out.put("description", either(ct.get("description"), meta.get("description")));
        out.put("water_type", either(ct.get("water_type"), meta.get("water_type")));
        out.put("summary", summary);
        out.put("pumps_config", either(ctDefaults.get("pumps_config")));
        out.put("heat_exchangers", exchangers);
        out.put("cooling_towers", towers);
        out.put("makeup", makeup);
        out.put("pumps", e.pumps("COOLING_TOWER"));
        return out;
    }

    private Object groupsOfExchanger(JsonView ml, String hxTag) {
        for (String key : List.of("line1", "line2")) {
            JsonView line = ml.get(key);
            if (hxTag != null && hxTag.equals(line.get("heat_exchanger").asText())) {
                return either(line.get("groups"));
            }
        }
        return null;
    }

    /** A tank or tower level reading with its sensor tag; null when not read. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> level(String sensor) {
        Object reading = e.reading("levels", sensor);
        if (!(reading instanceof Map<?, ?> map)) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>((Map<String, Object>) map);
        out.put("sensor", sensor);
        return out;
    }

    private static Map<String, Object> tower(JsonView t, JsonView fan, String levelSensor) {
        Map<String, Object> tower = new LinkedHashMap<>();
        tower.put("id", t.get("equipment").raw());
        tower.put("name", t.get("equipment").raw());
        tower.put("is_running", t.get("is_running").raw());
        tower.put("fan_status", t.get("fan_status").raw());
        tower.put("fan_speed", t.get("fan_speed").raw());
        tower.put("fan_cv", t.get("fan_cv").raw());
        tower.put("fan_id", either(fan));
        tower.put("level", t.get("level").raw());
        tower.put("level_sensor", levelSensor);
        return tower;
    }

    /** A valve as the views show it; {@code withState}: with {@code is_open} (open beyond 50 %). */
    private Map<String, Object> valve(String tag, boolean withState) {
        JsonView v = e.find("valves", tag);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", tag);
        out.put("type", either(v.get("type")));
        if (!withState) {
            out.put("description", either(v.get("description")));
        }
        out.put("position", v.get("position").raw());
        if (withState) {
            Double position = v.path("position.value").asDouble();
            out.put("is_open", position != null && position > 50);
        }
        return out;
    }

    // miners: the hall's layout with both circuits

    @SuppressWarnings("unchecked")
    Map<String, Object> minersLayout(MinerGroupStats racks) {
        Map<String, Object> c1 = minersCircuit1();
        Map<String, Object> c2 = minersCircuit2();
        Map<String, Object> c1Summary = (Map<String, Object>) c1.get("summary");
        Map<String, Object> c2Summary = (Map<String, Object>) c2.get("summary");
        DcsSite.Mining m = dcs.mining();
        JsonView meta = vm.path("miners.layout");

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("total_miner_loop_flow", dcs.snap().path("stats.flow.miner_loop").raw());
        summary.put("total_tower_loop_flow", dcs.snap().path("stats.flow.cooling_tower").raw());
        summary.put("pumps_running", e.pumpsRunning());
        summary.put("pumps_total", e.list("pumps").size());
        Map<String, Object> legend = new LinkedHashMap<>();
        legend.put("c1_supply_temp", c1Summary.get("supply_temp"));
        legend.put("c1_return_temp", c1Summary.get("return_temp"));
        legend.put("c2_tower_cold", c2Summary.get("pre_hx_temp"));
        legend.put("c2_tower_hot", c2Summary.get("post_hx_temp"));

        List<Object> groups = new ArrayList<>();
        for (int g = 1; g <= m.totalGroups(); g++) {
            List<Boolean> statuses = new ArrayList<>();
            for (int r = 1; r <= m.racksPerGroup(); r++) {
                Double power = racks.rackPowerW(new RackKey("group-" + g, "rack-" + r));
                statuses.add(power != null && power > 0);
            }
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("id", "G" + g);
            group.put("name", "G" + g);
            group.put("vlan", m.vlanStart() + g - 1);
            group.put("rack_statuses", statuses);
            groups.add(group);
        }
        Map<String, Object> room = new LinkedHashMap<>();
        room.put("total_groups", m.totalGroups());
        room.put("racks_per_group", m.racksPerGroup());
        room.put("miners_per_rack", m.minersPerRack());
        room.put("total_miners", (long) m.totalGroups() * m.racksPerGroup() * m.minersPerRack());
        room.put("miner_model", m.minerModel());
        room.put("groups", groups);

        Map<String, Object> circuit1 = circuit(c1, "water_type", "summary", "pumps_config", "lines",
                "control_valves", "pumps");
        Map<String, Object> circuit2 = circuit(c2, "water_type", "summary", "pumps_config", "heat_exchangers",
                "cooling_towers", "makeup", "pumps");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("title", meta.get("title").raw());
        out.put("description", meta.get("description").raw());
        out.put("summary", summary);
        out.put("legend", legend);
        out.put("mining_room", room);
        out.put("circuit1", circuit1);
        out.put("circuit2", circuit2);
        return out;
    }

    /** A circuit's view inside a layout: its title as {@code name}, then the listed parts of it. */
    private static Map<String, Object> circuit(Map<String, Object> view, String... parts) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", view.get("title"));
        for (String part : parts) {
            out.put(part, view.get(part));
        }
        return out;
    }

    // HVAC: circuit 1 (chilled water)

    Map<String, Object> hvacCircuit1() {
        JsonView hc = cs.get("hvac_chilled_water");
        JsonView sr = hc.get("supply_return");
        JsonView cd = hc.get("condenser");
        JsonView defaults = hc.get("defaults");
        List<JsonView> switches = sr.get("flow_switches").items();

        Map<String, Object> chiller = null;
        List<JsonView> chillers = e.list("chillers");
        if (!chillers.isEmpty()) {
            JsonView c = chillers.getFirst();
            chiller = new LinkedHashMap<>();
            chiller.put("id", c.get("equipment").raw());
            chiller.put("name", c.get("equipment").raw());
            chiller.put("is_running", c.get("is_running").raw());
            chiller.put("mode", c.get("mode").raw());
            chiller.put("capacity_tr", either(hc.get("chiller_capacity_tr")));
            chiller.put("cooling_capacity", c.get("cooling_capacity").raw());
            chiller.put("compressor_load", c.get("compressor_load").raw());
            chiller.put("power_consumption", c.get("power_consumption").raw());
            chiller.put("evaporator_temp", c.get("evaporator_temp").raw());
            chiller.put("condenser_temp", c.get("condenser_temp").raw());
            chiller.put("chilled_water_side", waterSide(text(sr.get("return_temp_sensor")),
                    text(sr.get("supply_temp_sensor")), text(sr.get("return_flow_sensor")),
                    text(sr.get("supply_flow_sensor")), switches.size() > 0 ? switches.get(0).asText() : null));
            chiller.put("condenser_water_side", waterSide(text(cd.get("inlet_temp_sensor")),
                    text(cd.get("outlet_temp_sensor")), text(cd.get("inlet_flow_sensor")),
                    text(cd.get("outlet_flow_sensor")), switches.size() > 1 ? switches.get(1).asText() : null));
        }

        Object supplyTemp = e.reading("temperatures", text(sr.get("supply_temp_sensor")),
                defaults.get("supply_temp").raw());
        Object returnTemp = e.reading("temperatures", text(sr.get("return_temp_sensor")),
                defaults.get("return_temp").raw());
        Object supplyFlow = e.reading("flows", text(sr.get("supply_flow_sensor")));
        Object pressure = e.reading("pressures", text(sr.get("pressure_sensor")));
        Map<String, Object> supply = new LinkedHashMap<>();
        supply.put("temperature", supplyTemp);
        supply.put("flow", supplyFlow);
        supply.put("pressure", pressure);
        Map<String, Object> ret = new LinkedHashMap<>();
        ret.put("temperature", returnTemp);
        ret.put("flow", e.reading("flows", text(sr.get("return_flow_sensor"))));
        List<Object> flowSwitches = new ArrayList<>();
        for (JsonView id : switches) {
            Map<String, Object> fs = new LinkedHashMap<>();
            fs.put("id", id.raw());
            fs.put("is_active", e.find("flow_switches", id.asText()).get("is_active").isTruthy());
            flowSwitches.add(fs);
        }
        Map<String, Object> supplyReturn = new LinkedHashMap<>();
        supplyReturn.put("supply", supply);
        supplyReturn.put("return", ret);
        supplyReturn.put("flow_switches", flowSwitches);

        Map<String, Object> condenser = new LinkedHashMap<>();
        condenser.put("inlet", temperatureAndFlow(text(cd.get("inlet_temp_sensor")),
                text(cd.get("inlet_flow_sensor"))));
        condenser.put("outlet", temperatureAndFlow(text(cd.get("outlet_temp_sensor")),
                text(cd.get("outlet_flow_sensor"))));

        String tempUnit = unit(supplyTemp);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("supply_temp", unrounded(supplyTemp, tempUnit));
        summary.put("return_temp", unrounded(returnTemp, tempUnit));
        summary.put("delta_t", measure(difference(number(returnTemp), number(supplyTemp)), 1, tempUnit));
        summary.put("total_flow", unrounded(supplyFlow, unit(supplyFlow)));
        summary.put("rated_flow", either(defaults.get("rated_flow")));
        Map<String, Object> systemPressure = null;
        if (pressure instanceof Map<?, ?> p) {
            systemPressure = new LinkedHashMap<>();
            for (Map.Entry<?, ?> en : p.entrySet()) {
                systemPressure.put(String.valueOf(en.getKey()), en.getValue());
            }
            systemPressure.put("sensor", text(sr.get("pressure_sensor")));
        }
        summary.put("system_pressure", systemPressure);

        JsonView b = hc.get("buffer_tank");
        Object tankId = either(b.get("tank"), e.list("tanks").isEmpty() ? JsonView.of(null)
                : e.list("tanks").getFirst().get("equipment"));
        Map<String, Object> buffer = new LinkedHashMap<>();
        buffer.put("id", tankId);
        buffer.put("name", tankId);
        buffer.put("volume", either(defaults.get("buffer_tank_volume")));
        buffer.put("level", e.reading("levels", text(b.get("level_sensor"))));
        buffer.put("level_sensor", b.get("level_sensor").raw());
        Map<String, Object> makeupValve = null;
        if (b.get("makeup_valve").isTruthy()) {
            makeupValve = valve(text(b.get("makeup_valve")), false);
            Double position = number(makeupValve.get("position"));
            makeupValve.put("is_open", position != null && position > 50);
        }
        buffer.put("makeup_valve", makeupValve);

        List<Object> valves = controlValves(hc.get("control_valves"), true, text(sr.get("pressure_sensor")));
        if (valves != null) {
            hc.get("control_valves").fields().forEach((role, tag) -> {
                if (role.equals("pressure_bypass")) {
                    for (Object v : valves) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> valve = (Map<String, Object>) v;
                        if (tag.raw() != null && tag.raw().equals(valve.get("id"))) {
                            Map<String, Object> p = null;
                            if (pressure != null) {
                                p = new LinkedHashMap<>();
                                p.put("tag", text(sr.get("pressure_sensor")));
                                p.put("value", JsonView.of(pressure).get("value").raw());
                                p.put("unit", unit(pressure));
                            }
                            valve.put("pressure", p);
                        }
                    }
                }
            });
        }

        List<JsonView> coils = e.list("fan_coils");
        List<Object> units = new ArrayList<>();
        long running = 0;
        for (JsonView fc : coils) {
            String tag = fc.get("equipment").asText();
            JsonView meta = JsonView.of(null);
            for (JsonView cfg : hc.get("fan_coils").items()) {
                if (tag != null && tag.equals(cfg.get("id").asText())) {
                    meta = cfg;
                }
            }
            String fanId = "V-" + (tag == null ? "" : tag.replaceFirst("^(FCT-|FC-)", ""));
            String valveTag = meta.get("valve_tag").asText();
            Map<String, Object> u = new LinkedHashMap<>();
            u.put("id", fc.get("equipment").raw());
            u.put("is_running", fc.get("is_running").raw());
            u.put("fan_id", fanId);
            u.put("fan_running", e.find("fans", fanId).get("fbk_run_out").isTruthy());
            u.put("fan_speed", fc.get("fan_speed").raw());
            u.put("valve_tag", valveTag);
            u.put("valve_position", either(e.find("valves", valveTag).get("position"), fc.get("valve_position")));
            u.put("temperature_tag", meta.get("temperature_tag").asText());
            u.put("temperature", fc.get("temperature").raw());
            units.add(u);
            if (fc.get("is_running").isTruthy()) {
                running++;
            }
        }
        Map<String, Object> fanCoils = new LinkedHashMap<>();
        fanCoils.put("total", coils.size());
        fanCoils.put("running", running);
        fanCoils.put("units", units);

        Map<String, Object> out = new LinkedHashMap<>();
        JsonView meta = vm.path("hvac.circuit1");
        out.put("title", either(hc.get("name"), meta.get("title")));
        out.put("description", either(hc.get("description"), meta.get("description")));
        out.put("target_supply_temp", defaults.get("supply_temp").raw());
        out.put("target_return_temp", defaults.get("return_temp").raw());
        out.put("summary", summary);
        out.put("chiller", chiller);
        out.put("supply_return", supplyReturn);
        out.put("condenser", condenser);
        out.put("buffer_tank", buffer);
        out.put("control_valves", valves);
        out.put("return_pumps_config", either(defaults.get("return_pumps_config")));
        out.put("supply_pumps_config", either(defaults.get("supply_pumps_config")));
        out.put("return_pumps", e.pumps("HVAC_RETURN"));
        out.put("supply_pumps", e.pumps("HVAC_SUPPLY"));
        out.put("fan_coils", fanCoils);
        return out;
    }

    private Map<String, Object> waterSide(String inletTemp, String outletTemp, String inletFlow, String outletFlow,
                                          String flowSwitch) {
        Map<String, Object> side = new LinkedHashMap<>();
        side.put("inlet_temp", e.sensor("temperatures", inletTemp));
        side.put("outlet_temp", e.sensor("temperatures", outletTemp));
        side.put("inlet_flow", e.sensor("flows", inletFlow));
        side.put("outlet_flow", e.sensor("flows", outletFlow));
        Map<String, Object> fs = null;
        if (flowSwitch != null) {
            fs = new LinkedHashMap<>();
            fs.put("tag", flowSwitch);
            fs.put("is_active", e.find("flow_switches", flowSwitch).get("is_active").raw());
        }
        side.put("flow_switch", fs);
        return side;
    }

    private Map<String, Object> temperatureAndFlow(String tempTag, String flowTag) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("temperature", e.reading("temperatures", tempTag));
        out.put("flow", e.reading("flows", flowTag));
        return out;
    }

    /** {@code {value, unit}} of a reading as it is (not rounded), with the given unit; null without a value. */
    private static Map<String, Object> unrounded(Object reading, String unit) {
        Object value = JsonView.of(reading).get("value").raw();
        if (value == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("value", value);
        out.put("unit", unit);
        return out;
    }

    // HVAC: circuit 2 (condenser water)

    Map<String, Object> hvacCircuit2() {
        JsonView hd = cs.get("hvac_condenser");
        JsonView sr = hd.get("supply_return");
        JsonView t = hd.get("tower");
        JsonView defaults = hd.get("defaults");
        Object supplyTemp = e.reading("temperatures", text(sr.get("supply_temp_sensor")),
                defaults.get("supply_temp").raw());
        Object returnTemp = e.reading("temperatures", text(sr.get("return_temp_sensor")),
                defaults.get("return_temp").raw());
        Object supplyFlow = e.reading("flows", text(sr.get("supply_flow_sensor")));
        Object returnFlow = e.reading("flows", text(sr.get("return_flow_sensor")));
        Map<String, Object> supply = new LinkedHashMap<>();
        supply.put("name", "Supply To Tower");
        supply.put("temperature", supplyTemp);
        supply.put("flow", supplyFlow);
        supply.put("sensors", present(e.sensor("temperatures", text(sr.get("supply_temp_sensor")),
                defaults.get("supply_temp").raw()), e.sensor("flows", text(sr.get("supply_flow_sensor")))));
        Map<String, Object> ret = new LinkedHashMap<>();
        ret.put("name", "Return From Tower");
        ret.put("temperature", returnTemp);
        ret.put("flow", returnFlow);
        ret.put("sensors", present(e.sensor("temperatures", text(sr.get("return_temp_sensor")),
                defaults.get("return_temp").raw()), e.sensor("flows", text(sr.get("return_flow_sensor")))));
        Map<String, Object> supplyReturn = new LinkedHashMap<>();
        supplyReturn.put("supply", supply);
        supplyReturn.put("return", ret);

        Double s = number(supplyFlow);
        Double r = number(returnFlow);
        Double flow = s != null && r != null ? Double.valueOf((s + r) / 2) : s != null ? s : r;
        String levelSensor = text(t.get("level_sensor"));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("supply_temp", supplyTemp);
        summary.put("return_temp", returnTemp);
        summary.put("delta_t", measure(difference(number(returnTemp), number(supplyTemp)), 1, unit(supplyTemp)));
        summary.put("total_flow", measure(flow, 1, unit(supplyFlow)));
        summary.put("rated_flow", either(defaults.path("pumps_config.rated_flow")));
        summary.put("tower_level", level(levelSensor));

        List<Object> towers = new ArrayList<>();
        for (JsonView ct : e.list("cooling_towers")) {
            Map<String, Object> tower = tower(ct, t.get("fan"), levelSensor);
            tower.put("vibration_switch", e.vibrationSwitch(text(t.get("vibration_switch"))));
            tower.put("capacity_mcal", either(defaults.get("tower_capacity_mcal")));
            tower.put("capacity_flow", either(defaults.get("tower_flow")));
            towers.add(tower);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        JsonView meta = vm.path("hvac.circuit2");
        out.put("title", either(hd.get("name"), meta.get("title")));
        out.put("description", either(hd.get("description"), meta.get("description")));
        out.put("target_supply_temp", defaults.get("supply_temp").raw());
        out.put("target_return_temp", defaults.get("return_temp").raw());
        out.put("summary", summary);
        out.put("pumps_config", either(defaults.get("pumps_config")));
        out.put("supply_return", supplyReturn);
        out.put("cooling_towers", towers);
        out.put("pumps", e.pumps("HVAC_CONDENSER"));
        return out;
    }

    // HVAC: both circuits

    @SuppressWarnings("unchecked")
    Map<String, Object> hvacLayout() {
        Map<String, Object> c1 = hvacCircuit1();
        Map<String, Object> c2 = hvacCircuit2();
        Map<String, Object> chiller = (Map<String, Object>) c1.get("chiller");
        Map<String, Object> fanCoils = (Map<String, Object>) c1.get("fan_coils");
        Map<String, Object> c1Summary = (Map<String, Object>) c1.get("summary");
        long towersRunning = ((List<Object>) c2.get("cooling_towers")).stream()
                .filter(t -> JsonView.of(((Map<String, Object>) t).get("is_running")).isTruthy()).count();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("chiller_running", chiller != null && JsonView.of(chiller.get("is_running")).isTruthy());
        summary.put("fan_coils_running", fanCoils.get("running"));
        summary.put("fan_coils_total", fanCoils.get("total"));
        summary.put("cooling_towers_running", towersRunning);
        summary.put("pumps_running", e.pumpsRunning());
        summary.put("pumps_total", e.list("pumps").size());
        Map<String, Object> legend = new LinkedHashMap<>();
        legend.put("c1_supply_temp", c1Summary.get("supply_temp"));
        legend.put("c1_return_temp", c1Summary.get("return_temp"));
        legend.put("c2_condenser_cold", c2.get("target_supply_temp"));
        legend.put("c2_condenser_hot", c2.get("target_return_temp"));
        Map<String, Object> circuit1 = circuit(c1, "summary", "chiller", "supply_return", "condenser", "buffer_tank",
                "control_valves", "return_pumps_config", "supply_pumps_config", "return_pumps", "supply_pumps",
                "fan_coils");
        Map<String, Object> circuit2 = circuit(c2, "summary", "pumps_config", "supply_return", "cooling_towers",
                "pumps");
        JsonView meta = vm.path("hvac.layout");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("title", meta.get("title").raw());
        out.put("description", meta.get("description").raw());
        out.put("summary", summary);
        out.put("legend", legend);
        out.put("circuit1", circuit1);
        out.put("circuit2", circuit2);
        return out;
    }

    // HVAC: the rooms' air

    Map<String, Object> hvacAmbient() {
        JsonView a = cs.get("ambient");
        List<JsonView> coils = e.list("fan_coils");
        List<JsonView> humidity = e.list("humidity_sensors");
        List<Object> rooms = new ArrayList<>();
        for (JsonView room : a.get("rooms").items()) {
            List<String> coilIds = room.get("fan_coils").items().stream().map(JsonView::asText).toList();
            List<String> sensorIds = room.get("humidity_sensors").items().stream().map(JsonView::asText).toList();
            List<Object> fcs = new ArrayList<>();
            List<Double> temps = new ArrayList<>();
            String tempUnit = null;
            for (JsonView fc : coils) {
                if (!coilIds.contains(fc.get("equipment").asText())) {
                    continue;
                }
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("id", fc.get("equipment").raw());
                f.put("name", fc.get("equipment").raw());
                f.put("is_running", fc.get("is_running").raw());
                f.put("temperature", fc.get("temperature").raw());
                f.put("valve_position", fc.get("valve_position").raw());
                fcs.add(f);
                temps.add(fc.path("temperature.value").asDouble());
                if (tempUnit == null && fcs.size() == 1) {
                    tempUnit = fc.path("temperature.unit").asText();
                }
            }
            List<Object> hs = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            String humidityUnit = null;
            for (JsonView h : humidity) {
                if (!sensorIds.contains(h.get("equipment").asText())) {
                    continue;
                }
                hs.add(humidity(h));
                values.add(h.get("value").asDouble());
                if (hs.size() == 1) {
                    humidityUnit = h.get("unit").asText();
                }
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", room.get("name").raw());
            r.put("temperature", measure(mean(temps), 1, tempUnit));
            r.put("humidity", measure(mean(values), 1, humidityUnit));
            r.put("fan_coils", fcs);
            r.put("humidity_sensors", hs);
            rooms.add(r);
        }
        List<String> ambientIds = a.get("ambient_sensors").items().stream().map(JsonView::asText).toList();
        List<Object> ambient = new ArrayList<>();
        for (JsonView h : humidity) {
            if (ambientIds.contains(h.get("equipment").asText())) {
                ambient.add(humidity(h));
            }
        }
        JsonView avg = dcs.snap().path("stats.humidity.avg");
        Map<String, Object> average = null;
        if (avg.raw() != null) {
            average = new LinkedHashMap<>();
            average.put("value", avg.raw());
            average.put("unit", humidity.isEmpty() ? null : humidity.getFirst().get("unit").raw());
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("average_humidity", average);
        summary.put("rooms_count", rooms.size());
        summary.put("fan_coils_running", coils.stream().filter(c -> c.get("is_running").isTruthy()).count());
        summary.put("fan_coils_total", coils.size());
        JsonView meta = vm.path("hvac.ambient");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("title", meta.get("title").raw());
        out.put("description", meta.get("description").raw());
        out.put("summary", summary);
        out.put("rooms", rooms);
        out.put("ambient_sensors", ambient);
        return out;
    }

    private static Map<String, Object> humidity(JsonView sensor) {
        Map<String, Object> reading = new LinkedHashMap<>();
        reading.put("value", sensor.get("value").raw());
        reading.put("unit", sensor.get("unit").raw());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", sensor.get("equipment").raw());
        out.put("humidity", reading);
        return out;
    }
}
