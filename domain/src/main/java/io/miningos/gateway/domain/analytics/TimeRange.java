package io.miningos.gateway.domain.analytics;

import io.miningos.gateway.domain.error.DomainException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A request's time range in epoch milliseconds, both ends inclusive (as the ORKs read {@code start}/{@code end}),
 * bounded so that no request can make the gateway or an ORK compute without limit.
 *
 * @param start first millisecond included
 * @param end   last millisecond included
 */
public record TimeRange(long start, long end) {

    /** {@code start}/{@code end} missing, not a positive whole number, or beyond year 9999. */
    public static final String MISSING_START_END = "ERR_MISSING_START_END";
    /** {@code start} is not before {@code end}. */
    public static final String INVALID_DATE_RANGE = "ERR_INVALID_DATE_RANGE";
    /** The range is longer than the route allows. */
    public static final String DATE_RANGE_TOO_LARGE = "ERR_DATE_RANGE_TOO_LARGE";

    /** The longest range of the day-based routes (finance, metrics, pools, alert history): a leap year. */
    public static final Duration MAX_DAYS_SPAN = Duration.ofDays(366);
    /** 9999-12-31T23:59:59.999Z: later instants are not dates anybody means. */
    public static final long LATEST = 253_402_300_799_999L;

    public TimeRange {
        if (start <= 0 || end <= 0 || start > LATEST || end > LATEST) {
            throw DomainException.invalid(MISSING_START_END);
        }
        if (start >= end) {
            throw DomainException.invalid(INVALID_DATE_RANGE);
        }
    }

    /**
     * The range a request asks for: both bounds given as positive whole numbers ({@code ERR_MISSING_START_END}
     * otherwise), {@code start < end} ({@code ERR_INVALID_DATE_RANGE}) and at most {@code maxSpan} apart
     * ({@code ERR_DATE_RANGE_TOO_LARGE}).
     */
    public static TimeRange of(Long start, Long end, Duration maxSpan) {
        if (start == null || end == null) {
            throw DomainException.invalid(MISSING_START_END);
        }
        TimeRange range = new TimeRange(start, end);
        if (range.end - range.start > maxSpan.toMillis()) {
            throw DomainException.invalid(DATE_RANGE_TOO_LARGE);
        }
        return range;
    }

    /** Optional bounds with defaults (routes whose {@code start}/{@code end} may be left out). */
    public static TimeRange orDefault(Long start, Long end, long defaultStart, long defaultEnd, Duration maxSpan) {
        return of(start == null || start == 0 ? defaultStart : start, end == null || end == 0 ? defaultEnd : end,
                maxSpan);
    }

    public Duration span() {
        return Duration.ofMillis(end - start);
    }

    public boolean contains(long ts) {
        return ts >= start && ts <= end;
    }

    /**
     * The UTC days the range touches that have begun by {@code now}, oldest first: the start of every day from
     * the day of {@code start} to the day of {@code min(end, now)}. Empty when the range lies in the future.
     */
    public List<Long> daysUntil(long now) {
        long last = UtcCalendar.dayStart(Math.min(end, now));
        List<Long> days = new ArrayList<>();
        for (long day = UtcCalendar.dayStart(start); day <= last; day += UtcCalendar.DAY_MS) {
            days.add(day);
        }
        return days;
    }
}
