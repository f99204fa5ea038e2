package io.miningos.gateway.adapters.ork.sim.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rack-side {@code groupRange} bucketing: fixed UTC-aligned windows of {@code <n>H}, {@code <n>D},
 * {@code <n>W} or {@code <n>M} (30 days). A bucket becomes one entry with {@code ts: "<start>-<end>"}; numbers are
 * summed (or averaged with {@code shouldCalculateAvg}), objects merged key by key with the same rule, other
 * values keep the first one.
 */
public final class GroupRange {
    private static final Pattern SPEC = Pattern.compile("(\\d+)([HDWM])");

    private GroupRange() {
    }

    /** Window length in ms, or -1 when the text is not a valid range. */
    public static long lengthMs(String range) {
        Matcher m = SPEC.matcher(range);
        if (!m.matches()) {
            return -1;
        }
        long n = Long.parseLong(m.group(1));
        if (n <= 0) {
            return -1;
        }
        long unit = switch (m.group(2)) {
            case "H" -> 3_600_000L;
            case "D" -> 86_400_000L;
            case "W" -> 7 * 86_400_000L;
            default -> 30 * 86_400_000L;
        };
        return n * unit;
    }

    /** Buckets entries (newest first in, newest first out). */
    public static List<Map<String, Object>> apply(List<Map<String, Object>> entries, long lengthMs, boolean average) {
        Map<Long, List<Map<String, Object>>> buckets = new LinkedHashMap<>();
        for (Map<String, Object> e : entries) {
            long ts = e.get("ts") instanceof Number n ? n.longValue() : 0;
            buckets.computeIfAbsent(Math.floorDiv(ts, lengthMs) * lengthMs, k -> new ArrayList<>()).add(e);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map.Entry<Long, List<Map<String, Object>>> b : buckets.entrySet()) {
            String ts = b.getKey() + "-" + (b.getKey() + lengthMs - 1);
            List<Map<String, Object>> group = b.getValue();
            Map<String, Object> merged = new LinkedHashMap<>();
            merged.put("ts", ts);
            if (group.size() == 1) {
                group.get(0).forEach((k, v) -> {
                    if (!k.equals("ts")) {
                        merged.put(k, v);
                    }
                });
            } else {
                combine(merged, group, average);
            }
            out.add(merged);
        }
        return out;
    }

    private static void combine(Map<String, Object> into, List<? extends Map<?, ?>> group, boolean average) {
        List<String> keys = new ArrayList<>();
        for (Map<?, ?> e : group) {
            for (Object k : e.keySet()) {
                String key = String.valueOf(k);
                if (!key.equals("ts") && !keys.contains(key)) {
                    keys.add(key);
                }
            }
        }
        for (String key : keys) {
            Object first = null;
            for (Map<?, ?> e : group) {
                if (e.containsKey(key)) {
                    first = e.get(key);
                    break;
                }
            }
            if (first instanceof Number) {
                double sum = 0;
                int n = 0;
                for (Map<?, ?> e : group) {
                    if (e.get(key) instanceof Number x) {
                        sum += x.doubleValue();
                        n++;
                    }
                }
                into.put(key, StatNumbers.clean(average && n > 0 ? sum / n : sum));
            } else if (first instanceof Map<?, ?>) {
                List<Map<?, ?>> parts = new ArrayList<>();
                for (Map<?, ?> e : group) {
                    if (e.get(key) instanceof Map<?, ?> m) {
                        parts.add(m);
                    }
                }
                Map<String, Object> sub = new LinkedHashMap<>();
                combine(sub, parts, average);
                sub.remove("ts");
                into.put(key, sub);
            } else {
                into.put(key, first);
            }
        }
    }
}
