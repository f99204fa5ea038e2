package io.miningos.gateway.adapters.ork.sim.stats;

import io.miningos.gateway.adapters.ork.sim.live.Alert;
import io.miningos.gateway.adapters.ork.sim.site.Noise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * A rack's stats spec: its {@link StatDef}s in entry order. {@link #evaluate} reduces the things of one entry into
 * the entry's fields, reading each thing once per distinct accumulation (a group's sum and average, or the "1m" and
 * "5m" copies of a field, share one). Built with the small vocabulary below, so a table reads like the real rack's
 * spec.
 */
public final class StatTable<V> {

    private final List<StatDef<V>> defs;
    /** What is accumulated per thing, once for every definition that reads the same things the same way. */
    private final List<Slot<V>> slots = new ArrayList<>();
    /** Per definition (in table order), the index of its slot. */
    private final int[] slotOf;

    private StatTable(List<StatDef<V>> defs) {
        this.defs = List.copyOf(defs);
        this.slotOf = new int[defs.size()];
        Map<List<Object>, Integer> byKey = new HashMap<>();
        for (int i = 0; i < defs.size(); i++) {
            Slot<V> slot = Slot.of(defs.get(i));
            slotOf[i] = byKey.computeIfAbsent(slot.key(), k -> {
                slots.add(slot);
                return slots.size() - 1;
            });
        }
    }

    /** The fields, in entry order. */
    public List<StatDef<V>> defs() {
        return defs;
    }

    /** The entry fields over {@code things} (those in the tag's scope at the tick), in table order. */
    public Map<String, Object> evaluate(List<V> things) {
        Accumulator<?>[] accumulators = new Accumulator<?>[slots.size()];
        for (int i = 0; i < accumulators.length; i++) {
            accumulators[i] = slots.get(i).start();
        }
        for (V thing : things) {
            for (Accumulator<?> a : accumulators) {
                add(a, thing);
            }
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        for (int i = 0; i < defs.size(); i++) {
            entry.put(defs.get(i).field(), result(defs.get(i), accumulators[slotOf[i]], things.size()));
        }
        return entry;
    }

    @SuppressWarnings("unchecked")
    private static <V> void add(Accumulator<?> a, V thing) {
        ((Accumulator<V>) a).add(thing);
    }

    private static Object result(StatDef<?> def, Accumulator<?> a, int count) {
        return switch (def) {
            case StatDef.Scalar<?> s -> {
                Sums<?> sums = (Sums<?>) a;
                yield switch (s.reduce()) {
                    case SUM -> StatNumbers.clean(s.finish().applyAsDouble(sums.sum));
                    case AVG -> StatNumbers.clean(count == 0 ? 0 : sums.sum / count);
                    case AVG_FLOOR -> StatNumbers.clean(count == 0 ? 0 : Math.floor(sums.sum / count));
                    case COUNT -> sums.passed;
                };
            }
            case StatDef.Grouped<?> g -> {
                GroupStat groups = ((Groups<?>) a).groups;
                yield switch (g.op()) {
                    case SUM -> groups.sums();
                    case AVG -> groups.avgs();
                    case MAX -> groups.maxes();
                    case COUNT -> groups.counts();
                };
            }
            case StatDef.Keyed<?> k -> ((Values<?>) a).values;
            case StatDef.Alerts<?> al -> ((Severities<?>) a).result();
        };
    }

    /** Takes the things of one entry one by one. */
    private interface Accumulator<V> {
        void add(V thing);
    }

    /**
     * One accumulation: definitions with the same things, values and grouping (e.g. a group's sum and average)
     * share it. {@code key} tells equal slots apart by the identity of their functions.
     */
    private record Slot<V>(List<Object> key, Supplier<Accumulator<V>> starter) {
        Accumulator<V> start() {
            return starter.get();
        }

        static <V> Slot<V> of(StatDef<V> def) {
            return switch (def) {
                case StatDef.Scalar<V> s -> {
                    ToDoubleFunction<V> value = s.reduce() == StatDef.Reduce.COUNT ? null : s.value();
                    yield new Slot<>(Arrays.asList("scalar", s.when(), value), () -> new Sums<>(s.when(), value));
                }
                case StatDef.Grouped<V> g -> {
                    ToDoubleFunction<V> value = g.op() == StatDef.GroupOp.COUNT ? t -> 1 : g.value();
                    yield new Slot<>(Arrays.asList("group", g.group(), g.when(),
                            g.op() == StatDef.GroupOp.COUNT ? null : g.value()),
                            () -> new Groups<>(g.group(), g.when(), value));
                }
                case StatDef.Keyed<V> k -> new Slot<>(List.of(k), () -> new Values<>(k));
                case StatDef.Alerts<V> al -> new Slot<>(List.of(al), () -> new Severities<>(al));
            };
        }
    }

    private static final class Sums<V> implements Accumulator<V> {
        private final Predicate<V> when;
        private final ToDoubleFunction<V> value;
        double sum;
        long passed;

        Sums(Predicate<V> when, ToDoubleFunction<V> value) {
            this.when = when;
            this.value = value;
        }

        @Override
        public void add(V thing) {
            if (when.test(thing)) {
                passed++;
                if (value != null) {
                    sum += value.applyAsDouble(thing);
                }
            }
        }
    }

    private static final class Groups<V> implements Accumulator<V> {
        private final Function<V, String> group;
        private final Predicate<V> when;
        private final ToDoubleFunction<V> value;
        final GroupStat groups = new GroupStat();

        Groups(Function<V, String> group, Predicate<V> when, ToDoubleFunction<V> value) {
            this.group = group;
            this.when = when;
            this.value = value;
        }

        @Override
        public void add(V thing) {
            if (when.test(thing)) {
                groups.add(group.apply(thing), value.applyAsDouble(thing));
            }
        }
    }

    private static final class Values<V> implements Accumulator<V> {
        private final StatDef.Keyed<V> def;
        final Map<String, Object> values = new LinkedHashMap<>();

        Values(StatDef.Keyed<V> def) {
            this.def = def;
        }

        @Override
        public void add(V thing) {
            if (def.when().test(thing)) {
                values.put(def.key().apply(thing), def.value().apply(thing));
            }
        }
    }

    private static final class Severities<V> implements Accumulator<V> {
        private final StatDef.Alerts<V> def;
        private final Map<String, long[]> bySeverity = new LinkedHashMap<>();

        Severities(StatDef.Alerts<V> def) {
            this.def = def;
        }

        @Override
        public void add(V thing) {
            if (def.missingSnapshot().test(thing)) {
                bySeverity.computeIfAbsent("medium", k -> new long[1])[0]++;
            }
            List<Alert> current = def.alerts().apply(thing);
            if (current != null) {
                for (Alert a : current) {
                    bySeverity.computeIfAbsent(a.severity() == null ? "medium" : a.severity(), k -> new long[1])[0]++;
                }
            }
        }

        Map<String, Object> result() {
            Map<String, Object> out = new LinkedHashMap<>();
            bySeverity.forEach((k, v) -> out.put(k, v[0]));
            return out;
        }
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
            return add(new StatDef.Scalar<>(field, StatDef.Reduce.COUNT, when, null, DoubleUnaryOperator.identity()));
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
            return add(new StatDef.Grouped<>(field, group, StatDef.GroupOp.COUNT, when, null));
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
