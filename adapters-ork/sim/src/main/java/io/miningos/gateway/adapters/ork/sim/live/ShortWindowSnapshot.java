package io.miningos.gateway.adapters.ork.sim.live;

import io.miningos.gateway.adapters.ork.sim.site.Noise;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What Whatsminer and Avalon workers report alike: {@code t_1m}/{@code t_5m}/{@code t_15m} hashrates, chip
 * temperatures with a minimum (two decimals), per-board {@code pcb} readings, and the gateway and DNS in the
 * network config.
 */
abstract class ShortWindowSnapshot extends MinerSnapshot {

    ShortWindowSnapshot(long seed, ThingDocs docs) {
        super(seed, docs);
    }

    @Override
    final void hashrateWindows(Doc hr, double mhs, long salt, long minute) {
        hr.put("t_1m", Noise.round(noisy(mhs, 0.01, salt, minute, 13), 2));
        hr.put("t_5m", Noise.round(mhs, 2));
        hr.put("t_15m", Noise.round(noisy(mhs, 0.004, salt, minute, 14), 2));
    }

    @Override
    final Map<String, Object> chipTemperature(int index, double boardAvg) {
        return JsonObjects.of("index", index, "max", Noise.round(boardAvg + 2.5, 2), "min",
                Noise.round(boardAvg - 8, 2), "avg", Noise.round(boardAvg, 2));
    }

    @Override
    final void boardTemperatures(Doc temp, double pcbMax, double[] boardAvg) {
        if (temp.wants("pcb")) {
            List<Object> pcb = new ArrayList<>();
            for (int b = 0; b < 3; b++) {
                pcb.add(JsonObjects.of("index", b, "current", Noise.round(pcbMax - b * 0.9, 1)));
            }
            temp.put("pcb", pcb);
        }
    }

    @Override
    final void gateway(Doc net, String ip) {
        String gw = ip.substring(0, ip.lastIndexOf('.')) + ".1";
        net.put("dns", List.of(gw));
        net.put("ip_gw", gw);
    }
}
