package io.miningos.gateway.application.identity;

import io.miningos.gateway.application.identity.port.out.UserProfileStore;
import io.miningos.gateway.application.shared.InMemoryTransactions;
import io.miningos.gateway.domain.user.ProviderProfile;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CachedUserProfileStoreTest {

    /** Counts the reads that reach storage. */
    private static final class CountingStore implements UserProfileStore {
        final InMemoryUserProfileStore inner = new InMemoryUserProfileStore();
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public void save(long userId, ProviderProfile profile, Instant now) {
            inner.save(userId, profile, now);
        }

        @Override
        public Optional<ProviderProfile> find(long userId) {
            reads.incrementAndGet();
            return inner.find(userId);
        }
    }

    private final CountingStore storage = new CountingStore();
    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final CachedUserProfileStore cached = new CachedUserProfileStore(storage, transactions);
    private final ProviderProfile ana = new ProviderProfile("Ana Tech", "Ana", "https://pics.example/ana.png");

    @Nested
    class Contract extends UserProfileStoreContract {
        @Override
        protected UserProfileStore newStore() {
            return new CachedUserProfileStore(new InMemoryUserProfileStore(), new InMemoryTransactions());
        }
    }

    @Test
    void repeatedReadsOfAProfileOrOfNoneReachStorageOnce() {
        storage.save(2, ana, Instant.now());
        for (int i = 0; i < 5; i++) {
            assertEquals(Optional.of(ana), cached.find(2));
            assertEquals(Optional.empty(), cached.find(3));
        }
        assertEquals(2, storage.reads.get());
    }

    @Test
    void aSaveInATransactionIsReadOnceItHasCommitted() {
        assertEquals(Optional.empty(), cached.find(2));
        ProviderProfile renamed = new ProviderProfile("Ana T.", null, null);
        transactions.run(() -> {
            cached.save(2, renamed, Instant.now());
            // another request reads meanwhile (the in-memory store shows the write at once, as if committed)
            assertEquals(Optional.of(renamed), cached.find(2));
            storage.inner.save(2, ana, Instant.now()); // a later write in the same transaction
        });
        assertEquals(Optional.of(ana), cached.find(2), "what was kept during the transaction is dropped at commit");
    }
}
