package io.miningos.gateway.application.identity;

import io.miningos.gateway.domain.token.TokenPolicy;

/**
 * Configured token lifetimes.
 *
 * @param signInTtlSeconds  tokens handed to a user by e-mail (sign-in, command line)
 * @param refreshTtlSeconds default for {@code POST /auth/token} when the body names no {@code ttl}
 */
public record IdentitySettings(long signInTtlSeconds, long refreshTtlSeconds) {
    public IdentitySettings {
        TokenPolicy.checkTtl(signInTtlSeconds);
        TokenPolicy.checkTtl(refreshTtlSeconds);
    }
}
