package io.miningos.gateway.adapters.ork.sim.live;

import io.miningos.gateway.adapters.ork.sim.site.Noise;
import io.miningos.gateway.adapters.ork.sim.site.SimThing;

import java.util.List;
import java.util.Map;

/**
 * ABB power meter workers: power, and either {@code voltage_v} (REU615 protection relays) or {@code tension_v}
 * with the per-phase {@code powermeter_specific} readings (M4M and B24 meters).
 */
final class MeterSnapshot {

    void write(Doc snap, SimThing thing, MeterSample s) {
        if (s.offline()) {
            ThingDocs.offlineSnap(snap);
            return;
        }
        snap.put("success", true);
        snap.put("raw_errors", List.of());
        Doc stats = snap.child("stats");
        if (stats != null) {
            stats.put("power_w", Noise.round(s.powerW(), 1));
            if (thing.type().endsWith("reu615")) {
                stats.put("voltage_v", Noise.round(s.voltageV(), 1));
            } else {
                stats.put("tension_v", Noise.round(s.voltageV(), 1));
                Doc pm = stats.child("powermeter_specific");
                if (pm != null) {
                    double vn = s.voltageV() / Math.sqrt(3);
                    double i = s.powerW() / (Math.sqrt(3) * s.voltageV() * 0.98);
                    pm.put("v1_n_v", Noise.round(vn, 1));
                    pm.put("v2_n_v", Noise.round(vn * 1.002, 1));
                    pm.put("v3_n_v", Noise.round(vn * 0.998, 1));
                    pm.put("v1_v2_v", Noise.round(s.voltageV(), 1));
                    pm.put("v2_v3_v", Noise.round(s.voltageV() * 1.001, 1));
                    pm.put("v3_v1_v", Noise.round(s.voltageV() * 0.999, 1));
                    pm.put("i1_a", Noise.round(i, 1));
                    pm.put("i2_a", Noise.round(i * 1.01, 1));
                    pm.put("i3_a", Noise.round(i * 0.99, 1));
                    pm.put("in_a", Noise.round(i * 0.02, 1));
                    pm.put("active_power_total_w", Noise.round(s.powerW(), 1));
                    pm.put("reactive_power_total_var", Noise.round(s.powerW() * 0.2, 1));
                }
            }
        }
        snap.put("config", Map.of());
    }
}
