package io.miningos.gateway.application.identity.port.in;

/** Revokes every token of a user, effective at once for requests on this instance. */
public interface TokenRevoker {
    int revokeAllOf(long userId);
}
