package io.miningos.gateway.adapters.ork.sim.site;

/** The base types of the simulated racks; the first segment of every type string. */
public enum ThingKind {
    MINER("miner", 60_000),
    CONTAINER("container", 60_000),
    SENSOR("sensor", 10_000),
    POWERMETER("powermeter", 5_000),
    INVENTORY("inventory", 60_000),
    MINERPOOL("minerpool", 60_000),
    MEMPOOL("mempool", 1_800_000),
    ELECTRICITY("electricity", 3_600_000);

    private final String baseType;
    private final long pollMs;

    ThingKind(String baseType, long pollMs) {
        this.baseType = baseType;
        this.pollMs = pollMs;
    }

    public String baseType() {
        return baseType;
    }

    /** How often the real rack polls its devices ({@code collectSnapsItvMs}). */
    public long pollMs() {
        return pollMs;
    }

    /** Whether racks of this kind own things (pool, mempool and electricity workers only answer extended data). */
    public boolean holdsThings() {
        return this != MINERPOOL && this != MEMPOOL && this != ELECTRICITY;
    }

    /** The tag of this kind's {@code stat-rtd} record, e.g. {@code t-miner}. */
    public String rtdTag() {
        return "t-" + baseType;
    }
}
