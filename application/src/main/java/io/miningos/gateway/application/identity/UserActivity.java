package io.miningos.gateway.application.identity;

import io.miningos.gateway.application.identity.port.in.AuthenticateUseCase;
import io.miningos.gateway.application.identity.port.out.UserActivityStore;
import io.miningos.gateway.domain.caller.Caller;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each user's last activity (sign-in and every token use), kept in memory and written to storage in batches by
 * {@link #flush()} — periodically and at shutdown — so a request costs a map update, not a database write.
 */
public final class UserActivity {

    private final ConcurrentHashMap<Long, Instant> pending = new ConcurrentHashMap<>();
    private final UserActivityStore store;
    private final Clock clock;

    public UserActivity(UserActivityStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Notes that the user is active now. */
    public void record(long userId) {
        pending.merge(userId, clock.instant(), UserActivity::later);
    }

    /** Authentication that also notes the caller as active. */
    public AuthenticateUseCase tracking(AuthenticateUseCase authenticate) {
        return (tokenText, clientIp) -> {
            Caller caller = authenticate.authenticate(tokenText, clientIp);
            record(caller.userId());
            return caller;
        };
    }

    /**
     * Writes what was noted since the last flush; returns how many users it wrote. When storage fails, the activity
     * stays noted for the next flush and the failure propagates.
     */
    public int flush() {
        Map<Long, Instant> batch = Map.copyOf(pending);
        if (batch.isEmpty()) {
            return 0;
        }
        store.recordLastActive(batch);
        // Only what was written leaves: a newer activity noted meanwhile stays for the next flush.
        batch.forEach(pending::remove);
        return batch.size();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
