package io.miningos.gateway.application.identity;

import io.miningos.gateway.application.identity.port.out.UserProfileStore;
import io.miningos.gateway.domain.user.ProviderProfile;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Profiles in a map. */
public final class InMemoryUserProfileStore implements UserProfileStore {

    private final Map<Long, ProviderProfile> profiles = new ConcurrentHashMap<>();

    @Override
    public void save(long userId, ProviderProfile profile, Instant now) {
        profiles.put(userId, profile);
    }

    @Override
    public Optional<ProviderProfile> find(long userId) {
        return Optional.ofNullable(profiles.get(userId));
    }
}
