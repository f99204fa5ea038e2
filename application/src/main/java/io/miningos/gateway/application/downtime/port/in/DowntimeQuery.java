package io.miningos.gateway.application.downtime.port.in;

import io.miningos.gateway.domain.analytics.Period;
import io.miningos.gateway.domain.analytics.TimeRange;
import io.miningos.gateway.domain.analytics.UtcCalendar;
import io.miningos.gateway.domain.error.DomainException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A downtime read ({@code GET /auth/downtime/curtailment}, {@code /operationalIssues}) with the multi-site UI's
 * standard parameters: {@code startDate} and {@code endDate} ({@code yyyy-MM-dd}, UTC days, both included, at
 * most {@value #MAX_DAYS} days), {@code regions} (site names, upper case as the UI sends them; empty means this
 * site) and {@code period} ({@code daily}, {@code weekly}, {@code monthly}). A start after the end (the UI's
 * default range on the 1st of a month) is an empty range, not an error.
 */
public record DowntimeQuery(LocalDate start, LocalDate end, List<String> regions, Period period) {

    public static final String START_DATE_INVALID = "ERR_START_DATE_INVALID";
    public static final String END_DATE_INVALID = "ERR_END_DATE_INVALID";
    public static final String REGIONS_INVALID = "ERR_REGIONS_INVALID";
    public static final int MAX_DAYS = 366;
    static final int MAX_REGIONS = 100;
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern REGION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 _.-]{0,99}");

    public DowntimeQuery {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(period, "period");
        regions = List.copyOf(regions);
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            throw DomainException.invalid(TimeRange.DATE_RANGE_TOO_LARGE);
        }
    }

    /**
     * From the request's texts; {@code regions} is the parsed JSON array (null when absent).
     *
     * @throws DomainException {@code ERR_START_DATE_INVALID}, {@code ERR_END_DATE_INVALID} (missing or not a
     *         {@code yyyy-MM-dd} date), {@code ERR_DATE_RANGE_TOO_LARGE}, {@code ERR_REGIONS_INVALID} (not site
     *         names, or more than 100), {@code ERR_PERIOD_INVALID}
     */
    public static DowntimeQuery of(String startDate, String endDate, List<?> regions, String period) {
        LocalDate start = date(startDate, START_DATE_INVALID);
        LocalDate end = date(endDate, END_DATE_INVALID);
        List<String> names = new ArrayList<>();
        if (regions != null) {
            if (regions.size() > MAX_REGIONS) {
                throw DomainException.invalid(REGIONS_INVALID);
            }
            for (Object region : regions) {
                if (!(region instanceof String name) || !REGION.matcher(name).matches()) {
                    throw DomainException.invalid(REGIONS_INVALID);
                }
                names.add(name);
            }
        }
        Period p = Period.parse(period, EnumSet.of(Period.DAILY, Period.WEEKLY, Period.MONTHLY), Period.DAILY);
        return new DowntimeQuery(start, end, names, p);
    }

    private static LocalDate date(String text, String code) {
        if (text == null || !DATE.matcher(text).matches()) {
            throw DomainException.invalid(code);
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(code);
        }
    }

    /** The range's UTC days up to the last day that has ended by {@code now}, oldest first. */
    public List<Long> closedDays(long now) {
        long lastClosed = UtcCalendar.dayStart(now) - UtcCalendar.DAY_MS;
        List<Long> days = new ArrayList<>();
        for (long day = UtcCalendar.startOf(start); day <= Math.min(UtcCalendar.startOf(end), lastClosed);
             day += UtcCalendar.DAY_MS) {
            days.add(day);
        }
        return days;
    }

    /** Whether this gateway's site is among the requested regions (no region named means this site). */
    public boolean includes(String site) {
        return regions.isEmpty() || regions.stream().anyMatch(r -> r.equalsIgnoreCase(site));
    }

    /** The parameters the answer depends on, for the cache key. */
    public List<String> identity() {
        List<String> parts = new ArrayList<>(List.of(start.toString(), end.toString(), period.text()));
        regions.forEach(r -> parts.add(r.toUpperCase(Locale.ROOT)));
        return parts;
    }
}
