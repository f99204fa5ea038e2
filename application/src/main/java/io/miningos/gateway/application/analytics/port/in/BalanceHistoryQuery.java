package io.miningos.gateway.application.analytics.port.in;

import io.miningos.gateway.domain.analytics.Period;
import io.miningos.gateway.domain.analytics.TimeRange;
import io.miningos.gateway.domain.analytics.pools.BalanceHistory;
import io.miningos.gateway.domain.error.DomainException;

import java.util.List;
import java.util.Objects;

/**
 * {@code GET /auth/pools/:pool/balance-history}: one pool type's (or, for {@code all}, every pool's) revenue over a
 * range of at most {@link TimeRange#MAX_DAYS_SPAN}, in buckets of a day, a week (from Sunday) or a calendar month.
 *
 * @param pool a pool type ({@code f2pool}), or null for every pool
 */
public record BalanceHistoryQuery(String pool, TimeRange range, Period bucket) {

    public static final String ALL = "all";

    public BalanceHistoryQuery {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(bucket, "bucket");
        if (pool != null && !FinanceQuery.POOL.matcher(pool).matches()) {
            throw DomainException.invalid(FinanceQuery.POOL_INVALID);
        }
        if (bucket == Period.YEARLY) {
            throw DomainException.invalid(BalanceHistory.RANGE_INVALID);
        }
    }

    /**
     * From the request: {@code pool} {@code all} or a pool type, {@code range} {@code 1D}/{@code 1W}/{@code 1M}.
     *
     * @throws DomainException {@code ERR_POOL_INVALID}, {@code ERR_MISSING_START_END},
     *                         {@code ERR_INVALID_DATE_RANGE}, {@code ERR_DATE_RANGE_TOO_LARGE}, {@code ERR_RANGE_INVALID}
     */
    public static BalanceHistoryQuery of(String pool, Long start, Long end, String range) {
        if (pool == null || !pool.equals(ALL) && !FinanceQuery.POOL.matcher(pool).matches()) {
            throw DomainException.invalid(FinanceQuery.POOL_INVALID);
        }
        TimeRange span = TimeRange.of(start, end, TimeRange.MAX_DAYS_SPAN);
        return new BalanceHistoryQuery(pool.equals(ALL) ? null : pool, span, BalanceHistory.parseRange(range));
    }

    /** The parameters the answer depends on, for the cache key. */
    public List<String> identity() {
        return java.util.Arrays.asList(pool == null ? ALL : pool, Long.toString(range.start()),
                Long.toString(range.end()), bucket.text());
    }
}
