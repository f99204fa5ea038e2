package io.miningos.gateway.adapters.ork.sim.site;

import java.util.ArrayList;
import java.util.List;

/**
 * A value that changed at known instants (by actions), so the value at any past or present instant can be read
 * back: history and live reads agree. Changes are appended in time order; only the newest few are kept, which
 * bounds memory while covering the ranges anyone looks at.
 */
public final class Timeline<T> {

    private static final int KEEP = 64;

    private final T initial;
    private final List<Long> times = new ArrayList<>();
    private final List<T> values = new ArrayList<>();
    /** Most timelines never change: reading those takes no lock. */
    private volatile boolean changed;

    public Timeline(T initial) {
        this.initial = initial;
    }

    /** Records that the value becomes {@code value} at {@code ts} (ignored if earlier than the last change). */
    public synchronized void set(long ts, T value) {
        if (!times.isEmpty() && ts < times.get(times.size() - 1)) {
            ts = times.get(times.size() - 1);
        }
        times.add(ts);
        values.add(value);
        changed = true;
        if (times.size() > KEEP) {
            times.remove(0);
            values.remove(0);
        }
    }

    public T at(long ts) {
        return changed ? valueAt(ts) : initial;
    }

    private synchronized T valueAt(long ts) {
        for (int i = times.size() - 1; i >= 0; i--) {
            if (times.get(i) <= ts) {
                return values.get(i);
            }
        }
        return initial;
    }

    /** The instant of the last change at or before {@code ts}, or {@link Long#MIN_VALUE}. */
    public synchronized long changedAt(long ts) {
        for (int i = times.size() - 1; i >= 0; i--) {
            if (times.get(i) <= ts) {
                return times.get(i);
            }
        }
        return Long.MIN_VALUE;
    }
}
