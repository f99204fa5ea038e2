package io.miningos.gateway.domain.caller;

import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.error.ErrorKind;
import io.miningos.gateway.domain.identity.Permission;
import io.miningos.gateway.domain.identity.Role;
import io.miningos.gateway.domain.identity.RoleCatalog;
import io.miningos.gateway.domain.token.ClientIp;
import io.miningos.gateway.domain.token.TokenGrant;
import io.miningos.gateway.domain.user.Email;
import io.miningos.gateway.domain.user.User;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallerTest {

    private static Caller caller(long id, String role) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        User user = new User(id, new Email("u" + id + "@example.com"), null, role, now);
        TokenGrant grant = new TokenGrant("h", id, List.of(role), Set.of(ClientIp.parse("::1")), now,
                now.plusSeconds(60));
        return new Caller(user, RoleCatalog.defaults().permissionsOf(role), grant);
    }

    @Test
    void writeMeansActionsWriteOrSuperAdmin() {
        assertTrue(caller(2, "site_operator").canWrite());
        assertTrue(caller(3, "repair_technician").canWrite());
        assertFalse(caller(4, "field_operator").canWrite());
        assertFalse(caller(5, "reporting_tool_manager").canWrite());
        assertTrue(caller(1, Role.SUPER_ADMIN).canWrite());
    }

    @Test
    void missingPermissionsAreForbiddenWithTheirCodes() {
        Caller reader = caller(6, "read_only_user");
        DomainException noPerms = assertThrows(DomainException.class, () -> reader.require("users:w"));
        assertEquals(ErrorKind.FORBIDDEN, noPerms.kind());
        assertEquals("ERR_AUTH_FAIL_NO_PERMS", noPerms.code());
        assertEquals("ERR_WRITE_PERM_REQUIRED",
                assertThrows(DomainException.class, reader::requireWrite).code());
        reader.require("miner:r");
        caller(1, Role.SUPER_ADMIN).require("anything:w");
    }

    @Test
    void aDeclaredReadPermissionNeedsTheReadLevelOnlyNotTheWriteFlag() {
        Permission minerRead = Permission.declared("miner:r");
        Caller reader = caller(6, "read_only_user");
        assertFalse(reader.canWrite());
        reader.require(minerRead); // Node also demanded actions:w here
        reader.require(Permission.declared("alerts:r"));
        DomainException refused = assertThrows(DomainException.class,
                () -> caller(5, "reporting_tool_manager").require(minerRead));
        assertEquals("ERR_AUTH_FAIL_NO_PERMS", refused.code());
        assertEquals(ErrorKind.FORBIDDEN, refused.kind());
        assertEquals("ERR_AUTH_FAIL_NO_PERMS", assertThrows(DomainException.class,
                () -> reader.require(Permission.declared("miner:w"))).code());
        assertEquals("ERR_AUTH_FAIL_NO_PERMS", assertThrows(DomainException.class,
                () -> caller(2, "site_operator").require(Permission.declared("pool_config:r"))).code());
        caller(7, "admin").require(Permission.declared("pool_config:r"));
        caller(1, Role.SUPER_ADMIN).require(Permission.declared("pool_config:w"));
    }

    @Test
    void onlyUserOneIsTheSuperAdmin() {
        Instant now = Instant.now();
        assertThrows(IllegalArgumentException.class,
                () -> new User(2, new Email("x@example.com"), null, Role.SUPER_ADMIN, now));
        assertThrows(IllegalArgumentException.class,
                () -> new User(1, new Email("x@example.com"), null, "admin", now));
    }
}
