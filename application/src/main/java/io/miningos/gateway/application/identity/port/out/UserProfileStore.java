package io.miningos.gateway.application.identity.port.out;

import io.miningos.gateway.domain.user.ProviderProfile;

import java.time.Instant;
import java.util.Optional;

/** The identity provider's profile of each user, as it was at their last sign-in. */
public interface UserProfileStore {

    /** Replaces the user's profile. Joins the caller's transaction when one is open. */
    void save(long userId, ProviderProfile profile, Instant now);

    Optional<ProviderProfile> find(long userId);
}
