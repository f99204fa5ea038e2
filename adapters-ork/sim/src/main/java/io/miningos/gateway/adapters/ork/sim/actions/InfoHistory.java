package io.miningos.gateway.adapters.ork.sim.actions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The racks' {@code thing-history-log}: one entry per {@code updateThing}, with what changed in {@code info}. */
public final class InfoHistory {

    /** One change: {@code changes} maps dot paths to {@code {oldValue, newValue}} (or array additions/deletions). */
    public record Entry(long ts, String thingId, String rackId, Map<String, Object> changes) {
    }

    private static final int KEEP = 10_000;
    private final List<Entry> entries = new ArrayList<>();

    public synchronized void add(Entry e) {
        entries.add(e);
        if (entries.size() > KEEP) {
            entries.remove(0);
        }
    }

    /** Entries of one rack, newest first. */
    public synchronized List<Entry> ofRack(String rackId) {
        List<Entry> out = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).rackId().equals(rackId)) {
                out.add(entries.get(i));
            }
        }
        return out;
    }

    /** What changed from {@code before} to {@code after}, by dot path. */
    public static Map<String, Object> diff(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> changes = new LinkedHashMap<>();
        diff("", before, after, changes);
        return changes;
    }

    @SuppressWarnings("unchecked")
    private static void diff(String prefix, Map<String, Object> before, Map<String, Object> after,
                             Map<String, Object> changes) {
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String k : keys) {
            Object a = before.get(k);
            Object b = after.get(k);
            String path = prefix + k;
            if (Objects.equals(a, b)) {
                continue;
            }
            if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
                diff(path + ".", (Map<String, Object>) ma, (Map<String, Object>) mb, changes);
            } else if (a instanceof List<?> la && b instanceof List<?> lb) {
                List<Object> additions = new ArrayList<>(lb);
                additions.removeAll(la);
                List<Object> deletions = new ArrayList<>(la);
                deletions.removeAll(lb);
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("additions", additions);
                c.put("deletions", deletions);
                changes.put(path, c);
            } else {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("oldValue", a);
                c.put("newValue", b);
                changes.put(path, c);
            }
        }
    }
}
