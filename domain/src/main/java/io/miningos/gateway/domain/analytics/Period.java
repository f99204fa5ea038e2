package io.miningos.gateway.domain.analytics;

import io.miningos.gateway.domain.error.DomainException;

import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Set;

/** How a daily series is bucketed ({@code period} of the finance routes), in the {@link UtcCalendar}. */
public enum Period {
    DAILY("daily"),
    WEEKLY("weekly"),
    MONTHLY("monthly"),
    YEARLY("yearly");

    public static final String PERIOD_INVALID = "ERR_PERIOD_INVALID";

    private final String text;

    Period(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /**
     * The period a request names: {@code fallback} when absent or empty, else one of {@code allowed} by its
     * lower-case name ({@code ERR_PERIOD_INVALID} otherwise).
     */
    public static Period parse(String text, Set<Period> allowed, Period fallback) {
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        for (Period p : allowed) {
            if (p.text.equals(text)) {
                return p;
            }
        }
        throw DomainException.invalid(PERIOD_INVALID);
    }

    /** The start of the bucket holding the day that starts at {@code dayStart}. */
    public long bucketOf(long dayStart) {
        return switch (this) {
            case DAILY -> UtcCalendar.dayStart(dayStart);
            case WEEKLY -> UtcCalendar.weekStart(dayStart);
            case MONTHLY -> UtcCalendar.monthStart(dayStart);
            case YEARLY -> UtcCalendar.yearStart(dayStart);
        };
    }

    /** English month name of a bucket start, e.g. {@code June} (monthly buckets are labelled with it). */
    public static String monthName(long ts) {
        return UtcCalendar.date(ts).getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }
}
