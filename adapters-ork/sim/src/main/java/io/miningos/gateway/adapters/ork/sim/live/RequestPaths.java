package io.miningos.gateway.adapters.ork.sim.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Collects the document paths a Mongo-style filter, projection or sort names, to build a {@link Selection}. It
 * never decides whether a document matches; anything it does not recognise widens the selection to everything.
 */
public final class RequestPaths {

    private final List<String> paths = new ArrayList<>();
    private boolean all;

    /** Adds the paths of a filter: field keys at any logical level ({@code $and}, {@code $or}, {@code $nor}). */
    public RequestPaths filter(Object query) {
        if (query == null) {
            return this;
        }
        if (!(query instanceof Map<?, ?> map)) {
            all = true;
            return this;
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (key.equals("$and") || key.equals("$or") || key.equals("$nor")) {
                if (e.getValue() instanceof List<?> list) {
                    list.forEach(this::filter);
                } else {
                    all = true;
                }
            } else if (key.startsWith("$")) {
                all = true;
            } else {
                paths.add(key);
            }
        }
        return this;
    }

    /** Adds the paths of an inclusion projection; an empty or exclusion projection needs everything. */
    public RequestPaths projection(Object fields) {
        if (!(fields instanceof Map<?, ?> map) || map.isEmpty()) {
            all = true;
            return this;
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            Object v = e.getValue();
            boolean include = v instanceof Boolean b ? b : v instanceof Number n && n.doubleValue() != 0;
            if (!include) {
                all = true;
                return this;
            }
            paths.add(String.valueOf(e.getKey()));
        }
        return this;
    }

    /** Adds the keys of a sort specification. */
    public RequestPaths sort(Object sort) {
        if (sort instanceof Map<?, ?> map) {
            map.keySet().forEach(k -> paths.add(String.valueOf(k)));
        } else if (sort != null) {
            all = true;
        }
        return this;
    }

    /** Adds one path. */
    public RequestPaths path(String path) {
        paths.add(path);
        return this;
    }

    public Selection selection() {
        return all ? Selection.ALL : Selection.of(paths);
    }
}
