package io.miningos.gateway.adapters.ork.sim.live;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Which parts of a document a request can possibly look at (its filter, projection and sort paths). Documents
 * are built only that far, so a projection of three fields over 50,000 things does not build 50,000 full
 * snapshots. This only prunes building; matching and projecting stay with the shared query engine.
 */
public final class Selection {

    /** Build everything. */
    public static final Selection ALL = new Selection(null);

    private final Map<String, Selection> children;

    private Selection(Map<String, Selection> children) {
        this.children = children;
    }

    /**
     * A selection covering the given dotted paths. A path covers its whole subtree; a numeric segment (an array
     * index) covers the whole array it indexes.
     */
    public static Selection of(Collection<String> paths) {
        Builder root = new Builder();
        for (String path : paths) {
            Builder node = root;
            for (String segment : path.split("\\.")) {
                if (node.all) {
                    break;
                }
                if (segment.isEmpty() || segment.chars().allMatch(Character::isDigit) || segment.startsWith("$")) {
                    node.all = true;
                    break;
                }
                node = node.children.computeIfAbsent(segment, k -> new Builder());
            }
            node.all = true;
        }
        return root.build();
    }

    public boolean wants(String key) {
        return children == null || children.containsKey(key);
    }

    /** The selection inside {@code key}, or null when nothing under it is wanted. */
    public Selection child(String key) {
        return children == null ? ALL : children.get(key);
    }

    private static final class Builder {
        boolean all;
        final Map<String, Builder> children = new HashMap<>();

        Selection build() {
            if (all) {
                return ALL;
            }
            Map<String, Selection> built = new HashMap<>();
            children.forEach((k, v) -> built.put(k, v.build()));
            return new Selection(built);
        }
    }
}
