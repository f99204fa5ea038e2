package io.miningos.gateway.application.identity.port.out;

import io.miningos.gateway.domain.token.TokenGrant;

import java.time.Instant;
import java.util.Optional;

/** Issued tokens, stored by hash only. */
public interface TokenStore {

    void save(TokenGrant grant);

    Optional<TokenGrant> findByHash(String hash);

    /** Revokes every token of a user; returns how many there were. */
    int deleteByUser(long userId);

    /** Removes tokens that expired before {@code now}; returns how many. */
    int deleteExpired(Instant now);
}
