package io.miningos.gateway.domain.analytics.finance;

import io.miningos.gateway.domain.analytics.Period;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns days of {@link DayInputs} into the finance routes' series and summaries: one {@link FinanceFigures} per
 * bucket of the chosen {@link Period}, oldest first (for every period; the Node gateway listed weeks, months and
 * years newest first), and one for the whole range. Buckets are computed from the days' parts, so a month's
 * ratios are the month's ratios, not sums of daily ones.
 */
public final class FinanceLedger {

    private FinanceLedger() {
    }

    public static List<FinanceFigures> series(List<DayInputs> days, Period period) {
        Map<Long, FinanceTotals> buckets = new TreeMap<>();
        for (DayInputs day : days) {
            buckets.computeIfAbsent(period.bucketOf(day.day()), FinanceTotals::new).add(day);
        }
        List<FinanceFigures> out = new ArrayList<>(buckets.size());
        buckets.values().forEach(b -> out.add(b.figures()));
        return out;
    }

    /** The whole range as one bucket (labelled with its first day; {@code 0} with no days). */
    public static FinanceFigures total(List<DayInputs> days) {
        FinanceTotals totals = new FinanceTotals(days.isEmpty() ? 0 : days.getFirst().day());
        days.forEach(totals::add);
        return totals.figures();
    }
}
