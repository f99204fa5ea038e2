package io.miningos.gateway.domain.analytics.metrics;

import io.miningos.gateway.domain.analytics.JsonView;
import io.miningos.gateway.domain.analytics.NaturalText;
import io.miningos.gateway.domain.analytics.Rounding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Miner temperatures per container over time ({@code /auth/metrics/temperature}) from {@code stat-3h}'s
 * {@code temperature_c_group_max_aggr} (hottest chip per container) and {@code temperature_c_group_avg_aggr}
 * (mean chip temperature per container), in °C with 1 decimal. Per point: the site's max is the hottest
 * container's, the site's mean the mean of the containers' means.
 */
public final class TemperatureSeries {

    public static final List<String> FIELDS = List.of("temperature_c_group_max_aggr", "temperature_c_group_avg_aggr");

    private TemperatureSeries() {
    }

    public record Reading(Double maxC, Double avgC) {
    }

    public record Point(long ts, Map<String, Reading> containers, Double siteMaxC, Double siteAvgC) {
    }

    /** Means over the points of the site max and mean, and the highest site max. */
    public record Summary(Double avgMaxTemp, Double avgAvgTemp, Double peakTemp) {
    }

    /** @param container only this container, or null for all */
    public static List<Point> read(List<JsonView> answers, MetricInterval interval, String container) {
        List<Point> out = new ArrayList<>();
        SeriesEntries.byTime(answers, interval.groupRange() != null).forEach((ts, entries) -> {
            Map<String, double[]> acc = new TreeMap<>(NaturalText.ORDER); // max, avg sum, avg count
            for (JsonView e : entries) {
                JsonView avgs = e.get("temperature_c_group_avg_aggr");
                e.get("temperature_c_group_max_aggr").fields().forEach((name, max) -> {
                    Double m = max.asDouble();
                    if (m == null || container != null && !container.equals(name)) {
                        return;
                    }
                    double[] a = acc.computeIfAbsent(name, k -> new double[]{Double.NEGATIVE_INFINITY, 0, 0});
                    a[0] = Math.max(a[0], m);
                    Double avg = avgs.get(name).asDouble();
                    if (avg != null) {
                        a[1] += avg;
                        a[2]++;
                    }
                });
            }
            Map<String, Reading> containers = new LinkedHashMap<>();
            Double siteMax = null;
            double avgSum = 0;
            int avgCount = 0;
            for (Map.Entry<String, double[]> c : acc.entrySet()) {
                double[] a = c.getValue();
                Double avg = a[2] == 0 ? null : a[1] / a[2];
                containers.put(c.getKey(), new Reading(Rounding.places(a[0], 1), Rounding.places(avg, 1)));
                siteMax = siteMax == null ? a[0] : Math.max(siteMax, a[0]);
                if (avg != null) {
                    avgSum += avg;
                    avgCount++;
                }
            }
            out.add(new Point(ts, containers, Rounding.places(siteMax, 1),
                    avgCount == 0 ? null : Rounding.places(avgSum / avgCount, 1)));
        });
        return out;
    }

    public static Summary summary(List<Point> points) {
        double maxSum = 0;
        int maxCount = 0;
        double avgSum = 0;
        int avgCount = 0;
        Double peak = null;
        for (Point p : points) {
            if (p.siteMaxC() != null) {
                maxSum += p.siteMaxC();
                maxCount++;
                peak = peak == null ? p.siteMaxC() : Math.max(peak, p.siteMaxC());
            }
            if (p.siteAvgC() != null) {
                avgSum += p.siteAvgC();
                avgCount++;
            }
        }
        return new Summary(maxCount == 0 ? null : Rounding.places(maxSum / maxCount, 1),
                avgCount == 0 ? null : Rounding.places(avgSum / avgCount, 1), peak);
    }
}
