package io.miningos.gateway.adapters.ork.sim.live;

import io.miningos.gateway.adapters.ork.sim.site.ContainerSite;
import io.miningos.gateway.adapters.ork.sim.site.Noise;

/** Antspace workers: the primary circulating pump and the supply and return liquid temperatures. */
final class AntspaceSnapshot extends ContainerSnapshot {

    AntspaceSnapshot(LiveSite live) {
        super(live);
    }

    @Override
    void specificStats(Doc specific, ContainerSite c, ContainerSample s, long t) {
        boolean pump = s.coolingOn() && !"stopped".equals(s.status());
        specific.put("primary_circulating_pump", pump);
        specific.put("supply_liquid_temp", Noise.round(s.supplyC(), 1));
        specific.put("return_liquid_temp", Noise.round(s.returnC(), 1));
    }
}
