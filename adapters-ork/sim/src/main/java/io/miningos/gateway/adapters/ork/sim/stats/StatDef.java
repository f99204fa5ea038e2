package io.miningos.gateway.adapters.ork.sim.stats;

import io.miningos.gateway.adapters.ork.sim.live.Alert;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * One field of a rack stat entry, as data: which things it counts ({@code when}), what it reads from each
 * ({@code value}), how it reduces them and, for the {@code group_*} ops, what it groups by. A rack's stats spec is a
 * list of these ({@link StatTable}); the ops are the real racks'. {@code V} is what the table reads
 * per thing at one tick (e.g. {@link MinerView}).
 */
public sealed interface StatDef<V> {

    /** The entry field this definition writes. */
    String field();

    /** A fresh accumulator for one entry. */
    Accumulator<V> start();

    /** Takes the things of one entry one by one, then gives the field's value. */
    interface Accumulator<V> {
        void add(V thing);

        /** The field's value; {@code count} is the number of things in the entry's scope. */
        Object result(int count);
    }

    /** How a scalar field reduces its things. */
    enum Reduce {
        /** sum of the values; missing counts as 0 */
        SUM,
        /** sum divided by every thing in scope (missing counts as 0 and is still counted) */
        AVG,
        /** {@link #AVG} rounded down (uptime) */
        AVG_FLOOR,
        /** things passing {@code when}, as a whole number */
        COUNT
    }

    /** How a {@code group_*} field reduces each group. */
    enum GroupOp {
        SUM, AVG, MAX, COUNT
    }

    /**
     * A scalar field: {@code sum}, {@code avg} or {@code cnt} over the things passing {@code when}; {@code finish}
     * is applied to a sum before it is written (e.g. rounding a meter total).
     */
    record Scalar<V>(String field, Reduce reduce, Predicate<V> when, ToDoubleFunction<V> value,
                     DoubleUnaryOperator finish) implements StatDef<V> {

        @Override
        public Accumulator<V> start() {
            return new Accumulator<>() {
                private double sum;
                private long passed;

                @Override
                public void add(V thing) {
                    if (when.test(thing)) {
                        passed++;
                        if (reduce != Reduce.COUNT) {
                            sum += value.applyAsDouble(thing);
                        }
                    }
                }

                @Override
                public Object result(int count) {
                    return switch (reduce) {
                        case SUM -> StatNumbers.clean(finish.applyAsDouble(sum));
                        case AVG -> StatNumbers.clean(count == 0 ? 0 : sum / count);
                        case AVG_FLOOR -> StatNumbers.clean(count == 0 ? 0 : Math.floor(sum / count));
                        case COUNT -> passed;
                    };
                }
            };
        }
    }

    /** A {@code group_sum}/{@code group_avg}/{@code group_max}/{@code group_cnt} field; a null group is skipped. */
    record Grouped<V>(String field, Function<V, String> group, GroupOp op, Predicate<V> when,
                      ToDoubleFunction<V> value) implements StatDef<V> {

        @Override
        public Accumulator<V> start() {
            return new Accumulator<>() {
                private final GroupStat groups = new GroupStat();

                @Override
                public void add(V thing) {
                    if (when.test(thing)) {
                        groups.add(group.apply(thing), op == GroupOp.COUNT ? 1 : value.applyAsDouble(thing));
                    }
                }

                @Override
                public Object result(int count) {
                    return switch (op) {
                        case SUM -> groups.sums();
                        case AVG -> groups.avgs();
                        case MAX -> groups.maxes();
                        case COUNT -> groups.counts();
                    };
                }
            };
        }
    }

    /** A {@code group} field: the value of the last thing of each key (one device per key). */
    record Keyed<V>(String field, Function<V, String> key, Predicate<V> when, Function<V, Object> value)
            implements StatDef<V> {

        @Override
        public Accumulator<V> start() {
            return new Accumulator<>() {
                private final Map<String, Object> values = new LinkedHashMap<>();

                @Override
                public void add(V thing) {
                    if (when.test(thing)) {
                        values.put(key.apply(thing), value.apply(thing));
                    }
                }

                @Override
                public Object result(int count) {
                    return values;
                }
            };
        }
    }

    /**
     * {@code alerts_group_cnt}: current alerts per severity (missing severity counts as {@code medium}), plus a
     * {@code medium} for every thing {@code missingSnapshot} flags (the real-time pass counts an {@code error_snap}
     * alert for a thing the rack has no snapshot of).
     */
    record Alerts<V>(String field, Function<V, List<Alert>> alerts, Predicate<V> missingSnapshot)
            implements StatDef<V> {

        @Override
        public Accumulator<V> start() {
            return new Accumulator<>() {
                private final Map<String, long[]> bySeverity = new LinkedHashMap<>();

                @Override
                public void add(V thing) {
                    if (missingSnapshot.test(thing)) {
                        bySeverity.computeIfAbsent("medium", k -> new long[1])[0]++;
                    }
                    List<Alert> current = alerts.apply(thing);
                    if (current != null) {
                        for (Alert a : current) {
                            bySeverity.computeIfAbsent(a.severity() == null ? "medium" : a.severity(),
                                    k -> new long[1])[0]++;
                        }
                    }
                }

                @Override
                public Object result(int count) {
                    Map<String, Object> out = new LinkedHashMap<>();
                    bySeverity.forEach((k, v) -> out.put(k, v[0]));
                    return out;
                }
            };
        }
    }
}
