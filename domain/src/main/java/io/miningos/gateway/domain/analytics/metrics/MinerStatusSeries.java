package io.miningos.gateway.domain.analytics.metrics;

import io.miningos.gateway.domain.analytics.JsonView;
import io.miningos.gateway.domain.analytics.Rounding;

import java.util.ArrayList;
import java.util.List;

/**
 * Miners by state per day ({@code /auth/metrics/miner-status}): a {@code tailLog} of {@code stat-3h} bucketed by
 * UTC day and averaged ({@code groupRange: "1D", shouldCalculateAvg: true}), so counts are the day's mean of the
 * 3-hourly counts (2 decimals), added up over the ORKs. {@code type_cnt} counts every miner with a snapshot
 * outside maintenance, so <b>online</b> = that − offline − sleeping − error − not mining (the Node gateway also
 * subtracted maintenance, which {@code type_cnt} already leaves out, and counted miners in error as online).
 */
public final class MinerStatusSeries {

    /** The {@code aggrFields} of the request. */
    public static final List<String> FIELDS = List.of("type_cnt", "offline_cnt", "power_mode_sleep_cnt",
            "error_cnt", "not_mining_cnt", "maintenance_type_cnt");

    private MinerStatusSeries() {
    }

    public record Day(long ts, double online, double offline, double sleep, double error, double notMining,
                      double maintenance) {
    }

    /** Means over the days; all null with no days. */
    public record Summary(Double avgOnline, Double avgOffline, Double avgSleep, Double avgError,
                          Double avgNotMining, Double avgMaintenance) {
    }

    public static List<Day> read(List<JsonView> answers) {
        List<Day> out = new ArrayList<>();
        SeriesEntries.byTime(answers, true).forEach((day, entries) -> {
            double total = 0;
            double offline = 0;
            double sleep = 0;
            double error = 0;
            double notMining = 0;
            double maintenance = 0;
            for (JsonView e : entries) {
                total += SeriesEntries.sumOfValues(e.get("type_cnt"));
                offline += SeriesEntries.sumOfValues(e.get("offline_cnt"));
                sleep += SeriesEntries.sumOfValues(e.get("power_mode_sleep_cnt"));
                error += SeriesEntries.sumOfValues(e.get("error_cnt"));
                notMining += SeriesEntries.sumOfValues(e.get("not_mining_cnt"));
                maintenance += SeriesEntries.sumOfValues(e.get("maintenance_type_cnt"));
            }
            double online = Math.max(0, total - offline - sleep - error - notMining);
            out.add(new Day(day, r(online), r(offline), r(sleep), r(error), r(notMining), r(maintenance)));
        });
        return out;
    }

    public static Summary summary(List<Day> days) {
        if (days.isEmpty()) {
            return new Summary(null, null, null, null, null, null);
        }
        double[] s = new double[6];
        for (Day d : days) {
            s[0] += d.online();
            s[1] += d.offline();
            s[2] += d.sleep();
            s[3] += d.error();
            s[4] += d.notMining();
            s[5] += d.maintenance();
        }
        int n = days.size();
        return new Summary(r(s[0] / n), r(s[1] / n), r(s[2] / n), r(s[3] / n), r(s[4] / n), r(s[5] / n));
    }

    private static double r(double v) {
        return Rounding.places(v, 2);
    }
}
