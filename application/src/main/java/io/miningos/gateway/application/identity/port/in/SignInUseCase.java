package io.miningos.gateway.application.identity.port.in;

import java.net.URI;

/**
 * Sign-in through an identity provider: only people whose verified e-mail belongs to an existing user get a
 * token, bound to the address they signed in from, for the configured sign-in lifetime.
 */
public interface SignInUseCase {

    String NOT_CONFIGURED = "ERR_OAUTH_NOT_CONFIGURED";
    String INVALID_STATE = "ERR_INVALID_STATE";
    String PROVIDER_FAILED = "ERR_OAUTH_PROVIDER_FAILED";
    String PROVIDER_TIMEOUT = "ERR_OAUTH_PROVIDER_TIMEOUT";

    /** Starts a sign-in: the provider's page to send the browser to, carrying a fresh state. */
    URI begin();

    /**
     * Finishes a sign-in from the provider's callback.
     *
     * @throws io.miningos.gateway.domain.error.DomainException {@link #INVALID_STATE}; {@code ERR_AUTH_FAIL} when the
     *         provider or the person refused; {@code ERR_USER_INVALID} when no user has the verified e-mail;
     *         {@link #PROVIDER_FAILED} or {@link #PROVIDER_TIMEOUT} when the provider could not be used
     */
    IssuedToken complete(SignInCallback callback);
}
