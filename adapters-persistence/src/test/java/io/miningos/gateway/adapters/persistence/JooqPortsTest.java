package io.miningos.gateway.adapters.persistence;

import io.miningos.gateway.application.identity.AuditLogContract;
import io.miningos.gateway.application.identity.TokenStoreContract;
import io.miningos.gateway.application.identity.UserProfileStoreContract;
import io.miningos.gateway.application.identity.UserRepositoryContract;
import io.miningos.gateway.application.identity.port.out.TokenStore;
import io.miningos.gateway.application.identity.port.out.UserProfileStore;
import io.miningos.gateway.application.identity.port.out.UserRepository;
import io.miningos.gateway.application.shared.port.out.AuditLog;
import io.miningos.gateway.application.users.UserSettingsStoreContract;
import io.miningos.gateway.application.users.port.out.UserSettingsStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

import java.util.ArrayList;
import java.util.List;

/**
 * The jOOQ adapters run the same port contracts as the in-memory ones, each on a fresh real database: a SQLite file
 * ({@link SqlitePortsTest}) or a schema of its own on the PostgreSQL test server ({@link PostgresPortsTest}).
 */
abstract class JooqPortsTest {

    private final List<AutoCloseable> opened = new ArrayList<>();

    /** A new, empty, migrated database. */
    abstract Database newDatabase();

    final <T extends AutoCloseable> T track(T resource) {
        opened.add(resource);
        return resource;
    }

    @AfterEach
    void close() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
        opened.clear();
    }

    @Nested
    class Users extends UserRepositoryContract {
        @Override
        protected UserRepository newRepository() {
            return new JooqUserRepository(newDatabase());
        }
    }

    @Nested
    class Tokens extends TokenStoreContract {
        @Override
        protected TokenStore newStore() {
            return new JooqTokenStore(TempDatabase.withUsers(newDatabase()));
        }
    }

    @Nested
    class Audit extends AuditLogContract {
        @Override
        protected AuditLog newLog() {
            return new JooqAuditLog(newDatabase());
        }
    }

    @Nested
    class Settings extends UserSettingsStoreContract {
        @Override
        protected UserSettingsStore newStore() {
            return new JooqUserSettingsStore(TempDatabase.withUsers(newDatabase()));
        }
    }

    @Nested
    class Profiles extends UserProfileStoreContract {
        @Override
        protected UserProfileStore newStore() {
            return new JooqUserProfileStore(TempDatabase.withUsers(newDatabase()));
        }
    }
}
