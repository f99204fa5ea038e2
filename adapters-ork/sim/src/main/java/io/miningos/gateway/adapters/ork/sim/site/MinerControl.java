package io.miningos.gateway.adapters.ork.sim.site;

import java.util.List;

/** What actions changed on one miner, each as a timeline so any instant reads consistently. */
public final class MinerControl {
    /** {@code low}, {@code normal}, {@code high} or {@code sleep}. */
    public final Timeline<String> powerMode;
    /** End of the reboot that was running at an instant; a reboot that began at t ends at the value. */
    public final Timeline<long[]> reboot = new Timeline<>(null);
    /** Locate LED switched on until the value (ms); 0 = off. */
    public final Timeline<Long> ledUntil = new Timeline<>(0L);
    /** Power limit in percent (Whatsminer {@code setPowerPct}). */
    public final Timeline<Integer> powerPct = new Timeline<>(100);
    /** Whatsminer M63 {@code setUpfreqSpeed}. */
    public final Timeline<Integer> upfreqSpeed;
    /** Pool URLs and worker names applied by {@code setupPools}; null = the generated ones. */
    public final Timeline<List<String[]>> pools = new Timeline<>(null);
    /** Pulled into maintenance ({@code info.container = "maintenance"} through {@code updateThing}). */
    public final Timeline<Boolean> maintenance = new Timeline<>(false);

    public MinerControl(String initialMode, int initialUpfreq) {
        this.powerMode = new Timeline<>(initialMode);
        this.upfreqSpeed = new Timeline<>(initialUpfreq);
    }

    /** The reboot window {@code [start, end)} covering or last ending before {@code ts}, or null. */
    public long[] rebootAt(long ts) {
        return reboot.at(ts);
    }
}
