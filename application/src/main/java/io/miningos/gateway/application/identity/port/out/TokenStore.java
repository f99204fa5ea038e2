package io.miningos.gateway.application.identity.port.out;

import io.miningos.gateway.domain.token.TokenGrant;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Issued tokens, stored by hash only. */
public interface TokenStore {

    void save(TokenGrant grant);

    Optional<TokenGrant> findByHash(String hash);

    /** Revokes every token of a user; returns how many there were. */
    int deleteByUser(long userId);

    /**
     * Revokes a user's oldest tokens (by creation time) so that at most {@code keep} remain; returns the hashes of
     * those revoked.
     */
    List<String> deleteOldest(long userId, int keep);

    /** Removes tokens that expired before {@code now}; returns how many. */
    int deleteExpired(Instant now);
}
