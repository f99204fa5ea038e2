package io.miningos.gateway.domain.analytics.pools;

import io.miningos.gateway.domain.analytics.Period;
import io.miningos.gateway.domain.analytics.Sats;
import io.miningos.gateway.domain.analytics.finance.PoolDay;
import io.miningos.gateway.domain.error.DomainException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A pool's earnings over time ({@code /auth/pools/:pool/balance-history}): the days' revenue and pool hashrate
 * (from {@link io.miningos.gateway.domain.analytics.finance.PoolTransactions}) in calendar buckets: {@code 1D}
 * a UTC day, {@code 1W} a week from Sunday, {@code 1M} a calendar month (the Node gateway cut weeks at Thursdays
 * and "months" into 30-day blocks counted from 1970).
 */
public final class BalanceHistory {

    public static final String RANGE_INVALID = "ERR_RANGE_INVALID";

    private BalanceHistory() {
    }

    /**
     * One bucket.
     *
     * @param ts                   bucket start, epoch ms
     * @param revenueBtc           earned in the bucket
     * @param cumulativeRevenueBtc earned from the start of the range to the end of this bucket
     * @param hashrateHs           mean pool-credited hashrate over the bucket's days that report one (H/s), or
     *                             null
     */
    public record Point(long ts, BigDecimal revenueBtc, BigDecimal cumulativeRevenueBtc, Double hashrateHs) {
    }

    /** {@code 1D}, {@code 1W}, {@code 1M}; absent means {@code 1D}; else {@code ERR_RANGE_INVALID}. */
    public static Period parseRange(String range) {
        return switch (range == null || range.isEmpty() ? "1D" : range) {
            case "1D" -> Period.DAILY;
            case "1W" -> Period.WEEKLY;
            case "1M" -> Period.MONTHLY;
            default -> throw DomainException.invalid(RANGE_INVALID);
        };
    }

    /** Days with neither revenue nor hashrate are left out; buckets come oldest first. */
    public static List<Point> points(Map<Long, PoolDay> days, Period range) {
        Map<Long, Sats> revenue = new TreeMap<>();
        Map<Long, double[]> hashrate = new TreeMap<>();
        days.forEach((day, pd) -> {
            boolean hashed = pd.hashrate() != null && !pd.hashrate().isZero();
            if (pd.revenue().isZero() && !hashed) {
                return;
            }
            long bucket = range.bucketOf(day);
            revenue.merge(bucket, pd.revenue(), Sats::plus);
            if (hashed) {
                double[] acc = hashrate.computeIfAbsent(bucket, b -> new double[2]);
                acc[0] += pd.hashrate().hs();
                acc[1]++;
            }
        });
        List<Point> out = new ArrayList<>(revenue.size());
        Sats running = Sats.ZERO;
        for (Map.Entry<Long, Sats> e : revenue.entrySet()) {
            running = running.plus(e.getValue());
            double[] acc = hashrate.get(e.getKey());
            out.add(new Point(e.getKey(), e.getValue().toBtc(), running.toBtc(),
                    acc == null ? null : acc[0] / acc[1]));
        }
        return out;
    }
}
