package io.miningos.gateway.application.identity;

import io.miningos.gateway.application.identity.port.out.TokenStore;
import io.miningos.gateway.application.identity.port.out.UserProfileStore;
import io.miningos.gateway.application.identity.port.out.UserRepository;
import io.miningos.gateway.application.shared.port.out.AuditLog;
import io.miningos.gateway.application.users.InMemoryUserSettingsStore;
import io.miningos.gateway.application.users.UserSettingsStoreContract;
import io.miningos.gateway.application.users.port.out.UserSettingsStore;
import org.junit.jupiter.api.Nested;

/** The in-memory ports used by service tests obey the same contracts as the SQLite ones. */
class InMemoryPortsTest {

    @Nested
    class Users extends UserRepositoryContract {
        @Override
        protected UserRepository newRepository() {
            return new InMemoryUserRepository();
        }
    }

    @Nested
    class Tokens extends TokenStoreContract {
        @Override
        protected TokenStore newStore() {
            return new InMemoryTokenStore();
        }
    }

    @Nested
    class Audit extends AuditLogContract {
        @Override
        protected AuditLog newLog() {
            return new InMemoryAuditLog();
        }
    }

    @Nested
    class Settings extends UserSettingsStoreContract {
        @Override
        protected UserSettingsStore newStore() {
            return new InMemoryUserSettingsStore();
        }
    }

    @Nested
    class Profiles extends UserProfileStoreContract {
        @Override
        protected UserProfileStore newStore() {
            return new InMemoryUserProfileStore();
        }
    }
}
