package io.miningos.gateway.application.identity.port.out;

import io.miningos.gateway.domain.user.Email;
import io.miningos.gateway.domain.user.ProviderProfile;

import java.util.Objects;

/** Who the identity provider vouches for: the verified e-mail, and the profile it sent with it (may be empty). */
public record VerifiedIdentity(Email email, ProviderProfile profile) {

    public VerifiedIdentity {
        Objects.requireNonNull(email, "email");
        profile = profile == null ? ProviderProfile.NONE : profile;
    }
}
