package io.miningos.gateway.adapters.ork.sim.live;

import io.miningos.gateway.adapters.ork.sim.site.ContainerModel;
import io.miningos.gateway.adapters.ork.sim.site.ContainerSite;
import io.miningos.gateway.adapters.ork.sim.site.Noise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bitdeer D40 workers: alarms as text, an {@code alarm_status} flag, per-phase power, per-socket PDU draw, the oil
 * and water cooling loops with their dry coolers, the UPS, and the temperature settings as config.
 */
final class BitdeerSnapshot extends ContainerSnapshot {

    BitdeerSnapshot(LiveSite live) {
        super(live);
    }

    @Override
    void statusFlags(Doc stats, ContainerSample s) {
        stats.put("alarm_status", !s.faults().isEmpty());
    }

    @Override
    void specificStats(Doc specific, ContainerSite c, ContainerSample s, long t) {
        ContainerModel model = c.model();
        List<Object> alarms = new ArrayList<>();
        for (AlertCatalog.DeviceFault f : s.faults()) {
            alarms.add(switch (f.name()) {
                case "oil_pump_error" -> "OilPump1 error";
                case "water_pump_error" -> "WaterPump1 error";
                default -> "HotOil overheat";
            });
        }
        specific.put("alarms", alarms);
        double perPhase = s.powerW() / 3;
        Doc phases = specific.child("phase_data");
        if (phases != null) {
            for (String p : List.of("a", "b", "c")) {
                double v = 235 + Noise.gauss(Noise.hash(seed, c.index(), Noise.of(p), Math.floorDiv(t,
                        LiveSite.MINUTE)));
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("voltage_v", Noise.round(v, 1));
                e.put("current_a", Noise.round(perPhase / v, 1));
                e.put("power_w", Math.round(perPhase));
                phases.put(p, e);
            }
        }
        if (specific.wants("pdu_data")) {
            Map<String, Double> power = socketPower(c, t);
            Set<String> disabled = c.control().disabledSockets.at(t);
            List<Object> pdus = new ArrayList<>();
            for (String pdu : model.pdus()) {
                List<Object> sockets = new ArrayList<>();
                double pduPower = 0;
                for (String socket : model.sockets(pdu)) {
                    String pos = pdu + "_" + socket;
                    boolean enabled = !disabled.contains(pos) && c.control().running.at(t);
                    double w = enabled ? power.getOrDefault(pos, 0.0) : 0;
                    pduPower += w;
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("socket", socket);
                    e.put("enabled", enabled);
                    e.put("power_w", Math.round(w));
                    e.put("current_a", Noise.round(w / 230, 2));
                    sockets.add(e);
                }
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("pdu", pdu);
                e.put("power_w", Math.round(pduPower));
                e.put("current_a", Noise.round(pduPower / 230, 1));
                e.put("sockets", sockets);
                pdus.add(e);
            }
            specific.put("pdu_data", pdus);
        }
        if (specific.wants("cooling_system")) {
            boolean on = s.coolingOn();
            Map<String, Object> cooling = new LinkedHashMap<>();
            cooling.put("tank1_bar", Noise.round(on ? 3.4 + 0.05 * Noise.gauss(Noise.hash(seed, c.index(), 51,
                    Math.floorDiv(t, LiveSite.MINUTE))) : 0.2, 2));
            cooling.put("tank2_bar", Noise.round(on ? 3.35 + 0.05 * Noise.gauss(Noise.hash(seed, c.index(), 52,
                    Math.floorDiv(t, LiveSite.MINUTE))) : 0.2, 2));
            List<Object> oil = new ArrayList<>();
            List<Object> water = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("index", i);
                o.put("enabled", on);
                o.put("hot_temp_c", Noise.round(s.returnC() + 4 + i * 0.4, 1));
                o.put("cold_temp_c", Noise.round(s.supplyC() + 6 + i * 0.3, 1));
                o.put("tank", true);
                oil.add(o);
                Map<String, Object> w = new LinkedHashMap<>();
                w.put("index", i);
                w.put("enabled", on);
                w.put("hot_temp_c", Noise.round(s.returnC() - 2 + i * 0.3, 1));
                w.put("cold_temp_c", Noise.round(s.supplyC() - 4 + i * 0.2, 1));
                water.add(w);
            }
            cooling.put("oil_pump", oil);
            cooling.put("water_pump", water);
            List<Object> coolers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                List<Object> fans = new ArrayList<>();
                for (int f = 0; f < 8; f++) {
                    boolean spinning = on && f < 2 + (int) Math.round(s.coolingLoad() * 120);
                    fans.add(JsonObjects.of("index", f, "enabled", spinning));
                }
                coolers.add(JsonObjects.of("index", i, "enabled", on, "fans", fans));
            }
            cooling.put("dry_cooler", coolers);
            cooling.put("exhaust_fan_enabled",
                    !Boolean.FALSE.equals(c.control().vendorSettings.at(t).get("exhaustFan")));
            specific.put("cooling_system", cooling);
        }
        if (specific.wants("ups")) {
            specific.put("ups", JsonObjects.of("battery_percent", 100, "temp_c", Noise.round(s.ambientC() + 3, 1),
                    "input", JsonObjects.of("voltage_v", 230, "freq_hz", 50),
                    "output", JsonObjects.of("voltage_v", 230, "freq_hz", 50)));
        }
    }

    @Override
    void specificConfig(Doc specific, ContainerSite c, long t) {
        Map<String, Object> settings = c.control().temperatureSettings.at(t);
        specific.put("mqtt_url", "mqtt://10.50.0.2:1883");
        specific.put("tactics", JsonObjects.of(
                "start_policy", Map.of("type", "disabled"),
                "stop_policy", Map.of("type", "disabled")));
        Map<String, Object> alarms = new LinkedHashMap<>();
        alarms.put("pressure_bar", settings.getOrDefault("pressureAlarm", 3.8));
        alarms.put("oil_temp", JsonObjects.of("high_c", settings.getOrDefault("hotOil", 60),
                "low_c", settings.getOrDefault("coldOil", 50)));
        alarms.put("water_temp", JsonObjects.of("high_c", settings.getOrDefault("hotWater", 50),
                "low_c", settings.getOrDefault("coldWater", 45)));
        specific.put("alarms", alarms);
        specific.put("set_temps", JsonObjects.of("cold_oil_temp_c", settings.getOrDefault("coldOilSet", 45),
                "exhaust_fan_temp_c", settings.getOrDefault("exhaustFan", 30)));
    }
}
