package io.miningos.gateway.application.identity.port.in;

import io.miningos.gateway.domain.caller.Caller;

/** Turns a presented token into the caller behind it, on every request. */
public interface AuthenticateUseCase {

    /**
     * @param tokenText the token as presented (without the {@code Bearer} scheme)
     * @param clientIp  the address the request came from
     * @throws io.miningos.gateway.domain.error.DomainException {@code ERR_AUTH_FAIL} when the token is unknown,
     *         expired, revoked, malformed or bound to other addresses
     */
    Caller authenticate(String tokenText, String clientIp);
}
