package io.miningos.gateway.application.identity.port.in;

import io.miningos.gateway.domain.token.ClientIp;

import java.util.Objects;
import java.util.Optional;

/**
 * What the identity provider sent the browser back with, and where the browser is.
 *
 * @param state         the state the sign-in started with
 * @param code          the authorization code, when the person agreed
 * @param providerError the provider's {@code error} parameter (e.g. {@code access_denied}), when it refused
 * @param clientIp      the address the callback came from; the token is bound to it
 */
public record SignInCallback(Optional<String> state, Optional<String> code, Optional<String> providerError,
                             ClientIp clientIp) {
    public SignInCallback {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(providerError, "providerError");
        Objects.requireNonNull(clientIp, "clientIp");
    }

    @Override
    public String toString() {
        return "SignInCallback[from=" + clientIp + "]"; // the code and state are credentials: never logged
    }
}
