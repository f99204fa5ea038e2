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

    /**
     * Issues the long-lived token of a service account (a user holding one of {@link
     * io.miningos.gateway.domain.identity.RoleCatalog#SERVICE_ROLES}), bound to {@code ips}, for up to
     * {@link io.miningos.gateway.domain.token.TokenPolicy#MAX_SERVICE_TTL_SECONDS}; the account's other tokens are
     * revoked, so one credential per account is live. {@code ERR_USER_INVALID} without the user,
     * {@code ERR_ROLES_INVALID} when it holds no service role, {@code ERR_TTL_INVALID} out of bounds.
     */
    IssuedToken issueServiceToken(Email email, Set<ClientIp> ips, long ttlSeconds);

    /** Issues a new token for the caller's own user, within the limits of the token it presented. */
    IssuedToken refresh(Caller caller, RefreshTokenCommand command);
}
