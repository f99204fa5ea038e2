package io.miningos.gateway.adapters.ork.sim.stats;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ORK-level reduction of a group of rack entries with an {@link AggregationSpec}: {@code sum} adds,
 * {@code avg} is the unweighted mean over entries (missing = 0), {@code obj_concat} merges objects adding numbers,
 * {@code arr_concat} concatenates, {@code alerts_aggr} adds per-severity counts.
 *
 * <p>Where the real ORK concatenates strings inside {@code obj_concat} ("running" + "running"), this keeps the
 * latest value instead: no client reads those concatenations and they grow without bound over long ranges.
 */
public final class Aggregator {

    private Aggregator() {
    }

    /** Reduces {@code entries} with every op of {@code spec}; input maps are not modified. */
    public static Map<String, Object> reduce(Map<String, AggregationSpec.Op> spec, List<Map<String, Object>> entries) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, AggregationSpec.Op> f : spec.entrySet()) {
            out.put(f.getKey(), reduce(f.getValue(), entries));
        }
        return out;
    }

    private static Object reduce(AggregationSpec.Op op, List<Map<String, Object>> entries) {
        String src = op.src();
        switch (op.op()) {
            case "sum" -> {
                double sum = 0;
                for (Map<String, Object> e : entries) {
                    sum += StatNumbers.of(e.get(src));
                }
                return StatNumbers.clean(sum);
            }
            case "avg" -> {
                double sum = 0;
                for (Map<String, Object> e : entries) {
                    sum += StatNumbers.of(e.get(src));
                }
                return StatNumbers.clean(entries.isEmpty() ? 0 : sum / entries.size());
            }
            case "obj_concat", "alerts_aggr" -> {
                Map<String, Object> merged = new LinkedHashMap<>();
                for (Map<String, Object> e : entries) {
                    if (e.get(src) instanceof Map<?, ?> m) {
                        mergeInto(merged, m);
                    }
                }
                return inKeyOrder(merged);
            }
            case "arr_concat" -> {
                List<Object> all = new ArrayList<>();
                for (Map<String, Object> e : entries) {
                    Object v = e.get(src);
                    if (v instanceof List<?> l) {
                        all.addAll(l);
                    } else if (v != null) {
                        all.add(v);
                    }
                }
                return all;
            }
            default -> throw new IllegalStateException("unknown aggregation op " + op.op());
        }
    }

    /**
     * A merged object with its keys sorted, at every depth: the order the keys were first met in depends on which
     * entries were summed first (the day sums are filled on a thread of their own), and an answer must not.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> inKeyOrder(Map<String, Object> merged) {
        Map<String, Object> sorted = new LinkedHashMap<>();
        merged.keySet().stream().sorted().forEach(key -> {
            Object value = merged.get(key);
            sorted.put(key, value instanceof Map<?, ?> m ? inKeyOrder((Map<String, Object>) m) : value);
        });
        return sorted;
    }

    /** Merges {@code from} into {@code into}: numbers add, objects merge recursively, anything else replaces. */
    @SuppressWarnings("unchecked")
    public static void mergeInto(Map<String, Object> into, Map<?, ?> from) {
        for (Map.Entry<?, ?> e : from.entrySet()) {
            String key = String.valueOf(e.getKey());
            Object v = e.getValue();
            Object cur = into.get(key);
            if (cur instanceof Number a && v instanceof Number b) {
                into.put(key, StatNumbers.clean(a.doubleValue() + b.doubleValue()));
            } else if (cur instanceof Map<?, ?> a && v instanceof Map<?, ?> b) {
                Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) a);
                mergeInto(copy, b);
                into.put(key, copy);
            } else if (v instanceof Map<?, ?> b) {
                Map<String, Object> copy = new LinkedHashMap<>();
                mergeInto(copy, b);
                into.put(key, copy);
            } else {
                into.put(key, v);
            }
        }
    }

    /** Number of distinct {@code ts} among entries that carry more than a {@code ts}. */
    public static int intervals(List<Map<String, Object>> entries) {
        Set<Object> ts = new HashSet<>();
        for (Map<String, Object> e : entries) {
            if (e.size() > (e.containsKey("ts") ? 1 : 0)) {
                ts.add(e.get("ts"));
            }
        }
        return ts.size();
    }
}
