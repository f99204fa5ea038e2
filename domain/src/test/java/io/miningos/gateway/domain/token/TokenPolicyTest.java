package io.miningos.gateway.domain.token;

import io.miningos.gateway.domain.error.DomainException;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TokenPolicyTest {

    @Test
    void ttlMustBeWithinFiveSecondsAndOneDay() {
        assertEquals(5, TokenPolicy.checkTtl(5));
        assertEquals(86_400, TokenPolicy.checkTtl(86_400));
        assertEquals("ERR_TTL_INVALID", assertThrows(DomainException.class, () -> TokenPolicy.checkTtl(4)).code());
        assertEquals("ERR_TTL_INVALID",
                assertThrows(DomainException.class, () -> TokenPolicy.checkTtl(86_401)).code());
    }

    @Test
    void onlyPubAndApi() {
        TokenPolicy.checkPfx("pub");
        TokenPolicy.checkScope("api");
        assertEquals("ERR_PFX_INVALID", assertThrows(DomainException.class, () -> TokenPolicy.checkPfx("priv")).code());
        assertEquals("ERR_SCOPE_INVALID",
                assertThrows(DomainException.class, () -> TokenPolicy.checkScope("admin")).code());
    }

    @Test
    void refreshedRolesMustBeASubset() {
        assertEquals(List.of("dev"), TokenPolicy.checkRolesSubset(List.of("dev", "dev"), List.of("dev", "admin")));
        assertEquals("ERR_ROLES_INVALID", assertThrows(DomainException.class,
                () -> TokenPolicy.checkRolesSubset(List.of("admin"), List.of("dev"))).code());
        assertEquals("ERR_ROLES_INVALID", assertThrows(DomainException.class,
                () -> TokenPolicy.checkRolesSubset(List.of(), List.of("dev"))).code());
    }

    @Test
    void ipsMustBeANonEmptyListOfLiterals() {
        assertEquals(Set.of(ClientIp.parse("::1"), ClientIp.parse("10.0.0.1")),
                TokenPolicy.parseIps(List.of("0:0:0:0:0:0:0:1", "10.0.0.1", "::1")));
        for (List<?> bad : List.of(List.of(), List.of("host"), List.of(1), Collections.nCopies(33, "10.0.0.1"))) {
            assertEquals("ERR_IPS_INVALID", assertThrows(DomainException.class,
                    () -> TokenPolicy.parseIps(bad)).code());
        }
    }
}
