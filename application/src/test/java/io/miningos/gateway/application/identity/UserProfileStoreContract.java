package io.miningos.gateway.application.identity;

import io.miningos.gateway.application.identity.port.out.UserProfileStore;
import io.miningos.gateway.domain.user.ProviderProfile;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link UserProfileStore} must do; run against each implementation. */
public abstract class UserProfileStoreContract {

    /** A store whose users 1, 2 and 3 exist. */
    protected abstract UserProfileStore newStore();

    @Test
    void savesAndReplacesEachUsersProfile() {
        UserProfileStore store = newStore();
        assertTrue(store.find(2).isEmpty());
        ProviderProfile ana = new ProviderProfile("Ana Tech", "Ana", "https://pics.example/ana.png");
        store.save(2, ana, Instant.now());
        assertEquals(ana, store.find(2).orElseThrow());
        store.save(2, new ProviderProfile("Ana T.", null, null), Instant.now());
        assertEquals(new ProviderProfile("Ana T.", null, null), store.find(2).orElseThrow());
        assertTrue(store.find(3).isEmpty());
        store.save(3, ProviderProfile.NONE, Instant.now());
        assertEquals(ProviderProfile.NONE, store.find(3).orElseThrow());
    }
}
