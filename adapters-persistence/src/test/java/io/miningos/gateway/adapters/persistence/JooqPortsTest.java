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

/** The SQLite adapters run the same port contracts as the in-memory ones, each on a fresh real file. */
class JooqPortsTest {

    private final List<SqliteDatabase> opened = new ArrayList<>();

    private SqliteDatabase track(SqliteDatabase db) {
        opened.add(db);
        return db;
    }

    @AfterEach
    void close() {
        opened.forEach(SqliteDatabase::close);
    }

    @Nested
    class Users extends UserRepositoryContract {
        @Override
        protected UserRepository newRepository() {
            return new JooqUserRepository(track(TempDatabase.open()));
        }
    }

    @Nested
    class Tokens extends TokenStoreContract {
        @Override
        protected TokenStore newStore() {
            return new JooqTokenStore(track(TempDatabase.withUsers()));
        }
    }

    @Nested
    class Audit extends AuditLogContract {
        @Override
        protected AuditLog newLog() {
            return new JooqAuditLog(track(TempDatabase.open()));
        }
    }

    @Nested
    class Settings extends UserSettingsStoreContract {
        @Override
        protected UserSettingsStore newStore() {
            return new JooqUserSettingsStore(track(TempDatabase.withUsers()));
        }
    }

    @Nested
    class Profiles extends UserProfileStoreContract {
        @Override
        protected UserProfileStore newStore() {
            return new JooqUserProfileStore(track(TempDatabase.withUsers()));
        }
    }
}
