package io.miningos.gateway.adapters.ork.sim.live;

import io.miningos.gateway.adapters.ork.sim.site.Noise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Antminer workers: {@code t_5m} equals {@code t_30m} (no shorter window), whole-degree chip temperatures, and
 * per-board {@code temp} / {@code raw_temps} instead of {@code pcb}.
 */
final class AntminerSnapshot extends MinerSnapshot {

    AntminerSnapshot(long seed, ThingDocs docs) {
        super(seed, docs);
    }

    @Override
    String errorMessage(AlertCatalog.DeviceFault fault) {
        return fault.description();
    }

    @Override
    void hashrateWindows(Doc hr, double mhs, long salt, long minute) {
        double t5m = Noise.round(mhs, 2);
        hr.put("t_5m", t5m);
        hr.put("t_30m", t5m);
    }

    @Override
    Map<String, Object> chipTemperature(int index, double boardAvg) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("index", index);
        c.put("max", Noise.round(boardAvg + 2.5, 0));
        c.put("avg", Noise.round(boardAvg, 0));
        return c;
    }

    @Override
    void boardTemperatures(Doc temp, double pcbMax, double[] boardAvg) {
        if (temp.wants("temp")) {
            List<Object> boards = new ArrayList<>();
            for (int b = 0; b < 3; b++) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("index", b);
                e.put("pcbInlet", Math.round(pcbMax - 15 - b));
                e.put("pcbOutlet", Math.round(pcbMax - b * 1.5));
                boards.add(e);
            }
            temp.put("temp", boards);
        }
        if (temp.wants("raw_temps")) {
            List<Object> raw = new ArrayList<>();
            for (int b = 0; b < 3; b++) {
                Map<String, Object> e = new LinkedHashMap<>();
                long in = Math.round(pcbMax - 15 - b);
                long out = Math.round(pcbMax - b * 1.5);
                long chip = Math.round(boardAvg[b]);
                e.put("index", b);
                e.put("pic", List.of(in + 8, out, in, in - 3));
                e.put("pcb", List.of(in + 6, out - 1, out - 4, out - 6));
                e.put("chip", List.of(chip, chip + 7, chip + 4, chip + 2));
                raw.add(e);
            }
            temp.put("raw_temps", raw);
        }
    }
}
