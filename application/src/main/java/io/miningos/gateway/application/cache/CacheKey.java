package io.miningos.gateway.application.cache;

import java.util.List;
import java.util.Objects;

/**
 * What a cached answer is filed under: the route (also the unit of invalidation) and the request parameters the
 * route's answer depends on, in a fixed order. Absent parameters should be represented consistently (e.g. null).
 */
public record CacheKey(String route, List<String> parts) {
    public CacheKey {
        Objects.requireNonNull(route, "route");
        parts = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(parts)); // nulls allowed
    }

    public static CacheKey of(String route, String... parts) {
        return new CacheKey(route, java.util.Arrays.asList(parts));
    }
}
