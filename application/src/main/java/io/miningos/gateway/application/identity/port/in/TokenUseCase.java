package io.miningos.gateway.application.identity.port.in;

import io.miningos.gateway.domain.caller.Caller;
import io.miningos.gateway.domain.token.ClientIp;
import io.miningos.gateway.domain.user.Email;

import java.util.OptionalLong;
import java.util.Set;

/** Issuing tokens: to an existing user by e-mail (CLI, sign-in) and to a caller refreshing its own. */
public interface TokenUseCase {

    String USER_INVALID = "ERR_USER_INVALID";

    /**
     * Issues a token to the user with this e-mail, bound to {@code ips}, for {@code ttlSeconds} or the configured
     * TTL. Throws {@code ERR_USER_INVALID} when no such user exists.
     */
    IssuedToken issueFor(Email email, Set<ClientIp> ips, OptionalLong ttlSeconds);

    /** Issues a new token for the caller's own user, within the limits of the token it presented. */
    IssuedToken refresh(Caller caller, RefreshTokenCommand command);
}
