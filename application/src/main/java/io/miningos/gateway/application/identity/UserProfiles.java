package io.miningos.gateway.application.identity;

import io.miningos.gateway.application.identity.port.in.UserProfileUseCase;
import io.miningos.gateway.application.identity.port.out.UserProfileStore;
import io.miningos.gateway.domain.user.ProviderProfile;

import java.util.Objects;

/** Reads the profiles sign-in keeps. */
public final class UserProfiles implements UserProfileUseCase {

    private final UserProfileStore store;

    public UserProfiles(UserProfileStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public ProviderProfile profileOf(long userId) {
        return store.find(userId).orElse(ProviderProfile.NONE);
    }
}
