package io.miningos.gateway.application.identity.port.out;

import java.time.Instant;
import java.util.Map;

/** Where each user's last activity is kept. */
public interface UserActivityStore {

    /** Raises each user's last activity to the given time (never lowers it); unknown user ids are skipped. */
    void recordLastActive(Map<Long, Instant> lastActiveByUser);
}
