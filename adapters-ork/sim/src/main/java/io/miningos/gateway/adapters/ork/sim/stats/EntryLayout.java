package io.miningos.gateway.adapters.ork.sim.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of one rack's stat entries (for one tag) as a flat list of nodes, in the order they were first seen:
 * objects, numbers and other values (strings, booleans, null) at every path. An {@link EntrySum} keeps one slot per
 * node, so a day of entries sums into a few arrays instead of a tree of maps. Append-only and thread-safe; group
 * keys that appear later (a container's first offline miner) get new nodes at the end.
 */
public final class EntryLayout {

    /** What a node holds. */
    enum Kind { OBJECT, NUMBER, OTHER }

    private record Path(int parent, String key) {
    }

    private final Map<Path, Integer> index = new HashMap<>();
    private final List<Integer> parents = new ArrayList<>();
    private final List<String> keys = new ArrayList<>();
    private final List<Kind> kinds = new ArrayList<>();

    /**
     * The node of {@code key} under {@code parent} (-1: the entry itself), created with {@code kind} if new; -1 when
     * the node holds another kind (a field that changed type: the first kind seen counts, as groupRange keeps it).
     */
    synchronized int node(int parent, String key, Kind kind) {
        Path path = new Path(parent, key);
        Integer known = index.get(path);
        if (known != null) {
            return kinds.get(known) == kind ? known : -1;
        }
        int n = keys.size();
        index.put(path, n);
        parents.add(parent);
        keys.add(key);
        kinds.add(kind);
        return n;
    }

    synchronized int size() {
        return keys.size();
    }

    /** A consistent copy of the nodes, for writing sums out while other threads may add nodes. */
    synchronized View view() {
        int n = keys.size();
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = parents.get(i);
        }
        return new View(p, keys.toArray(new String[0]), kinds.toArray(new Kind[0]));
    }

    /** Nodes {@code 0..size-1}: parent, key and kind of each; a parent always comes before its children. */
    record View(int[] parents, String[] keys, Kind[] kinds) {
        int size() {
            return keys.length;
        }
    }
}
