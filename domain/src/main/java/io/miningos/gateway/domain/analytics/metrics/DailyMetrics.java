package io.miningos.gateway.domain.analytics.metrics;

import io.miningos.gateway.domain.analytics.Hashrate;
import io.miningos.gateway.domain.analytics.Power;
import io.miningos.gateway.domain.analytics.Rounding;
import io.miningos.gateway.domain.analytics.finance.DailyStat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The site's daily hashrate, consumption and efficiency ({@code /auth/metrics/hashrate}, {@code /consumption},
 * {@code /efficiency} without {@code groupBy}) from the ORK daily store read with
 * {@link io.miningos.gateway.domain.analytics.finance.DailyAggregates}: each day's <b>mean</b> (the Node gateway
 * showed the sum over the day's 288 intervals as the day's value). Every day of the range is listed, a day without
 * data with null values.
 */
public final class DailyMetrics {

    private DailyMetrics() {
    }

    /** A day's mean hashrate (MH/s, whole). */
    public record HashrateDay(long ts, Double hashrateMhs) {
    }

    /** Mean over the days with data; {@code days} how many had data. */
    public record HashrateSummary(Double avgHashrateMhs, int days) {
    }

    /** A day's mean power (W, whole) and energy (MWh, 3 decimals). */
    public record ConsumptionDay(long ts, Double powerW, Double consumptionMWh) {
    }

    public record ConsumptionSummary(Double avgPowerW, Double totalConsumptionMWh, int days) {
    }

    /** A day's efficiency: the miners' mean power over their mean hashrate (W/TH/s, 2 decimals). */
    public record EfficiencyDay(long ts, Double efficiencyWThs) {
    }

    /** Over the range: all days' power over all days' hashrate. */
    public record EfficiencySummary(Double avgEfficiencyWThs, int days) {
    }

    public static List<HashrateDay> hashrate(List<Long> days, Map<Long, DailyStat> hashrate) {
        List<HashrateDay> out = new ArrayList<>(days.size());
        for (long day : days) {
            DailyStat s = hashrate.get(day);
            out.add(new HashrateDay(day, s == null ? null : Rounding.places(s.mean(), 0)));
        }
        return out;
    }

    public static HashrateSummary hashrateSummary(List<Long> days, Map<Long, DailyStat> hashrate) {
        double sum = 0;
        int n = 0;
        for (long day : days) {
            DailyStat s = hashrate.get(day);
            if (s != null) {
                sum += s.mean();
                n++;
            }
        }
        return new HashrateSummary(n == 0 ? null : Rounding.places(sum / n, 0), n);
    }

    public static List<ConsumptionDay> consumption(List<Long> days, Map<Long, DailyStat> power) {
        List<ConsumptionDay> out = new ArrayList<>(days.size());
        for (long day : days) {
            DailyStat s = power.get(day);
            out.add(s == null ? new ConsumptionDay(day, null, null)
                    : new ConsumptionDay(day, Rounding.places(s.mean(), 0), Rounding.places(s.energyMWh(), 3)));
        }
        return out;
    }

    public static ConsumptionSummary consumptionSummary(List<Long> days, Map<Long, DailyStat> power) {
        double watts = 0;
        double energy = 0;
        int n = 0;
        for (long day : days) {
            DailyStat s = power.get(day);
            if (s != null) {
                watts += s.mean();
                energy += s.energyMWh();
                n++;
            }
        }
        return n == 0 ? new ConsumptionSummary(null, null, 0)
                : new ConsumptionSummary(Rounding.places(watts / n, 0), Rounding.places(energy, 3), n);
    }

    /**
     * @param minerPower    the miners' power per day ({@code power_w_sum_aggr}), may be empty
     * @param hashrate      the miners' hashrate per day
     * @param reportedMeans the store's {@code efficiency_w_ths_avg_aggr} per day, used for days without power
     *                      (it averages over every miner, counting a sleeping one as 0 W/TH/s)
     */
    public static List<EfficiencyDay> efficiency(List<Long> days, Map<Long, DailyStat> minerPower,
                                                 Map<Long, DailyStat> hashrate, Map<Long, Double> reportedMeans) {
        List<EfficiencyDay> out = new ArrayList<>(days.size());
        for (long day : days) {
            Double e = ratio(minerPower.get(day), hashrate.get(day));
            if (e == null) {
                Double reported = reportedMeans.get(day);
                e = reported == null || reported <= 0 ? null : reported;
            }
            out.add(new EfficiencyDay(day, Rounding.places(e, 2)));
        }
        return out;
    }

    public static EfficiencySummary efficiencySummary(List<EfficiencyDay> log, Map<Long, DailyStat> minerPower,
                                                      Map<Long, DailyStat> hashrate) {
        double watts = 0;
        double mhs = 0;
        double reportedSum = 0;
        int reported = 0;
        int n = 0;
        for (EfficiencyDay d : log) {
            if (d.efficiencyWThs() == null) {
                continue;
            }
            n++;
            DailyStat p = minerPower.get(d.ts());
            DailyStat h = hashrate.get(d.ts());
            if (ratio(p, h) != null) {
                watts += p.mean();
                mhs += h.mean();
            } else {
                reportedSum += d.efficiencyWThs();
                reported++;
            }
        }
        if (n == 0) {
            return new EfficiencySummary(null, 0);
        }
        Double value = reported == 0 ? new Power(watts).per(new Hashrate(mhs))
                : mhs == 0 ? reportedSum / reported : null;
        if (value == null) {
            // some days measured, some only reported: the mean of the daily values
            value = log.stream().filter(d -> d.efficiencyWThs() != null)
                    .mapToDouble(EfficiencyDay::efficiencyWThs).average().orElse(0);
        }
        return new EfficiencySummary(Rounding.places(value, 2), n);
    }

    private static Double ratio(DailyStat power, DailyStat hashrate) {
        if (power == null || hashrate == null || power.mean() <= 0 || hashrate.mean() <= 0) {
            return null;
        }
        return new Power(power.mean()).per(new Hashrate(hashrate.mean()));
    }
}
