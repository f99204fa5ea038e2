package io.miningos.gateway.domain.analytics.metrics;

import io.miningos.gateway.domain.analytics.JsonView;
import io.miningos.gateway.domain.analytics.UtcCalendar;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The entries of {@code tailLog} answers (per ORK an array of aggregated entries) grouped by their time: an
 * entry's {@code ts} is a number, or {@code "<start>-<end>"} when the racks bucketed with {@code groupRange}
 * (the start counts; with {@code byDay} it is floored to its UTC day). Entries without a usable time are
 * skipped. The result lists, per time in ascending order, the entries of every ORK in ORK order.
 */
final class SeriesEntries {

    private SeriesEntries() {
    }

    static Map<Long, List<JsonView>> byTime(List<JsonView> answers, boolean byDay) {
        Map<Long, List<JsonView>> out = new TreeMap<>();
        for (JsonView answer : answers) {
            for (JsonView entry : answer.items()) {
                Long ts = entry.get("ts").asEpochMillis();
                if (ts != null && entry.isObject()) {
                    out.computeIfAbsent(byDay ? UtcCalendar.dayStart(ts) : ts, t -> new ArrayList<>()).add(entry);
                }
            }
        }
        return out;
    }

    /** Σ of the numeric values of an object field ({@code {group: n}}), 0 for anything else. */
    static double sumOfValues(JsonView group) {
        double sum = 0;
        for (JsonView v : group.fields().values()) {
            Double d = v.asDouble();
            if (d != null && d > 0) {
                sum += d;
            }
        }
        return sum;
    }
}
