package io.miningos.gateway.application.identity;

import io.miningos.gateway.application.identity.port.out.TokenStore;
import io.miningos.gateway.domain.token.ClientIp;
import io.miningos.gateway.domain.token.TokenGrant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link TokenStore} must do; run against each implementation. */
public abstract class TokenStoreContract {

    protected static final Instant NOW = Instant.parse("2026-11-01T10:00:00Z");
    private TokenStore tokens;

    /** A store whose users 1, 2 and 3 exist (storage may enforce the reference). */
    protected abstract TokenStore newStore();

    @BeforeEach
    void createStore() {
        tokens = newStore();
    }

    private static TokenGrant grant(String hash, long userId, long ttlSeconds) {
        return new TokenGrant(hash, userId, List.of(userId == 1 ? "*" : "dev"),
                Set.of(ClientIp.parse("127.0.0.1"), ClientIp.parse("::1")), NOW, NOW.plusSeconds(ttlSeconds));
    }

    @Test
    void savesAndFindsByHash() {
        TokenGrant g = grant("a".repeat(64), 2, 300);
        tokens.save(g);
        assertEquals(g, tokens.findByHash("a".repeat(64)).orElseThrow());
        assertTrue(tokens.findByHash("b".repeat(64)).isEmpty());
    }

    @Test
    void revokesEveryTokenOfOneUser() {
        tokens.save(grant("a", 2, 300));
        tokens.save(grant("b", 2, 300));
        tokens.save(grant("c", 3, 300));
        assertEquals(2, tokens.deleteByUser(2));
        assertTrue(tokens.findByHash("a").isEmpty());
        assertTrue(tokens.findByHash("b").isEmpty());
        assertTrue(tokens.findByHash("c").isPresent());
        assertEquals(0, tokens.deleteByUser(2));
    }

    @Test
    void revokesAUsersOldestTokensBeyondHowManyItMayKeep() {
        for (int i = 0; i < 5; i++) {
            tokens.save(new TokenGrant("t" + i, 2, List.of("dev"), Set.of(ClientIp.parse("127.0.0.1")),
                    NOW.plusSeconds(i), NOW.plusSeconds(3600)));
        }
        tokens.save(grant("other", 3, 300));
        assertEquals(List.of("t1", "t0"), tokens.deleteOldest(2, 3));
        assertTrue(tokens.findByHash("t0").isEmpty());
        assertTrue(tokens.findByHash("t1").isEmpty());
        for (String kept : List.of("t2", "t3", "t4", "other")) {
            assertTrue(tokens.findByHash(kept).isPresent(), kept);
        }
        assertEquals(List.of(), tokens.deleteOldest(2, 3));
    }

    @Test
    void purgesOnlyExpiredTokens() {
        tokens.save(grant("short", 2, 5));
        tokens.save(grant("long", 2, 500));
        assertEquals(0, tokens.deleteExpired(NOW.plusSeconds(4)));
        assertEquals(1, tokens.deleteExpired(NOW.plusSeconds(5)));
        assertTrue(tokens.findByHash("long").isPresent());
    }
}
