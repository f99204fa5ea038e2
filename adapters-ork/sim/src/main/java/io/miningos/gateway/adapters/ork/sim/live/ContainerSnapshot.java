package io.miningos.gateway.adapters.ork.sim.live;

import io.miningos.gateway.adapters.ork.sim.site.ContainerSite;
import io.miningos.gateway.adapters.ork.sim.site.Noise;
import io.miningos.gateway.adapters.ork.sim.site.SimThing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A container's {@code last.snap} as its rack worker shapes it. This class writes what every
 * container worker reports; a subclass per worker family ({@link BitdeerSnapshot}, {@link MicroBtSnapshot},
 * {@link AntspaceSnapshot}) writes its {@code container_specific} stats and config.
 */
abstract class ContainerSnapshot {

    final long seed;
    final LiveSite live;

    ContainerSnapshot(LiveSite live) {
        this.live = live;
        this.seed = live.site().seed();
    }

    /** Fields written after {@code humidity_percent}, before {@code container_specific}. */
    void statusFlags(Doc stats, ContainerSample s) {
    }

    /** {@code stats.container_specific}. */
    abstract void specificStats(Doc specific, ContainerSite c, ContainerSample s, long t);

    /** {@code config.container_specific}; nothing by default. */
    void specificConfig(Doc specific, ContainerSite c, long t) {
    }

    final void write(Doc snap, ContainerSite c, ContainerSample s, long t) {
        if (s.offline()) {
            ThingDocs.offlineSnap(snap);
            return;
        }
        List<Object> errors = new ArrayList<>();
        for (AlertCatalog.DeviceFault f : s.faults()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", f.name());
            errors.add(e);
        }
        snap.put("success", true);
        snap.put("raw_errors", errors);
        Doc stats = snap.child("stats");
        if (stats != null) {
            stats.put("status", s.status());
            if (!errors.isEmpty()) {
                stats.put("errors", errors);
            }
            stats.put("power_w", Math.round(s.powerW()));
            stats.put("ambient_temp_c", Noise.round(s.ambientC(), 1));
            stats.put("humidity_percent", Noise.round(s.humidity(), 1));
            statusFlags(stats, s);
            Doc specific = stats.child("container_specific");
            if (specific != null) {
                specificStats(specific, c, s, t);
            }
        }
        Doc config = snap.child("config");
        if (config != null) {
            Doc specific = config.child("container_specific");
            if (specific != null) {
                specificConfig(specific, c, t);
            }
        }
    }

    final Map<String, Double> socketPower(ContainerSite c, long t) {
        Map<String, Double> byPos = new HashMap<>();
        long at = Math.floorDiv(t, LiveSite.MINUTE) * LiveSite.MINUTE;
        for (SimThing m : c.miners()) {
            byPos.put(m.pos(), live.miner(m, at).powerW());
        }
        return byPos;
    }
}
