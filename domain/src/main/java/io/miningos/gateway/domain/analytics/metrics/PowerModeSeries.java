package io.miningos.gateway.domain.analytics.metrics;

import io.miningos.gateway.domain.analytics.JsonView;
import io.miningos.gateway.domain.analytics.Rounding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Miners per power-mode category over time ({@code /auth/metrics/power-mode}) from the per-miner
 * {@code power_mode_group_aggr} and {@code status_group_aggr} (keyed {@code <container>-<pos>}; produced by racks
 * that report per-device values, docs/ORK.md §4.2). A miner's category: its status when that says it is not mining
 * ({@code offline}, {@code error}, {@code maintenance}, {@code notMining} for idle/stopped/not_mining,
 * {@code sleep} for sleeping), else its power mode ({@code low}, {@code normal}, {@code high}, {@code sleep}),
 * else {@code unknown} (the Node gateway made up a category per unknown mode). Points of the same time from several
 * ORKs are added up.
 */
public final class PowerModeSeries {

    public static final List<String> CATEGORIES = List.of("low", "normal", "high", "sleep", "offline", "notMining",
            "maintenance", "error", "unknown");
    public static final List<String> FIELDS = List.of("power_mode_group_aggr", "status_group_aggr");

    private PowerModeSeries() {
    }

    /** Counts per category, every category present. */
    public record Point(long ts, Map<String, Integer> counts) {
    }

    public static List<Point> read(List<JsonView> answers, MetricInterval interval) {
        List<Point> out = new ArrayList<>();
        SeriesEntries.byTime(answers, interval.groupRange() != null).forEach((ts, entries) -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            CATEGORIES.forEach(c -> counts.put(c, 0));
            for (JsonView e : entries) {
                JsonView statuses = e.get("status_group_aggr");
                e.get("power_mode_group_aggr").fields().forEach((miner, mode) ->
                        counts.merge(category(mode.asText(), statuses.get(miner).asText()), 1, Integer::sum));
            }
            out.add(new Point(ts, counts));
        });
        return out;
    }

    static String category(String mode, String status) {
        String s = status == null ? "" : status;
        return switch (s) {
            case "offline" -> "offline";
            case "error" -> "error";
            case "maintenance" -> "maintenance";
            case "idle", "stopped", "not_mining" -> "notMining";
            case "sleeping" -> "sleep";
            default -> mode != null && List.of("low", "normal", "high", "sleep").contains(mode) ? mode : "unknown";
        };
    }

    /** Category → mean count over the points (2 decimals); null with no points. */
    public static Map<String, Double> summary(List<Point> points) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String c : CATEGORIES) {
            double sum = 0;
            for (Point p : points) {
                sum += p.counts().get(c);
            }
            out.put(c, points.isEmpty() ? null : Rounding.places(sum / points.size(), 2));
        }
        return out;
    }
}
