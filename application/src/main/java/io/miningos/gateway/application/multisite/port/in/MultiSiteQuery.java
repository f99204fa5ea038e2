package io.miningos.gateway.application.multisite.port.in;

import io.miningos.gateway.domain.analytics.Period;
import io.miningos.gateway.domain.analytics.UtcCalendar;
import io.miningos.gateway.domain.error.DomainException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The standard parameters of the multi-site routes: {@code startDate}, {@code endDate} ({@code yyyy-MM-dd}, UTC
 * days, both included), {@code regions} (upper-cased site ids, in the order the answer lists them; empty: no
 * site), {@code period}. A start after the end (the UI's default range on the 1st of a month) is an empty range,
 * answered with empty data, not an error.
 */
public record MultiSiteQuery(LocalDate start, LocalDate end, List<String> regions, Period period) {

    public static final String MISSING_START_END = "ERR_MISSING_START_END";
    public static final String INVALID_DATE = "ERR_INVALID_DATE";
    public static final String RANGE_TOO_LARGE = "ERR_DATE_RANGE_TOO_LARGE";
    public static final String REGIONS_INVALID = "ERR_REGIONS_INVALID";
    /** The longest range: a year (the sites' finance routes' bound), plus a day for leap years. */
    public static final int MAX_DAYS = 366;
    public static final int MAX_REGIONS = 100;
    static final Set<Period> PERIODS = Set.of(Period.DAILY, Period.WEEKLY, Period.MONTHLY, Period.YEARLY);

    public MultiSiteQuery {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        regions = List.copyOf(regions);
        Objects.requireNonNull(period, "period");
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            throw DomainException.invalid(RANGE_TOO_LARGE);
        }
    }

    /**
     * From the request's texts; {@code regions} is the decoded JSON (a list of strings), null when absent (then
     * {@code allRegions}).
     */
    public static MultiSiteQuery of(String startDate, String endDate, Object regions, String period,
                                    List<String> allRegions) {
        if (startDate == null || endDate == null || startDate.isEmpty() || endDate.isEmpty()) {
            throw DomainException.invalid(MISSING_START_END);
        }
        return new MultiSiteQuery(date(startDate), date(endDate),
                regions == null ? allRegions : regions(regions), Period.parse(period, PERIODS, Period.DAILY));
    }

    private static LocalDate date(String text) {
        if (text.length() != 10) {
            throw DomainException.invalid(INVALID_DATE);
        }
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.getYear() < 2000 || date.getYear() > 9999) {
                throw DomainException.invalid(INVALID_DATE);
            }
            return date;
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(INVALID_DATE);
        }
    }

    /** A JSON array of region names (case-insensitive, each once); anything else is {@code ERR_REGIONS_INVALID}. */
    public static List<String> regions(Object decoded) {
        if (!(decoded instanceof List<?> list) || list.size() > MAX_REGIONS) {
            throw DomainException.invalid(REGIONS_INVALID);
        }
        Set<String> out = new LinkedHashSet<>();
        for (Object item : list) {
            if (!(item instanceof String text) || text.isEmpty() || text.length() > 64) {
                throw DomainException.invalid(REGIONS_INVALID);
            }
            out.add(text.toUpperCase(Locale.ROOT));
        }
        return new ArrayList<>(out);
    }

    /** True when the range holds no day (start after end). */
    public boolean isEmpty() {
        return start.isAfter(end);
    }

    /** Epoch ms of the first day's start. */
    public long startMillis() {
        return UtcCalendar.startOf(start);
    }

    /** Epoch ms of the last day's last millisecond. */
    public long endMillis() {
        return UtcCalendar.startOf(end.plusDays(1)) - 1;
    }

    /** The day starts of the range up to {@code today} (later days have no data yet), oldest first. */
    public List<Long> days(LocalDate today) {
        List<Long> days = new ArrayList<>();
        LocalDate last = end.isAfter(today) ? today : end;
        for (LocalDate d = start; !d.isAfter(last); d = d.plusDays(1)) {
            days.add(UtcCalendar.startOf(d));
        }
        return days;
    }

    /** The same for other regions and period (e.g. one site's page, or monthly rows whatever was asked). */
    public MultiSiteQuery with(List<String> newRegions, Period newPeriod) {
        return new MultiSiteQuery(start, end, newRegions, newPeriod);
    }
}
