package io.miningos.gateway.domain.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The permissions of a role, merged per resource: {@code revenue:rw} and {@code revenue:r} together give
 * {@code revenue:rw}. Keeps the order in which resources were first named, so listings are stable.
 */
public final class PermissionSet {

    public static final PermissionSet EMPTY = new PermissionSet(Map.of());

    private final Map<String, Access> byResource;

    private PermissionSet(Map<String, Access> byResource) {
        this.byResource = byResource;
    }

    public static PermissionSet of(Collection<Permission> permissions) {
        Map<String, Access> merged = new LinkedHashMap<>();
        for (Permission p : permissions) {
            merged.merge(p.resource(), p.access(), Access::union);
        }
        return new PermissionSet(Collections.unmodifiableMap(merged));
    }

    /** Parses {@code resource:level} strings; throws {@link IllegalArgumentException} naming the bad entry. */
    public static PermissionSet parse(Collection<String> texts) {
        List<Permission> parsed = new ArrayList<>(texts.size());
        for (String text : texts) {
            parsed.add(Permission.parse(text));
        }
        return of(parsed);
    }

    public Access accessTo(String resource) {
        return byResource.getOrDefault(resource, Access.NONE);
    }

    /** True when this set grants a {@code resource:level} requirement such as {@code users:w}. */
    public boolean allows(String requirement) {
        return allows(Permission.parse(requirement));
    }

    /** True when this set grants every level {@code required} asks for on its resource (and only those). */
    public boolean allows(Permission required) {
        return required.access().isGrantedBy(accessTo(required.resource()));
    }

    /** Resource names this set grants anything on ("caps" in the API). */
    public List<String> capabilities() {
        return List.copyOf(byResource.keySet());
    }

    /** Split form, one entry per level: {@code ["miner:r", "miner:w", "comments:r"]}. */
    public List<String> asLevelStrings() {
        List<String> out = new ArrayList<>(byResource.size() * 2);
        byResource.forEach((resource, access) -> {
            if (access.read()) {
                out.add(resource + ":r");
            }
            if (access.write()) {
                out.add(resource + ":w");
            }
        });
        return out;
    }

    /** Compact form, one entry per resource: {@code ["miner:rw", "comments:r"]} (what ORKs expect as authPerms). */
    public List<String> asCompactStrings() {
        List<String> out = new ArrayList<>(byResource.size());
        byResource.forEach((resource, access) ->
                out.add(resource + ":" + (access.read() ? "r" : "") + (access.write() ? "w" : "")));
        return out;
    }

    public boolean isEmpty() {
        return byResource.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PermissionSet other && byResource.equals(other.byResource);
    }

    @Override
    public int hashCode() {
        return byResource.hashCode();
    }

    @Override
    public String toString() {
        return asCompactStrings().toString();
    }
}
