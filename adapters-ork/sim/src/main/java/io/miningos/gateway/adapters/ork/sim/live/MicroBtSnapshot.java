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
 * MicroBT workers: four power meters, PDUs with their alarm arrays, the environment block and the CDU (cooling
 * distribution unit) with its pressures, pump and fan thresholds; diagnostics as config.
 */
final class MicroBtSnapshot extends ContainerSnapshot {

    MicroBtSnapshot(LiveSite live) {
        super(live);
    }

    @Override
    void specificStats(Doc specific, ContainerSite c, ContainerSample s, long t) {
        long minute = Math.floorDiv(t, LiveSite.MINUTE);
        if (specific.wants("power_meters")) {
            List<Object> meters = new ArrayList<>();
            double kw = s.powerW() / 4000;
            for (int i = 1; i <= 4; i++) {
                double g = Noise.gauss(Noise.hash(seed, c.index(), 60 + i, minute));
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("index", String.format("%02d", i));
                m.put("status", 1);
                m.put("voltage_ab", Noise.round(400 + g, 1));
                m.put("voltage_bc", Noise.round(399.5 + g, 1));
                m.put("voltage_ca", Noise.round(400.3 + g, 1));
                double current = kw * 1000 / (Math.sqrt(3) * 400 * 0.98);
                m.put("current_a", Noise.round(current, 1));
                m.put("current_b", Noise.round(current * 0.995, 1));
                m.put("current_c", Noise.round(current * 1.004, 1));
                m.put("total_power_factor", 0.98);
                m.put("freq", Noise.round(50 + 0.01 * g, 2));
                m.put("total_active_power", Noise.round(kw, 1));
                m.put("total_apparent_power", Noise.round(kw / 0.98, 1));
                m.put("total_active_energy", Noise.round(kw * (t - c.thing().createdAt()) / 3_600_000.0, 1));
                meters.add(m);
            }
            specific.put("power_meters", meters);
        }
        if (specific.wants("pdu_data")) {
            Map<String, Double> power = socketPower(c, t);
            Set<String> disabled = c.control().disabledSockets.at(t);
            List<Object> pdus = new ArrayList<>();
            for (String pdu : c.model().pdus()) {
                List<Object> sockets = new ArrayList<>();
                double pduPower = 0;
                for (String socket : c.model().sockets(pdu)) {
                    String pos = pdu + "_" + socket;
                    boolean enabled = !disabled.contains(pos) && c.control().running.at(t);
                    pduPower += enabled ? power.getOrDefault(pos, 0.0) : 0;
                    sockets.add(JsonObjects.of("socket", socket, "enabled", enabled));
                }
                double current = pduPower / (Math.sqrt(3) * 400 * 0.98);
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("pdu", pdu);
                e.put("status", 1);
                e.put("buzzer", 0);
                e.put("sockets", sockets);
                e.put("frequency", 50);
                e.put("voltage_ab", 400.1);
                e.put("voltage_ca", 399.6);
                e.put("voltage_bc", 400.3);
                e.put("current_a", Noise.round(current, 1));
                e.put("current_b", Noise.round(current * 0.99, 1));
                e.put("current_c", Noise.round(current * 1.01, 1));
                e.put("total_power", Noise.round(pduPower / 1000, 1));
                e.put("access_control_alarm", flags(8));
                e.put("infrared_alarm", flags(6));
                e.put("water_ingress_alarm", flags(8));
                e.put("smoke_detection_alarm", flags(8));
                e.put("high_wind_speed_alarm", 0);
                e.put("low_wind_speed_alarm", 0);
                pdus.add(e);
            }
            specific.put("pdu_data", pdus);
        }
        specific.put("env", JsonObjects.of("status", 1, "smoke_detector", 0, "water_ingress_detector", 0));
        Doc cdu = specific.child("cdu");
        if (cdu != null) {
            double g = Noise.gauss(Noise.hash(seed, c.index(), 70, minute));
            boolean pump = s.coolingOn() && !"stopped".equals(s.status());
            boolean filterFault = s.faults().stream().anyMatch(f -> f.name().equals("high_pressure_diff_filter"));
            cdu.put("protocol_version", 1.2);
            cdu.put("unit_inlet_temp_t2", Noise.round(s.supplyC(), 1));
            if (c.model() != ContainerModel.MBT_KEHUA) {
                cdu.put("unit_outlet_temp_t3", Noise.round(s.returnC(), 1));
            }
            cdu.put("cooling_temp_t1", Noise.round(s.supplyC() - 2.5, 1));
            cdu.put("indoor_dew_point_temperature", Noise.round(s.ambientC() - 12, 1));
            cdu.put("unit_inlet_pressure_p2", Noise.round(pump ? 2.4 + 0.03 * g : 0.3, 2));
            cdu.put("unit_outlet_pressure_p3", Noise.round(pump ? 1.6 + 0.03 * g : 0.3, 2));
            cdu.put("circulation_pump_inlet_pressure_p1", Noise.round(pump ? 1.35 + 0.02 * g : 0.3, 2));
            cdu.put("circulation_pump_outlet_pressure_p5", Noise.round(pump ? 3.0 + 0.03 * g : 0.3, 2));
            cdu.put("filter_pressure_difference", Noise.round(filterFault ? 0.62 : 0.18 + 0.01 * g, 2));
            cdu.put("circulation_pump_speed", Noise.round(pump ? 70 + 300 * s.coolingLoad() : 0, 1));
            cdu.put("circulation_pump_running_status", pump ? "running" : "stopped");
            cdu.put("circulation_pump_switch", "auto");
            cdu.put("drain_valve_switch", "auto");
            cdu.put("cooling_fan_switch", "auto");
            cdu.put("makeup_water_pump_switch", "auto");
            cdu.put("makeup_water_pump_fault", false);
            cdu.put("power_supply_fault", s.faults().stream().anyMatch(f -> f.name().equals("power_fault")));
            cdu.put("water_immersion_fault", false);
            cdu.put("outdoor_ambient_temperature_sensor_fault", false);
            cdu.put("indoor_temperature_humidity_sensor_fault", false);
            cdu.put("system_main_control", c.control().running.at(t));
            Map<String, Object> vendor = c.control().vendorSettings.at(t);
            cdu.put("cooling_fan_running_speed_threshold", vendor.getOrDefault("runningSpeed", 80));
            cdu.put("cooling_fan_start_temperature_threshold", vendor.getOrDefault("startTemp", 35));
            cdu.put("cooling_fan_stop_temperature_threshold", vendor.getOrDefault("stopTemp", 28));
        }
    }

    @Override
    void specificConfig(Doc specific, ContainerSite c, long t) {
        Map<String, Object> diag = new LinkedHashMap<>();
        diag.put("communicate_status", 1);
        diag.put("software_version", 112);
        diag.put("pcb_version", 3);
        diag.put("hardware_version", 2);
        diag.put("cpu_utilization_rate", 15 + Noise.below(Noise.hash(seed, c.index(), Math.floorDiv(t,
                LiveSite.MINUTE)), 20));
        specific.put("diag", diag);
    }

    private static List<Object> flags(int n) {
        List<Object> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(JsonObjects.of("index", Integer.toString(i), "status", false));
        }
        return out;
    }
}
