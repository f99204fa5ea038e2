package io.miningos.gateway.application.identity.port.out;


import java.net.URI;

/**
 * The outside service people prove who they are with at sign-in (an OAuth2 / OpenID Connect provider). The
 * gateway sends the browser there with a state it issued, and gets an authorization code back at its callback.
 */
public interface IdentityProvider {

    /** Where to send the browser to sign in; the provider sends it back to the callback with {@code state}. */
    URI authorizationUrl(String state);

    /**
     * Redeems an authorization code and returns the e-mail address the provider has verified for that person, with
     * the profile (name, picture) it sent along.
     *
     * @throws io.miningos.gateway.domain.error.DomainException {@code ERR_AUTH_FAIL} when the provider refuses the
     *         code or knows no verified e-mail; {@link SignInUseCase#PROVIDER_FAILED} when it fails or answers
     *         nonsense; {@link SignInUseCase#PROVIDER_TIMEOUT} when it does not answer in time
     */
    VerifiedIdentity verify(String authorizationCode);
}
