package io.miningos.gateway.adapters.ork.sim.stats;

import io.miningos.gateway.adapters.ork.sim.site.Noise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * A rack's stats spec: its {@link StatDef}s in entry order. {@link #evaluate} reduces the things of one entry into
 * the entry's fields. Built with the small vocabulary below, so a table reads like the real rack's spec.
 */
public final class StatTable<V> {

    private final List<StatDef<V>> defs;

    private StatTable(List<StatDef<V>> defs) {
        this.defs = List.copyOf(defs);
    }

    /** The fields, in entry order. */
    public List<StatDef<V>> defs() {
        return defs;
    }

    /** The entry fields over {@code things} (those in the tag's scope at the tick), in table order. */
    public Map<String, Object> evaluate(List<V> things) {
        List<StatDef.Accumulator<V>> accumulators = new ArrayList<>(defs.size());
        for (StatDef<V> def : defs) {
            accumulators.add(def.start());
        }
        for (V thing : things) {
            for (StatDef.Accumulator<V> a : accumulators) {
                a.add(thing);
            }
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        for (int i = 0; i < defs.size(); i++) {
            entry.put(defs.get(i).field(), accumulators.get(i).result(things.size()));
        }
        return entry;
    }

    public static <V> Builder<V> builder() {
        return new Builder<>();
    }

    /** Adds definitions in entry order. */
    public static final class Builder<V> {
        private final List<StatDef<V>> defs = new ArrayList<>();

        public Builder<V> add(StatDef<V> def) {
            defs.add(def);
            return this;
        }

        public Builder<V> addAll(StatTable<V> other) {
            defs.addAll(other.defs);
            return this;
        }

        public Builder<V> sum(String field, ToDoubleFunction<V> value) {
            return sum(field, always(), value);
        }

        public Builder<V> sum(String field, Predicate<V> when, ToDoubleFunction<V> value) {
            return add(new StatDef.Scalar<>(field, StatDef.Reduce.SUM, when, value, DoubleUnaryOperator.identity()));
        }

        /** A sum rounded to {@code decimals} before it is written. */
        public Builder<V> roundedSum(String field, int decimals, Predicate<V> when, ToDoubleFunction<V> value) {
            return add(new StatDef.Scalar<>(field, StatDef.Reduce.SUM, when, value, v -> Noise.round(v, decimals)));
        }

        public Builder<V> avg(String field, ToDoubleFunction<V> value) {
            return add(new StatDef.Scalar<>(field, StatDef.Reduce.AVG, always(), value,
                    DoubleUnaryOperator.identity()));
        }

        public Builder<V> avgFloor(String field, ToDoubleFunction<V> value) {
            return add(new StatDef.Scalar<>(field, StatDef.Reduce.AVG_FLOOR, always(), value,
                    DoubleUnaryOperator.identity()));
        }

        public Builder<V> count(String field, Predicate<V> when) {
            return add(new StatDef.Scalar<>(field, StatDef.Reduce.COUNT, when, t -> 1,
                    DoubleUnaryOperator.identity()));
        }

        public Builder<V> group(String field, Function<V, String> group, StatDef.GroupOp op,
                                ToDoubleFunction<V> value) {
            return group(field, group, op, always(), value);
        }

        public Builder<V> group(String field, Function<V, String> group, StatDef.GroupOp op, Predicate<V> when,
                                ToDoubleFunction<V> value) {
            return add(new StatDef.Grouped<>(field, group, op, when, value));
        }

        public Builder<V> groupCount(String field, Function<V, String> group, Predicate<V> when) {
            return add(new StatDef.Grouped<>(field, group, StatDef.GroupOp.COUNT, when, t -> 1));
        }

        public Builder<V> keyed(String field, Function<V, String> key, Predicate<V> when, Function<V, Object> value) {
            return add(new StatDef.Keyed<>(field, key, when, value));
        }

        public StatTable<V> build() {
            return new StatTable<>(defs);
        }
    }

    /** Every thing. */
    public static <V> Predicate<V> always() {
        return t -> true;
    }

    /** No thing (a field the real spec has but no simulated device ever meets, e.g. status {@code not_mining}). */
    public static <V> Predicate<V> never() {
        return t -> false;
    }
}
