package io.miningos.gateway.application.identity;

import io.miningos.gateway.application.identity.port.out.TokenStore;
import io.miningos.gateway.domain.token.TokenGrant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Token grants in memory; counts look-ups so tests can see the cache at work. */
public final class InMemoryTokenStore implements TokenStore {

    private final ConcurrentHashMap<String, TokenGrant> grants = new ConcurrentHashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();

    @Override
    public void save(TokenGrant grant) {
        grants.put(grant.hash(), grant);
    }

    @Override
    public Optional<TokenGrant> findByHash(String hash) {
        lookups.incrementAndGet();
        return Optional.ofNullable(grants.get(hash));
    }

    @Override
    public int deleteByUser(long userId) {
        int before = grants.size();
        grants.values().removeIf(g -> g.userId() == userId);
        return before - grants.size();
    }

    @Override
    public List<String> deleteOldest(long userId, int keep) {
        if (grants.values().stream().filter(g -> g.userId() == userId).count() <= keep) {
            return List.of(); // the usual case, without sorting the user's tokens on every issue
        }
        List<TokenGrant> newestFirst = grants.values().stream().filter(g -> g.userId() == userId)
                .sorted(Comparator.comparing(TokenGrant::createdAt).thenComparing(TokenGrant::hash).reversed())
                .toList();
        List<String> revoked = new ArrayList<>();
        for (TokenGrant old : newestFirst.subList(Math.min(keep, newestFirst.size()), newestFirst.size())) {
            grants.remove(old.hash());
            revoked.add(old.hash());
        }
        return revoked;
    }

    @Override
    public int deleteExpired(Instant now) {
        int before = grants.size();
        grants.values().removeIf(g -> g.isExpiredAt(now));
        return before - grants.size();
    }

    public int lookups() {
        return lookups.get();
    }

    public int size() {
        return grants.size();
    }
}
