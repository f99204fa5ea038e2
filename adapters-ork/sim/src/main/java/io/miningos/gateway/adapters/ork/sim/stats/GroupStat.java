package io.miningos.gateway.adapters.ork.sim.stats;

import java.util.LinkedHashMap;
import java.util.Map;

/** A per-group accumulator for the {@code group_sum}, {@code group_avg}, {@code group_max}, {@code group_cnt} ops. */
final class GroupStat {
    private final Map<String, double[]> groups = new LinkedHashMap<>();
    /** Things of one container (and type, and PDU) come one after another in a rack: skip the lookup for them. */
    private String lastGroup;
    private double[] lastAcc;

    /** Adds a value to a group; a null group key is skipped, as racks skip things without the key. */
    void add(String group, double value) {
        if (group == null) {
            return;
        }
        double[] acc;
        if (group.equals(lastGroup)) {
            acc = lastAcc;
        } else {
            acc = groups.computeIfAbsent(group, k -> new double[]{0, 0, Double.NEGATIVE_INFINITY});
            lastGroup = group;
            lastAcc = acc;
        }
        acc[0] += value;
        acc[1] += 1;
        acc[2] = Math.max(acc[2], value);
    }

    /** Counts one thing in a group. */
    void count(String group) {
        add(group, 1);
    }

    Map<String, Object> sums() {
        Map<String, Object> out = new LinkedHashMap<>();
        groups.forEach((k, v) -> out.put(k, StatNumbers.clean(v[0])));
        return out;
    }

    Map<String, Object> avgs() {
        Map<String, Object> out = new LinkedHashMap<>();
        groups.forEach((k, v) -> out.put(k, StatNumbers.clean(v[0] / v[1])));
        return out;
    }

    Map<String, Object> maxes() {
        Map<String, Object> out = new LinkedHashMap<>();
        groups.forEach((k, v) -> out.put(k, StatNumbers.clean(v[2])));
        return out;
    }

    Map<String, Object> counts() {
        Map<String, Object> out = new LinkedHashMap<>();
        groups.forEach((k, v) -> out.put(k, (long) v[1]));
        return out;
    }
}
