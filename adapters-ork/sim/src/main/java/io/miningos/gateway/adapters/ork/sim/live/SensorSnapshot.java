package io.miningos.gateway.adapters.ork.sim.live;

import io.miningos.gateway.adapters.ork.sim.site.Noise;

import java.util.List;
import java.util.Map;

/** Seneca temperature sensor workers: a status, the temperature and a {@code sensor_error} while faulty. */
final class SensorSnapshot {

    void write(Doc snap, SensorSample s) {
        if ("offline".equals(s.status())) {
            ThingDocs.offlineSnap(snap);
            return;
        }
        boolean error = "error".equals(s.status());
        snap.put("success", true);
        List<Object> errors = error ? List.of(Map.of("name", "sensor_error")) : List.of();
        snap.put("raw_errors", errors);
        Doc stats = snap.child("stats");
        if (stats != null) {
            stats.put("status", s.status());
            stats.put("temp_c", Noise.round(s.tempC(), 1));
            if (error) {
                stats.put("errors", errors);
            }
        }
        snap.put("config", Map.of());
    }
}
