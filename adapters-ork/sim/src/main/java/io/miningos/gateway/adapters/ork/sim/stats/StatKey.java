package io.miningos.gateway.adapters.ork.sim.stats;

import io.miningos.gateway.adapters.ork.sim.site.ThingKind;

/**
 * The stat logs a rack keeps, with the cron period their entries are written at (UTC, aligned to the period:
 * :00, :05, ... for {@code stat-5m}; midnight for {@code stat-1D}). Keys are case-sensitive: {@code stat-1d} does
 * not exist.
 */
public enum StatKey {
    STAT_20S("stat-20s", 20_000L),
    STAT_1M("stat-1m", 60_000L),
    STAT_5M("stat-5m", 300_000L),
    STAT_30M("stat-30m", 1_800_000L),
    STAT_3H("stat-3h", 10_800_000L),
    STAT_1D("stat-1D", 86_400_000L),
    STAT_STARTUP("stat-startup", 300_000L),
    STAT_RTD("stat-rtd", 0L);

    private final String key;
    private final long periodMs;

    StatKey(String key, long periodMs) {
        this.key = key;
        this.periodMs = periodMs;
    }

    public String key() {
        return key;
    }

    public long periodMs() {
        return periodMs;
    }

    /** Whether a rack of this kind keeps this log. */
    public boolean keptBy(ThingKind kind) {
        return switch (this) {
            case STAT_20S, STAT_1M -> kind == ThingKind.CONTAINER;
            case STAT_STARTUP -> kind == ThingKind.MINER;
            default -> kind.holdsThings();
        };
    }

    public static StatKey of(String key) {
        for (StatKey k : values()) {
            if (k.key.equals(key)) {
                return k;
            }
        }
        return null;
    }
}
