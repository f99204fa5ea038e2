package io.miningos.gateway.domain.analytics;

/**
 * The small fixed site the analytics tests compute by hand: three UTC days of June 2026 and the clock after
 * them. The numbers each test feeds in are written next to its expectations.
 */
public final class FixedSite {

    /** Monday 2026-06-01T00:00Z. */
    public static final long DAY1 = 1_780_272_000_000L;
    /** Tuesday 2026-06-02T00:00Z. */
    public static final long DAY2 = DAY1 + UtcCalendar.DAY_MS;
    /** Wednesday 2026-06-03T00:00Z. */
    public static final long DAY3 = DAY2 + UtcCalendar.DAY_MS;
    /** Sunday 2026-05-31T00:00Z: the start of the week of the three days. */
    public static final long WEEK = DAY1 - UtcCalendar.DAY_MS;
    /** 2026-07-01T00:00Z. */
    public static final long JULY1 = 1_782_864_000_000L;
    /** 2026-06-04T01:10:00Z: the three days are over. */
    public static final long NOW = DAY3 + UtcCalendar.DAY_MS + 70 * 60_000L;

    private FixedSite() {
    }
}
