package io.miningos.gateway.adapters.ork.sim.stats;

import io.miningos.gateway.adapters.ork.sim.live.Alert;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * One field of a rack stat entry, as data: which things it counts ({@code when}), what it reads from each
 * ({@code value}), how it reduces them and, for the {@code group_*} ops, what it groups by. A rack's stats spec is a
 * list of these ({@link StatTable}, which also evaluates them); the ops are the real racks'. {@code V} is what the
 * table reads per thing at one tick (e.g. {@link MinerView}).
 */
public sealed interface StatDef<V> {

    /** The entry field this definition writes. */
    String field();

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
    }

    /** A {@code group_sum}/{@code group_avg}/{@code group_max}/{@code group_cnt} field; a null group is skipped. */
    record Grouped<V>(String field, Function<V, String> group, GroupOp op, Predicate<V> when,
                      ToDoubleFunction<V> value) implements StatDef<V> {
    }

    /** A {@code group} field: the value of the last thing of each key (one device per key). */
    record Keyed<V>(String field, Function<V, String> key, Predicate<V> when, Function<V, Object> value)
            implements StatDef<V> {
    }

    /**
     * {@code alerts_group_cnt}: current alerts per severity (missing severity counts as {@code medium}), plus a
     * {@code medium} for every thing {@code missingSnapshot} flags (the real-time pass counts an {@code error_snap}
     * alert for a thing the rack has no snapshot of).
     */
    record Alerts<V>(String field, Function<V, List<Alert>> alerts, Predicate<V> missingSnapshot)
            implements StatDef<V> {
    }
}
