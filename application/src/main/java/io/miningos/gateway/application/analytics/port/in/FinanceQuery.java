package io.miningos.gateway.application.analytics.port.in;

import io.miningos.gateway.domain.analytics.Period;
import io.miningos.gateway.domain.analytics.TimeRange;
import io.miningos.gateway.domain.error.DomainException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One finance read: the report, its range ({@code start}/{@code end} epoch ms, both included, at most
 * {@link TimeRange#MAX_DAYS_SPAN}), the bucket period, and (revenue only) the pool type whose racks to read.
 *
 * @param pool a pool type such as {@code f2pool}, or null for every pool
 */
public record FinanceQuery(FinanceReport report, TimeRange range, Period period, String pool) {

    public static final String POOL_INVALID = "ERR_POOL_INVALID";
    /** A pool type as the pool workers' rack types name it ({@code minerpool-<pool>}). */
    public static final Pattern POOL = Pattern.compile("[a-z0-9_-]{1,32}");

    public FinanceQuery {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(period, "period");
        if (!report.periods().contains(period)) {
            throw DomainException.invalid(Period.PERIOD_INVALID);
        }
        if (pool != null && (report != FinanceReport.REVENUE || !POOL.matcher(pool).matches())) {
            throw DomainException.invalid(POOL_INVALID);
        }
    }

    /**
     * From the request's parameters (absent ones null).
     *
     * @throws DomainException {@code ERR_MISSING_START_END}, {@code ERR_INVALID_DATE_RANGE},
     *                         {@code ERR_DATE_RANGE_TOO_LARGE}, {@code ERR_PERIOD_INVALID}, {@code ERR_POOL_INVALID}
     */
    public static FinanceQuery of(FinanceReport report, Long start, Long end, String period, String pool) {
        TimeRange range = TimeRange.of(start, end, TimeRange.MAX_DAYS_SPAN);
        return new FinanceQuery(report, range, Period.parse(period, report.periods(), report.defaultPeriod()),
                pool == null || pool.isEmpty() ? null : pool);
    }

    /** The parameters the answer depends on, for the cache key. */
    public List<String> identity() {
        List<String> parts = new ArrayList<>(List.of(Long.toString(range.start()), Long.toString(range.end()),
                period.text()));
        parts.add(pool);
        return parts;
    }
}
