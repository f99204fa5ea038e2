package io.miningos.gateway.adapters.ork.sim.live;

import java.util.LinkedHashMap;
import java.util.Map;

/** A JSON object under construction that only keeps the keys its {@link Selection} wants. */
final class Doc {
    final Map<String, Object> map = new LinkedHashMap<>();
    private final Selection selection;

    Doc(Selection selection) {
        this.selection = selection;
    }

    boolean wants(String key) {
        return selection.wants(key);
    }

    Doc put(String key, Object value) {
        if (selection.wants(key)) {
            map.put(key, value);
        }
        return this;
    }

    /** A nested object, or null when nothing under {@code key} is wanted (the caller then skips building it). */
    Doc child(String key) {
        Selection s = selection.child(key);
        if (s == null) {
            return null;
        }
        Doc d = new Doc(s);
        map.put(key, d.map);
        return d;
    }
}
