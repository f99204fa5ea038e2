package io.miningos.gateway.adapters.ork.sim.stats;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sum of a run of one rack's stat entries (one tag, one log key), newest first: per field its total and in how
 * many entries it appeared; for a text field its newest and oldest value. Everything the ORK and the rack compute
 * over a range comes out of it: the rack's {@code groupRange} bucket (sums, or averages with
 * {@code shouldCalculateAvg}) and the ORK's {@code sum}/{@code avg}/{@code obj_concat} over many entries. Sums of
 * adjacent runs add up ({@link #plus}), so a week is seven day sums, never 2,016 entries.
 *
 * <p>Numbers are added as they come and rounded when written, where the step-by-step code rounds a running total
 * at every step: the last of the three decimals can differ.
 */
public final class EntrySum {

    private final EntryLayout layout;
    private int entries;
    private double[] sums;
    /** Per node: entries it appeared in (a number for number nodes). */
    private int[] counts;
    /** Per other-value node: the value in the newest and in the oldest entry holding it; null until needed. */
    private Object[] newest;
    private Object[] oldest;

    public EntrySum(EntryLayout layout) {
        this.layout = layout;
        int n = layout.size();
        this.sums = new double[n];
        this.counts = new int[n];
    }

    /** How many entries were added. */
    public int entries() {
        return entries;
    }

    /** Bytes its arrays hold (for the rollup store's budget). */
    long bytes() {
        return 48L + 12L * sums.length + (newest == null ? 0 : 8L * 2 * newest.length);
    }

    /** Adds the next (older) entry; its {@code ts} is not part of the sum. */
    public void add(Map<String, Object> entry) {
        entries++;
        addObject(-1, entry);
    }

    private void addObject(int parent, Map<?, ?> object) {
        for (Map.Entry<?, ?> e : object.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (parent < 0 && key.equals("ts")) {
                continue;
            }
            Object v = e.getValue();
            EntryLayout.Kind kind = v instanceof Map<?, ?> ? EntryLayout.Kind.OBJECT
                    : v instanceof Number ? EntryLayout.Kind.NUMBER : EntryLayout.Kind.OTHER;
            int node = layout.node(parent, key, kind);
            if (node < 0) {
                continue;
            }
            fit(node + 1);
            switch (v) {
                case Map<?, ?> m -> {
                    counts[node]++;
                    addObject(node, m);
                }
                case Number x -> {
                    counts[node]++;
                    sums[node] += x.doubleValue();
                }
                case null, default -> {
                    if (newest == null || newest.length < sums.length) {
                        newest = newest == null ? new Object[sums.length] : Arrays.copyOf(newest, sums.length);
                        oldest = oldest == null ? new Object[sums.length] : Arrays.copyOf(oldest, sums.length);
                    }
                    if (counts[node] == 0) {
                        newest[node] = v;
                    }
                    oldest[node] = v;
                    counts[node]++;
                }
            }
        }
    }

    private void fit(int size) {
        if (sums.length < size) {
            int n = Math.max(size, layout.size());
            sums = Arrays.copyOf(sums, n);
            counts = Arrays.copyOf(counts, n);
            if (newest != null) {
                newest = Arrays.copyOf(newest, n);
                oldest = Arrays.copyOf(oldest, n);
            }
        }
    }

    /** This run followed by an older one (same layout), as one run. Neither is changed. */
    public EntrySum plus(EntrySum older) {
        EntrySum out = new EntrySum(layout);
        out.fit(Math.max(sums.length, older.sums.length));
        out.entries = entries + older.entries;
        for (int i = 0; i < out.sums.length; i++) {
            out.sums[i] = at(sums, i) + at(older.sums, i);
            out.counts[i] = at(counts, i) + at(older.counts, i);
        }
        if (newest != null || older.newest != null) {
            out.newest = new Object[out.sums.length];
            out.oldest = new Object[out.sums.length];
            for (int i = 0; i < out.sums.length; i++) {
                boolean mine = at(counts, i) > 0;
                boolean theirs = at(older.counts, i) > 0;
                out.newest[i] = mine ? newest[i] : theirs ? older.newest[i] : null;
                out.oldest[i] = theirs ? older.oldest[i] : mine ? oldest[i] : null;
            }
        }
        return out;
    }

    private static double at(double[] a, int i) {
        return i < a.length ? a[i] : 0;
    }

    private static int at(int[] a, int i) {
        return i < a.length ? a[i] : 0;
    }

    /**
     * The run as one rack entry, as the rack's {@code groupRange} writes a bucket: {@code ts} first, numbers summed
     * (or averaged over the entries holding them), objects merged, other values the newest.
     */
    public Map<String, Object> bucket(Object ts, boolean average) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ts", ts);
        EntryLayout.View view = layout.view();
        Object[] maps = new Object[view.size()];
        for (int i = 0; i < view.size() && i < sums.length; i++) {
            if (counts[i] == 0) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> parent = view.parents()[i] < 0 ? out : (Map<String, Object>) maps[view.parents()[i]];
            if (parent == null) {
                continue;
            }
            switch (view.kinds()[i]) {
                case OBJECT -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    maps[i] = m;
                    parent.put(view.keys()[i], m);
                }
                case NUMBER -> parent.put(view.keys()[i], StatNumbers.clean(average ? sums[i] / counts[i] : sums[i]));
                case OTHER -> parent.put(view.keys()[i], newest[i]);
            }
        }
        for (Object v : out.values()) {
            if (v instanceof Map<?, ?> m) {
                sortKeys(m);
            }
        }
        return out;
    }

    /**
     * Orders an object's keys (and its objects' keys) alphabetically. The layout numbers group keys (statuses,
     * containers, alert severities) in the order any day first met them, and the background filling meets days in
     * another order than a read does: sorted, an answer does not depend on which of them came first.
     */
    @SuppressWarnings("unchecked")
    private static void sortKeys(Map<?, ?> object) {
        Map<String, Object> m = (Map<String, Object>) object;
        Map<String, Object> copy = new TreeMap<>(m);
        m.clear();
        copy.forEach((k, v) -> {
            if (v instanceof Map<?, ?> nested) {
                sortKeys(nested);
            }
            m.put(k, v);
        });
    }

    /** The total of a top-level number field (0 when absent). */
    public double sum(String field) {
        EntryLayout.View view = layout.view();
        for (int i = 0; i < view.size() && i < sums.length; i++) {
            if (view.parents()[i] < 0 && view.keys()[i].equals(field)) {
                return sums[i];
            }
        }
        return 0;
    }

    /**
     * Merges a top-level object field into {@code into} as the ORK's {@code obj_concat} does over every entry of the
     * run: numbers add up, objects merge, other values are the oldest (the last one merged).
     */
    public void mergeObject(String field, Map<String, Object> into) {
        EntryLayout.View view = layout.view();
        int root = -1;
        for (int i = 0; i < view.size() && i < sums.length; i++) {
            if (view.parents()[i] < 0 && view.keys()[i].equals(field)) {
                root = i;
                break;
            }
        }
        if (root < 0 || counts[root] == 0) {
            return;
        }
        Object[] maps = new Object[view.size()];
        maps[root] = into;
        for (int i = root + 1; i < view.size() && i < sums.length; i++) {
            int p = view.parents()[i];
            @SuppressWarnings("unchecked")
            Map<String, Object> parent = p < 0 ? null : (Map<String, Object>) maps[p];
            if (parent == null || counts[i] == 0) {
                continue;
            }
            String key = view.keys()[i];
            switch (view.kinds()[i]) {
                case OBJECT -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> m = parent.get(key) instanceof Map<?, ?> cur ? (Map<String, Object>) cur
                            : new LinkedHashMap<>();
                    parent.put(key, m);
                    maps[i] = m;
                }
                case NUMBER -> parent.put(key, StatNumbers.clean((parent.get(key) instanceof Number cur
                        ? cur.doubleValue() : 0) + sums[i]));
                case OTHER -> parent.put(key, oldest[i]);
            }
        }
        sortKeys(into);
    }
}
