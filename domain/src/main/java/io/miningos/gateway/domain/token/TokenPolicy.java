package io.miningos.gateway.domain.token;

import io.miningos.gateway.domain.error.DomainException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Rules for a token request's fields, shared by every way a token is issued (API, CLI, sign-in). */
public final class TokenPolicy {

    public static final long MIN_TTL_SECONDS = 5;
    public static final long MAX_TTL_SECONDS = 86_400;
    public static final String TTL_INVALID = "ERR_TTL_INVALID";
    public static final String PFX_INVALID = "ERR_PFX_INVALID";
    public static final String SCOPE_INVALID = "ERR_SCOPE_INVALID";
    public static final String ROLES_INVALID = "ERR_ROLES_INVALID";
    public static final int MAX_IPS = 32;
    /** A service token (multi-site mode) may live up to 400 days: it is rotated by the operator, not refreshed. */
    public static final long MAX_SERVICE_TTL_SECONDS = 400L * 86_400;

    private TokenPolicy() {
    }

    public static long checkTtl(long seconds) {
        if (seconds < MIN_TTL_SECONDS || seconds > MAX_TTL_SECONDS) {
            throw DomainException.invalid(TTL_INVALID);
        }
        return seconds;
    }

    /** A service token's lifetime: at least {@link #MIN_TTL_SECONDS}, at most {@link #MAX_SERVICE_TTL_SECONDS}. */
    public static long checkServiceTtl(long seconds) {
        if (seconds < MIN_TTL_SECONDS || seconds > MAX_SERVICE_TTL_SECONDS) {
            throw DomainException.invalid(TTL_INVALID);
        }
        return seconds;
    }

    public static void checkPfx(String pfx) {
        if (!TokenText.PFX.equals(pfx)) {
            throw DomainException.invalid(PFX_INVALID);
        }
    }

    public static void checkScope(String scope) {
        if (!TokenText.SCOPE.equals(scope)) {
            throw DomainException.invalid(SCOPE_INVALID);
        }
    }

    /** A refreshed token may carry fewer roles than the one it replaces, never others. */
    public static List<String> checkRolesSubset(List<String> requested, List<String> held) {
        if (requested.isEmpty() || !Set.copyOf(held).containsAll(requested)) {
            throw DomainException.invalid(ROLES_INVALID);
        }
        return List.copyOf(new LinkedHashSet<>(requested));
    }

    public static Set<ClientIp> parseIps(List<?> raw) {
        if (raw == null || raw.isEmpty() || raw.size() > MAX_IPS) {
            throw DomainException.invalid(ClientIp.INVALID);
        }
        List<ClientIp> ips = new ArrayList<>(raw.size());
        for (Object o : raw) {
            if (!(o instanceof String s)) {
                throw DomainException.invalid(ClientIp.INVALID);
            }
            ips.add(ClientIp.parse(s));
        }
        return new LinkedHashSet<>(ips);
    }
}
