package io.miningos.gateway.adapters.ork.sim.live;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON objects written in a fixed key order. {@code Map.of} iterates in an order that changes from one JVM to the
 * next, so an answer built with it would not be the same bytes after a restart.
 */
public final class JsonObjects {
    private JsonObjects() {
    }

    /** An ordered, mutable object from alternating keys and values. */
    public static Map<String, Object> of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values come in pairs");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }
}
