package io.miningos.gateway.domain.token;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenGrantTest {

    private static final Instant NOW = Instant.parse("2026-11-01T10:00:00Z");

    @Test
    void aLiteralMatchesOnlyABoundAddressInCanonicalForm() {
        TokenGrant grant = new TokenGrant("h", 1, List.of("admin"),
                Set.of(ClientIp.parse("127.0.0.1"), ClientIp.parse("0:0:0:0:0:0:0:1")), NOW, NOW.plusSeconds(60));
        assertTrue(grant.isBoundToLiteral("127.0.0.1"));
        assertTrue(grant.isBoundToLiteral("::1"));
        // other spellings of a bound address are no literal match; parsed, they are bound
        assertFalse(grant.isBoundToLiteral("0:0:0:0:0:0:0:1"));
        assertTrue(grant.isBoundTo(ClientIp.parse("0:0:0:0:0:0:0:1")));
        assertFalse(grant.isBoundToLiteral("::ffff:127.0.0.1"));
        assertTrue(grant.isBoundTo(ClientIp.parse("::ffff:127.0.0.1")));
        assertFalse(grant.isBoundToLiteral("10.0.0.9"));
        assertFalse(grant.isBoundToLiteral(null));
    }
}
