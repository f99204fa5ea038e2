package io.miningos.gateway.adapters.http.oauth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import io.miningos.gateway.application.identity.port.in.SignInUseCase;
import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.error.ErrorKind;
import io.miningos.gateway.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JwtSignInStatesTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
    private final JwtSignInStates states =
            new JwtSignInStates(StateSigningKey.configured(SECRET), Duration.ofMinutes(10), clock);

    @Test
    void aStateIssuedHereIsAcceptedOnceWithinItsLifetime() {
        String state = states.issue();
        clock.advance(Duration.ofMinutes(9));
        assertDoesNotThrow(() -> states.redeem(state));
    }

    @Test
    void everyStateCarriesItsOwnNonce() {
        Set<String> nonces = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            nonces.add(JWT.decode(states.issue()).getId());
        }
        assertEquals(50, nonces.size());
    }

    @Test
    void aReplayedStateIsRefused() {
        String state = states.issue();
        states.redeem(state);
        assertRefused(JwtSignInStates.REPLAYED, () -> states.redeem(state));
    }

    @Test
    void anExpiredStateIsRefused() {
        String state = states.issue();
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertRefused(JwtSignInStates.EXPIRED, () -> states.redeem(state));
    }

    @Test
    void aMissingStateIsRefused() {
        assertRefused(JwtSignInStates.MISSING, () -> states.redeem(null));
        assertRefused(JwtSignInStates.MISSING, () -> states.redeem("  "));
    }

    @Test
    void aStateSignedWithAnotherKeyIsRefused() {
        JwtSignInStates elsewhere = new JwtSignInStates(
                StateSigningKey.configured("another secret of at least 32 chars"), Duration.ofMinutes(10), clock);
        assertRefused(JwtSignInStates.FORGED, () -> states.redeem(elsewhere.issue()));
    }

    @Test
    void anAlteredStateIsRefused() {
        String state = states.issue();
        String[] parts = state.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String longer = payload.replaceFirst("\"exp\":(\\d+)", "\"exp\":9999999999");
        assertNotEquals(payload, longer);
        String altered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(longer.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertRefused(JwtSignInStates.FORGED, () -> states.redeem(altered));
    }

    @Test
    void anUnsignedStateIsRefused() {
        String unsigned = JWT.create().withIssuer(JwtSignInStates.ISSUER).withAudience(JwtSignInStates.AUDIENCE)
                .withJWTId("nonce").withExpiresAt(clock.instant().plusSeconds(60)).sign(Algorithm.none());
        assertRefused(JwtSignInStates.FORGED, () -> states.redeem(unsigned));
    }

    @Test
    void aTokenOfTheSameKeyForAnotherPurposeIsRefused() {
        String otherAudience = JWT.create().withIssuer(JwtSignInStates.ISSUER).withAudience("something-else")
                .withJWTId("nonce").withExpiresAt(clock.instant().plusSeconds(60))
                .sign(Algorithm.HMAC256(SECRET.getBytes(StandardCharsets.UTF_8)));
        assertRefused(JwtSignInStates.FORGED, () -> states.redeem(otherAudience));
        String withoutNonce = JWT.create().withIssuer(JwtSignInStates.ISSUER).withAudience(JwtSignInStates.AUDIENCE)
                .withExpiresAt(clock.instant().plusSeconds(60))
                .sign(Algorithm.HMAC256(SECRET.getBytes(StandardCharsets.UTF_8)));
        assertRefused(JwtSignInStates.FORGED, () -> states.redeem(withoutNonce));
    }

    @Test
    void garbageIsRefused() {
        assertRefused(JwtSignInStates.FORGED, () -> states.redeem("not-a-state"));
        assertRefused(JwtSignInStates.FORGED, () -> states.redeem("a".repeat(5000)));
    }

    @Test
    void redeemedNoncesAreForgottenOnceTheirStateExpired() {
        states.redeem(states.issue());
        states.redeem(states.issue());
        assertEquals(2, states.remembered());
        clock.advance(Duration.ofMinutes(11));
        states.forgetExpired();
        assertEquals(0, states.remembered());
    }

    @Test
    void statesSurviveARestartWithTheSameKey() {
        String state = states.issue();
        JwtSignInStates restarted =
                new JwtSignInStates(StateSigningKey.configured(SECRET), Duration.ofMinutes(10), clock);
        assertDoesNotThrow(() -> restarted.redeem(state));
    }

    private static void assertRefused(String reason, Executable redeem) {
        DomainException e = assertThrows(DomainException.class, redeem);
        assertEquals(SignInUseCase.INVALID_STATE, e.code());
        assertEquals(ErrorKind.INVALID_INPUT, e.kind());
        assertEquals(reason, e.reason());
    }
}
