package io.miningos.gateway.domain.analytics;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/**
 * The calendar every analytics bucket uses: <b>UTC</b>. Days are UTC days because every source of daily data is
 * kept in UTC (the ORK's daily store at offset 0, {@code groupRange} windows, the mempool worker's midnight
 * records); weeks start on Sunday 00:00 UTC (as the Node gateway's did), months on the 1st, years on 1 January.
 * A bucket is named by the epoch milliseconds of its first instant.
 */
public final class UtcCalendar {

    public static final long DAY_MS = 86_400_000L;

    private UtcCalendar() {
    }

    public static long dayStart(long ts) {
        return Math.floorDiv(ts, DAY_MS) * DAY_MS;
    }

    public static LocalDate date(long ts) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(ts), ZoneOffset.UTC);
    }

    public static long startOf(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    /** Sunday 00:00 UTC on or before {@code ts}. */
    public static long weekStart(long ts) {
        return startOf(date(ts).with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY)));
    }

    public static long monthStart(long ts) {
        return startOf(date(ts).withDayOfMonth(1));
    }

    public static long yearStart(long ts) {
        return startOf(date(ts).withDayOfYear(1));
    }

    public static int daysInMonth(long ts) {
        return date(ts).lengthOfMonth();
    }

    /** ISO-8601 text of an instant, e.g. {@code 2026-06-01T00:00:00Z} (how ORK date parameters are written). */
    public static String iso(long ts) {
        return Instant.ofEpochMilli(ts).toString();
    }
}
