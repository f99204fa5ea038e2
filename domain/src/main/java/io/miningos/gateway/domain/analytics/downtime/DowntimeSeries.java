package io.miningos.gateway.domain.analytics.downtime;

import io.miningos.gateway.domain.analytics.Period;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The site's downtime over a range, bucketed by {@link Period}: per bucket the energy lost (MWh) and its share of
 * the energy available in the bucket (a percentage, 0..100), for curtailment and for operational issues. Every
 * bucket of the range is listed, oldest first; a bucket without any known day has nulls.
 *
 * <p>The range figures ({@link #total}) are shares of the whole range's available energy, not sums of the
 * buckets' percentages (a month of 4 % days is 4 %, not 120 %); {@link #meanPercent} averages the buckets with data.
 */
public final class DowntimeSeries {

    /** What one figure is: lost energy of a day. */
    public enum Loss {
        CURTAILMENT(EnergyDay::curtailedMWh),
        OPERATIONAL_ISSUES(EnergyDay::operationalIssuesMWh);

        private final ToDoubleFunction<EnergyDay> of;

        Loss(ToDoubleFunction<EnergyDay> of) {
            this.of = of;
        }
    }

    /**
     * @param start        the bucket's first instant (UTC)
     * @param lostMWh      energy lost in the bucket's known days, null when none is known
     * @param availableMWh energy available in those days, null when none is known
     * @param knownDays    how many of the bucket's days were known
     */
    public record Bucket(long start, Double lostMWh, Double availableMWh, int knownDays) {

        /** The loss as a percentage of the energy available, null without data. */
        public Double percent() {
            return lostMWh == null || availableMWh == null || availableMWh <= 0 ? null : 100 * lostMWh / availableMWh;
        }
    }

    private final List<Bucket> buckets;

    private DowntimeSeries(List<Bucket> buckets) {
        this.buckets = List.copyOf(buckets);
    }

    /**
     * @param days the range's days, oldest first (each a UTC day start), with whatever is known of them
     */
    public static DowntimeSeries of(List<EnergyDay> days, Period period, Loss loss) {
        Map<Long, double[]> acc = new LinkedHashMap<>(); // bucket -> {lost, available, known days}
        for (EnergyDay day : days) {
            double[] a = acc.computeIfAbsent(period.bucketOf(day.day()), b -> new double[3]);
            if (day.known()) {
                a[0] += loss.of.applyAsDouble(day);
                a[1] += day.availableMWh();
                a[2]++;
            }
        }
        List<Bucket> buckets = new ArrayList<>();
        acc.forEach((start, a) -> buckets.add(a[2] == 0 ? new Bucket(start, null, null, 0)
                : new Bucket(start, a[0], a[1], (int) a[2])));
        return new DowntimeSeries(buckets);
    }

    public List<Bucket> buckets() {
        return buckets;
    }

    /** The whole range: lost energy and its share of the range's available energy (null without data). */
    public Bucket total() {
        double lost = 0;
        double available = 0;
        int known = 0;
        for (Bucket b : buckets) {
            if (b.knownDays() > 0) {
                lost += b.lostMWh();
                available += b.availableMWh();
                known += b.knownDays();
            }
        }
        long start = buckets.isEmpty() ? 0 : buckets.getFirst().start();
        return known == 0 ? new Bucket(start, null, null, 0) : new Bucket(start, lost, available, known);
    }

    /** The mean lost energy per bucket with data (null without data). */
    public Double meanLostMWh() {
        List<Bucket> known = buckets.stream().filter(b -> b.knownDays() > 0).toList();
        return known.isEmpty() ? null : known.stream().mapToDouble(Bucket::lostMWh).average().orElseThrow();
    }

    /** The mean of the buckets' percentages (null without data). */
    public Double meanPercent() {
        List<Double> known = buckets.stream().map(Bucket::percent).filter(p -> p != null).toList();
        return known.isEmpty() ? null : known.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
