package io.miningos.gateway.application.identity.port.out;

/** Told when all tokens of a user were revoked, so long-lived sessions (WebSockets) can be closed at once. */
@FunctionalInterface
public interface TokenRevocationListener {
    void tokensRevoked(long userId);
}
