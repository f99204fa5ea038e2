package io.miningos.gateway.application.identity;

import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.error.ErrorKind;
import io.miningos.gateway.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RateLimiterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T10:00:00Z"));
    private final RateLimiter limiter = new RateLimiter(new RateLimiter.Limit(3, 6), clock); // one every 10 s

    private DomainException refused(Runnable action) {
        DomainException e = assertThrows(DomainException.class, action::run);
        assertEquals(ErrorKind.RATE_LIMITED, e.kind());
        assertEquals("ERR_RATE_LIMITED", e.code());
        return e;
    }

    @Test
    void allowsABurstThenTheRateAndSaysWhenToComeBack() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("user:2");
        }
        assertEquals(10, refused(() -> limiter.acquire("user:2")).retryAfterSeconds());
        clock.advance(Duration.ofSeconds(4));
        assertEquals(6, refused(() -> limiter.acquire("user:2")).retryAfterSeconds());
        clock.advance(Duration.ofSeconds(6));
        assertDoesNotThrow(() -> limiter.acquire("user:2"));
        refused(() -> limiter.acquire("user:2"));
        assertDoesNotThrow(() -> limiter.acquire("user:3"), "every key has its own allowance");
        clock.advance(Duration.ofMinutes(10));
        for (int i = 0; i < 3; i++) {
            limiter.acquire("user:2"); // refilled to the burst, never beyond it
        }
        refused(() -> limiter.acquire("user:2"));
    }

    @Test
    void failuresAreSpentAfterTheFactAndCheckedBeforeTheNextTry() {
        limiter.requireAllowance("address:10.0.0.9");
        for (int i = 0; i < 5; i++) {
            limiter.spend("address:10.0.0.9"); // spending past zero stays at zero
        }
        assertEquals(10, refused(() -> limiter.requireAllowance("address:10.0.0.9")).retryAfterSeconds());
        clock.advance(Duration.ofSeconds(10));
        assertDoesNotThrow(() -> limiter.requireAllowance("address:10.0.0.9"));
        assertDoesNotThrow(() -> limiter.requireAllowance("address:10.0.0.9"), "checking spends nothing");
    }
}
