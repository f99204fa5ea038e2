package io.miningos.gateway.application.identity;

import io.miningos.gateway.application.identity.port.in.AuthenticateUseCase;
import io.miningos.gateway.domain.caller.Caller;
import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.identity.PermissionSet;
import io.miningos.gateway.domain.testing.MutableClock;
import io.miningos.gateway.domain.token.ClientIp;
import io.miningos.gateway.domain.token.TokenGrant;
import io.miningos.gateway.domain.user.Email;
import io.miningos.gateway.domain.user.User;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserActivityTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
    private final List<Map<Long, Instant>> batches = new ArrayList<>();
    private final UserActivity activity = new UserActivity(batch -> batches.add(Map.copyOf(batch)), clock);

    @Test
    void manyUsesBecomeOneWriteWithTheLatestTimePerUser() {
        activity.record(7);
        clock.advance(Duration.ofSeconds(5));
        activity.record(7);
        activity.record(8);

        assertEquals(2, activity.flush());
        assertEquals(List.of(Map.of(7L, Instant.parse("2025-03-01T10:00:05Z"),
                8L, Instant.parse("2025-03-01T10:00:05Z"))), batches);
        assertEquals(0, activity.flush(), "nothing new, nothing written");
        assertEquals(1, batches.size());
    }

    @Test
    void aFailedWriteKeepsTheActivityForTheNextFlush() {
        List<Map<Long, Instant>> written = new ArrayList<>();
        boolean[] storageDown = {true};
        UserActivity flaky = new UserActivity(batch -> {
            if (storageDown[0]) {
                throw new IllegalStateException("storage failure");
            }
            written.add(Map.copyOf(batch));
        }, clock);
        flaky.record(3);

        assertThrows(IllegalStateException.class, flaky::flush);
        storageDown[0] = false;
        assertEquals(1, flaky.flush());
        assertEquals(List.of(Map.of(3L, clock.instant())), written);
    }

    @Test
    void authenticationThroughTheTrackerNotesTheCaller() {
        User user = new User(42, new Email("op@example.com"), null, "site_operator", clock.instant());
        TokenGrant grant = new TokenGrant("h", 42, List.of("site_operator"), Set.of(ClientIp.parse("127.0.0.1")),
                clock.instant(), clock.instant().plusSeconds(60));
        AuthenticateUseCase tracked = activity.tracking((token, ip) -> {
            if (!token.equals("good")) {
                throw DomainException.unauthenticated("ERR_AUTH_FAIL", "Authentication failed");
            }
            return new Caller(user, PermissionSet.EMPTY, grant);
        });

        assertThrows(DomainException.class, () -> tracked.authenticate("bad", "127.0.0.1"));
        assertEquals(0, activity.flush(), "a refused token is no activity");
        assertEquals(42, tracked.authenticate("good", "127.0.0.1").userId());
        assertEquals(1, activity.flush());
        assertTrue(batches.getFirst().containsKey(42L));
    }
}
