package io.miningos.gateway.domain.analytics;

import java.time.Duration;

/**
 * A {@code sum}-type stat (site power, hashrate) added up over the stat intervals of a period, as the ORK's
 * range aggregates give it, with the number of intervals that held data ({@code aggrIntervals}). The period's
 * mean is {@code sum / intervals}; reading the sum itself as a mean is the Node gateway's ~288× error on 5-minute
 * data.
 *
 * @param sum       the field's value summed over the intervals
 * @param intervals how many intervals contributed (at least 1)
 */
public record IntervalSum(double sum, long intervals) {

    /** The interval of the {@code stat-5m} log the ORK's daily store is built from. */
    public static final Duration STAT_5M = Duration.ofMinutes(5);

    public IntervalSum {
        if (!Double.isFinite(sum) || intervals < 1) {
            throw new IllegalArgumentException("a finite sum over at least one interval: " + sum + "/" + intervals);
        }
    }

    /** The sum over intervals, or null when there were none (no data is not a zero). */
    public static IntervalSum ofNullable(Double sum, Long intervals) {
        return sum == null || intervals == null || intervals < 1 || !Double.isFinite(sum) ? null
                : new IntervalSum(sum, intervals);
    }

    /** The mean value per interval. */
    public double mean() {
        return sum / intervals;
    }

    /**
     * For power: the energy in MWh, {@code Σ watts × interval length}. Covers only the intervals with data, so a
     * day that has just begun counts what has been used so far.
     */
    public double energyMWh(Duration interval) {
        // W·ms → MWh (1 MWh = 10⁶ W × 3.6·10⁶ ms); one division keeps whole-number inputs exact
        return sum * interval.toMillis() / 3.6e12;
    }
}
