package io.miningos.gateway.adapters.persistence;

import io.miningos.gateway.domain.user.Email;
import io.miningos.gateway.domain.user.NewUser;
import io.miningos.gateway.domain.user.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** On a SQLite file; {@link PostgresUserActivityStoreTest} runs the same on PostgreSQL. */
class JooqUserActivityStoreTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    @TempDir
    Path dir;
    private Database db;
    private JooqUserActivityStore store;
    private User alice;
    private User bob;

    @BeforeEach
    void open() {
        db = openDatabase();
        JooqUserRepository users = new JooqUserRepository(db);
        users.ensureSuperAdmin(new Email("admin@example.com"), T0);
        alice = users.insert(new NewUser(new Email("alice@example.com"), null, "site_operator"), T0);
        bob = users.insert(new NewUser(new Email("bob@example.com"), null, "read_only_user"), T0);
        store = new JooqUserActivityStore(db);
    }

    /** A new, empty, migrated database, closed after each test. */
    Database openDatabase() {
        return SqliteDatabase.open(dir);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void writesEachUsersLastActivityAndLeavesOthersAlone() {
        store.recordLastActive(Map.of(alice.id(), T0.plusSeconds(30)));

        assertEquals(T0.plusSeconds(30).toEpochMilli(), lastActiveOf(alice.id()));
        assertNull(lastActiveOf(bob.id()));
    }

    @Test
    void neverMovesLastActivityBack() {
        store.recordLastActive(Map.of(alice.id(), T0.plusSeconds(60)));
        store.recordLastActive(Map.of(alice.id(), T0.plusSeconds(10), bob.id(), T0.plusSeconds(10)));

        assertEquals(T0.plusSeconds(60).toEpochMilli(), lastActiveOf(alice.id()));
        assertEquals(T0.plusSeconds(10).toEpochMilli(), lastActiveOf(bob.id()));
    }

    @Test
    void skipsUsersThatNoLongerExist() {
        store.recordLastActive(Map.of(9_999L, T0, alice.id(), T0));

        assertEquals(T0.toEpochMilli(), lastActiveOf(alice.id()));
        assertEquals(3, db.dsl().fetchCount(JooqUserRepository.USERS));
    }

    private Long lastActiveOf(long userId) {
        return db.dsl().select(JooqUserRepository.LAST_ACTIVE_AT).from(JooqUserRepository.USERS)
                .where(JooqUserRepository.ID.eq(userId)).fetchOne(JooqUserRepository.LAST_ACTIVE_AT);
    }
}
