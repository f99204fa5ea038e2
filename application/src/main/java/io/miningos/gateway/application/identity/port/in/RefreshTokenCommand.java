package io.miningos.gateway.application.identity.port.in;

import io.miningos.gateway.domain.token.ClientIp;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@code POST /auth/token}: every field optional. Missing ones default to the presenting token's addresses and
 * roles and the configured TTL.
 */
public record RefreshTokenCommand(Optional<Set<ClientIp>> ips, OptionalLong ttlSeconds, Optional<String> pfx,
                                  Optional<String> scope, Optional<List<String>> roles) {

    public static RefreshTokenCommand defaults() {
        return new RefreshTokenCommand(Optional.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }
}
