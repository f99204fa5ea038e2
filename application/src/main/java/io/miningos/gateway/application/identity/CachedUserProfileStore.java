package io.miningos.gateway.application.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.miningos.gateway.application.identity.port.out.UserProfileStore;
import io.miningos.gateway.application.shared.port.out.Transactions;
import io.miningos.gateway.domain.user.ProviderProfile;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The profile store with the profiles it read kept in memory: {@code GET /auth/userinfo} shows the caller's profile
 * on every call (the UI polls it), and profiles change only at sign-in. A save drops the user's kept profile once
 * its transaction has committed (and at once), so no read can keep an older profile after it: a read still loading
 * when the save commits finishes before the drop. Users' ids are never reused, so a deleted user's profile can only
 * linger unread until it is pushed out.
 */
public final class CachedUserProfileStore implements UserProfileStore {

    /** Profiles kept: far more than the people of a site. */
    static final int MAX_PROFILES = 10_000;

    private final UserProfileStore store;
    private final Transactions transactions;
    private final Cache<Long, Optional<ProviderProfile>> profiles = Caffeine.newBuilder()
            .maximumSize(MAX_PROFILES).build();

    public CachedUserProfileStore(UserProfileStore store, Transactions transactions) {
        this.store = Objects.requireNonNull(store, "store");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public void save(long userId, ProviderProfile profile, Instant now) {
        profiles.invalidate(userId);
        store.save(userId, profile, now);
        transactions.afterCommit(() -> profiles.invalidate(userId));
    }

    @Override
    public Optional<ProviderProfile> find(long userId) {
        return profiles.get(userId, store::find);
    }
}
