package io.miningos.gateway.application.identity.port.in;

import io.miningos.gateway.domain.user.ProviderProfile;

/** The identity provider's profile of a user from their last sign-in ({@code GET /auth/userinfo}'s metadata). */
public interface UserProfileUseCase {

    /** {@link ProviderProfile#NONE} for a user who never signed in through the provider. */
    ProviderProfile profileOf(long userId);
}
