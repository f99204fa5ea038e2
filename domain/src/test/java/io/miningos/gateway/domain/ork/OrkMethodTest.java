package io.miningos.gateway.domain.ork;

import io.miningos.gateway.domain.caller.Caller;
import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.identity.Role;
import io.miningos.gateway.domain.identity.RoleCatalog;
import io.miningos.gateway.domain.token.ClientIp;
import io.miningos.gateway.domain.token.TokenGrant;
import io.miningos.gateway.domain.user.Email;
import io.miningos.gateway.domain.user.User;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrkMethodTest {

    private static Caller caller(long id, String role) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        User user = new User(id, new Email("u" + id + "@example.com"), null, role, now);
        TokenGrant grant = new TokenGrant("h", id, List.of(role), Set.of(ClientIp.parse("::1")), now,
                now.plusSeconds(60));
        return new Caller(user, RoleCatalog.defaults().permissionsOf(role), grant);
    }

    @Test
    void everyMethodHasItsOwnWireName() {
        Set<String> names = Arrays.stream(OrkMethod.values()).map(OrkMethod::wireName).collect(Collectors.toSet());
        assertEquals(OrkMethod.values().length, names.size());
        assertEquals(Optional.of(OrkMethod.TAIL_LOG_CUSTOM_RANGE_AGGR), OrkMethod.byWireName("tailLogCustomRangeAggr"));
        assertEquals(Optional.empty(), OrkMethod.byWireName("echo"));
    }

    @Test
    void readsMayBeCachedWritesNeedARightAndNameTheRoutesTheyMakeStale() {
        for (OrkMethod method : OrkMethod.values()) {
            if (method.isWrite()) {
                assertTrue(method.right().isPresent(), method + " names the right it needs");
                assertTrue(method.cacheRoute().isEmpty(), method + " is a write, never cached");
                assertTrue(method.invalidates().stream().allMatch(route -> route.startsWith("/auth/")),
                        method + " names cached routes by their cacheTiming keys: " + method.invalidates());
                assertEquals(Set.copyOf(method.invalidates()).size(), method.invalidates().size());
            } else {
                assertTrue(method.right().isEmpty(), method + " is a read, open to every caller");
                assertTrue(method.invalidates().isEmpty(), method + " is a read, it makes nothing stale");
            }
        }
        assertEquals(List.of("/auth/actions", "/auth/actions/batch", "/auth/actions/:type/:id"),
                OrkMethod.VOTE_ACTION.invalidates());
        assertEquals(List.of("/auth/list-things"), OrkMethod.EDIT_THING_COMMENT.invalidates());
        assertTrue(OrkMethod.SET_WRK_EXT_DATA.invalidates().contains(OrkMethod.GET_WRK_EXT_DATA.cacheRoute()
                .orElseThrow()), "a stored ext-data value is not served stale through /auth/ext-data");
        assertEquals(List.of("/auth/global-config"), OrkMethod.SET_GLOBAL_CONFIG.invalidates());
        assertEquals(OrkMethod.GET_GLOBAL_CONFIG.cacheRoute().orElseThrow(), "/auth/global-config");
        assertEquals(Optional.empty(), OrkMethod.GET_THING_CONF.cacheRoute(), "nextAvailableCode must be fresh");
    }

    @Test
    void actionWritesAndRackSettingsNeedWriteCommentsCommentsWriteGlobalConfigFeaturesWrite() {
        Caller fieldOperator = caller(4, "field_operator"); // comments:rw, no actions:w
        Caller readOnly = caller(6, "read_only_user");
        Caller siteOperator = caller(2, "site_operator"); // actions:w, no features:w

        OrkMethod.SAVE_THING_COMMENT.authorize(fieldOperator);
        OrkMethod.LIST_THINGS.authorize(readOnly);
        OrkMethod.PUSH_ACTION.authorize(siteOperator);
        OrkMethod.SAVE_WRK_SETTINGS.authorize(siteOperator);
        for (OrkMethod method : OrkMethod.values()) {
            method.authorize(caller(1, Role.SUPER_ADMIN));
        }
        for (OrkMethod method : List.of(OrkMethod.PUSH_ACTION, OrkMethod.PUSH_ACTIONS_BATCH, OrkMethod.VOTE_ACTION,
                OrkMethod.CANCEL_ACTIONS_BATCH, OrkMethod.SAVE_WRK_SETTINGS)) {
            assertEquals("ERR_WRITE_PERM_REQUIRED",
                    assertThrows(DomainException.class, () -> method.authorize(fieldOperator)).code(), method.name());
        }
        assertEquals("ERR_AUTH_FAIL_NO_PERMS",
                assertThrows(DomainException.class, () -> OrkMethod.DELETE_THING_COMMENT.authorize(readOnly)).code());
        assertEquals("ERR_AUTH_FAIL_NO_PERMS",
                assertThrows(DomainException.class, () -> OrkMethod.SET_GLOBAL_CONFIG.authorize(siteOperator)).code());
        OrkMethod.SET_WRK_EXT_DATA.authorize(siteOperator); // miner:w
        assertEquals("ERR_AUTH_FAIL_NO_PERMS",
                assertThrows(DomainException.class, () -> OrkMethod.SET_WRK_EXT_DATA.authorize(fieldOperator)).code());
        assertFalse(siteOperator.has("features:w"));
    }
}
