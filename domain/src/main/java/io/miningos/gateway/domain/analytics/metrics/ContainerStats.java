package io.miningos.gateway.domain.analytics.metrics;

import io.miningos.gateway.domain.analytics.JsonView;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One container's brand-specific stats ({@code container_specific_stats_group_aggr}, e.g. Bitdeer
 * {@code cold_temp_c_1_group}, MicroBT {@code unit_inlet_temp_t2_group}) for {@code /auth/metrics/containers/:id}
 * and its history. The group object is keyed by container name; a container is found by its exact name, else by
 * the first key starting with it. Values are passed on as the container reported them.
 */
public final class ContainerStats {

    public static final String FIELD = "container_specific_stats_group_aggr";

    private ContainerStats() {
    }

    public record Point(long ts, Map<String, Object> stats) {
    }

    /** The container's stats object in one entry, or null. */
    public static JsonView pick(JsonView entry, String container) {
        JsonView group = entry.get(FIELD);
        JsonView exact = group.get(container);
        if (exact.isObject()) {
            return exact;
        }
        for (Map.Entry<String, JsonView> e : group.fields().entrySet()) {
            if (e.getKey().startsWith(container) && e.getValue().isObject()) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The container's points of every ORK, oldest first (points without its stats are left out). */
    public static List<Point> history(List<JsonView> answers, String container) {
        List<Point> out = new ArrayList<>();
        SeriesEntries.byTime(answers, false).forEach((ts, entries) -> {
            for (JsonView e : entries) {
                JsonView stats = pick(e, container);
                if (stats != null) {
                    out.add(new Point(ts, plain(stats)));
                    return;
                }
            }
        });
        return out;
    }

    /** The newest stats of the container among the answers' entries, or null. */
    public static Map<String, Object> latest(List<JsonView> answers, String container) {
        List<Point> points = history(answers, container);
        if (!points.isEmpty()) {
            return points.getLast().stats();
        }
        for (JsonView answer : answers) {
            for (JsonView e : answer.items()) {
                JsonView stats = pick(e, container); // stat entries without a ts (real-time records)
                if (stats != null) {
                    return plain(stats);
                }
            }
        }
        return null;
    }

    private static Map<String, Object> plain(JsonView stats) {
        Map<String, Object> out = new LinkedHashMap<>();
        stats.fields().forEach((k, v) -> out.put(k, v.raw()));
        return out;
    }
}
