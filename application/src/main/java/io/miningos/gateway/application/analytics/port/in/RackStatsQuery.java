package io.miningos.gateway.application.analytics.port.in;

import io.miningos.gateway.domain.error.DomainException;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /auth/miners/groups/stats?racks=}: the rack ids asked for ({@code group-1_rack-2}), 1..{@value #MAX_RACKS}
 * of at most {@value #MAX_ID_LENGTH} characters.
 */
public record RackStatsQuery(Set<String> ids) {

    public static final String MISSING_RACKS = "ERR_MISSING_RACKS";
    public static final String RACKS_INVALID = "ERR_RACKS_INVALID";
    public static final int MAX_RACKS = 1000;
    public static final int MAX_ID_LENGTH = 200;

    public RackStatsQuery {
        ids = Collections.unmodifiableSet(new LinkedHashSet<>(ids));
        if (ids.isEmpty()) {
            throw DomainException.invalid(MISSING_RACKS);
        }
        if (ids.size() > MAX_RACKS || ids.stream().anyMatch(id -> id.length() > MAX_ID_LENGTH)) {
            throw DomainException.invalid(RACKS_INVALID);
        }
    }

    /** From the comma list (blank entries ignored; none at all is {@code ERR_MISSING_RACKS}). */
    public static RackStatsQuery of(String racks) {
        Set<String> ids = new LinkedHashSet<>();
        if (racks != null) {
            for (String id : racks.split(",", -1)) {
                if (!id.isBlank()) {
                    ids.add(id.trim());
                }
            }
        }
        return new RackStatsQuery(ids);
    }

    /** The ids sorted, for the cache key. */
    public List<String> identity() {
        return ids.stream().sorted().toList();
    }
}
