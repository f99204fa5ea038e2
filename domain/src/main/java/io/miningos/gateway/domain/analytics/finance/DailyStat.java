package io.miningos.gateway.domain.analytics.finance;

import io.miningos.gateway.domain.analytics.IntervalSum;

/**
 * One day of a {@code sum}-type site stat (power in W, hashrate in MH/s), added up over the ORKs that reported
 * it: {@code mean} is the day's mean value (each ORK's interval sum divided by its own interval count, then added
 * across ORKs), {@code intervalSum} the plain sum over all intervals (for energy: watts × interval length).
 */
public record DailyStat(double mean, double intervalSum) {

    public static DailyStat of(IntervalSum day) {
        return new DailyStat(day.mean(), day.sum());
    }

    public DailyStat plus(DailyStat other) {
        return new DailyStat(mean + other.mean, intervalSum + other.intervalSum);
    }

    /** For power: the day's energy in MWh ({@code Σ W × 5 min}). */
    public double energyMWh() {
        return new IntervalSum(intervalSum, 1).energyMWh(IntervalSum.STAT_5M);
    }
}
