package io.miningos.gateway.application.users.port.out;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Each user's saved UI settings: one JSON object per user. */
public interface UserSettingsStore {

    Optional<Map<String, Object>> find(long userId);

    void save(long userId, Map<String, Object> settings, Instant now);
}
