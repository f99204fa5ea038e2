package io.miningos.gateway.application.users;

import io.miningos.gateway.application.users.port.out.UserSettingsStore;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Saved UI settings in memory. */
public final class InMemoryUserSettingsStore implements UserSettingsStore {

    private final ConcurrentHashMap<Long, Map<String, Object>> settings = new ConcurrentHashMap<>();

    @Override
    public Optional<Map<String, Object>> find(long userId) {
        return Optional.ofNullable(settings.get(userId));
    }

    @Override
    public void save(long userId, Map<String, Object> value, Instant now) {
        settings.put(userId, java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(value)));
    }
}
