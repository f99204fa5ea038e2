package io.miningos.gateway.adapters.persistence;

import io.miningos.gateway.application.shared.RecordingTelemetry;
import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.token.ClientIp;
import io.miningos.gateway.domain.token.TokenGrant;
import io.miningos.gateway.domain.user.Email;
import io.miningos.gateway.domain.user.NewUser;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqliteDatabaseTest {

    @Test
    void migratesOnceAndReopensCleanly() {
        Path dir = TempDatabase.newDir();
        try (SqliteDatabase db = SqliteDatabase.open(dir)) {
            assertEquals("wal", db.dsl().fetchValue("PRAGMA journal_mode", String.class));
            assertEquals(1, db.dsl().fetchValue("PRAGMA foreign_keys", Integer.class));
            new JooqUserRepository(db).insert(new NewUser(new Email("a@example.com"), null, "dev"), Instant.now());
        }
        try (SqliteDatabase db = SqliteDatabase.open(dir)) {
            assertEquals(SchemaMigrations.STEPS.size(),
                    db.dsl().fetchValue("SELECT max(version) FROM schema_migrations", Integer.class));
            assertTrue(new JooqUserRepository(db).findByEmail(new Email("a@example.com")).isPresent());
        }
    }

    @Test
    void aCheckpointShrinksTheWriteAheadLogAfterABurstOfWrites() throws Exception {
        // Regression: 109k tokens in a minute left a 180 MB log that never shrank.
        Path dir = TempDatabase.newDir();
        try (SqliteDatabase db = SqliteDatabase.open(dir)) {
            long user = new JooqUserRepository(db).insert(new NewUser(new Email("a@example.com"), null, "dev"),
                    Instant.now()).id();
            JooqTokenStore tokens = new JooqTokenStore(db);
            Instant now = Instant.now();
            for (int i = 0; i < 20_000; i++) {
                tokens.save(new TokenGrant("%064d".formatted(i), user, List.of("dev"),
                        Set.of(ClientIp.parse("127.0.0.1")), now, now.plusSeconds(3600)));
            }
            Path wal = dir.resolve(SqliteDatabase.FILE_NAME + "-wal");
            assertTrue(Files.size(wal) > 1_000_000, "the burst grew the log: " + Files.size(wal));
            assertEquals(0, db.checkpoint());
            assertEquals(0, Files.size(wal));
            assertEquals(20_000, db.dsl().fetchCount(JooqTokenStore.TOKENS), "nothing was lost");
        }
    }

    @Test
    void theDatabaseAndItsWalAndShmAreOwnerOnlyAfterWritesCheckpointsAndReopening() throws Exception {
        Path dir = TempDatabase.newDir();
        List<String> files = List.of(SqliteDatabase.FILE_NAME, SqliteDatabase.FILE_NAME + "-wal",
                SqliteDatabase.FILE_NAME + "-shm");
        try (SqliteDatabase db = SqliteDatabase.open(dir)) {
            new JooqUserRepository(db).insert(new NewUser(new Email("a@example.com"), null, "dev"), Instant.now());
            for (String name : files) {
                assertEquals("rw-------", modeOf(dir.resolve(name)), name);
            }
            db.dsl().fetch("PRAGMA wal_checkpoint(TRUNCATE)");
            new JooqUserRepository(db).insert(new NewUser(new Email("b@example.com"), null, "dev"), Instant.now());
            for (String name : files) {
                assertEquals("rw-------", modeOf(dir.resolve(name)), "after a checkpoint: " + name);
            }
        }
        try (SqliteDatabase db = SqliteDatabase.open(dir)) {
            new JooqUserRepository(db).insert(new NewUser(new Email("c@example.com"), null, "dev"), Instant.now());
            for (String name : files) {
                assertEquals("rw-------", modeOf(dir.resolve(name)), "after reopening: " + name);
            }
        }
    }

    private static String modeOf(Path file) throws java.io.IOException {
        return java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(file));
    }

    @Test
    void reportsStorageFailuresToTelemetry() {
        RecordingTelemetry telemetry = new RecordingTelemetry();
        try (SqliteDatabase db = SqliteDatabase.open(TempDatabase.newDir(), telemetry)) {
            new JooqUserRepository(db).insert(new NewUser(new Email("a@example.com"), null, "dev"), Instant.now());
            assertEquals(List.of(), telemetry.events(), "nothing to report while storage works");
            assertThrows(RuntimeException.class, () -> db.dsl().execute("INSERT INTO no_such_table VALUES (1)"));
            assertEquals(List.of("storage failed"), telemetry.events());
        }
    }

    @Test
    void refusesADatabaseFromANewerGateway() {
        Path dir = TempDatabase.newDir();
        try (SqliteDatabase db = SqliteDatabase.open(dir)) {
            db.dsl().execute("INSERT INTO schema_migrations VALUES (999, 'V999__future.sql', 0)");
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SqliteDatabase.open(dir));
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
    }

    @Test
    void aFailedTransactionLeavesNothingBehindAndSkipsAfterCommitActions() {
        try (SqliteDatabase db = TempDatabase.open()) {
            JooqUserRepository users = new JooqUserRepository(db);
            List<String> effects = new ArrayList<>();
            assertThrows(DomainException.class, () -> db.run(() -> {
                users.insert(new NewUser(new Email("a@example.com"), null, "dev"), Instant.now());
                db.afterCommit(() -> effects.add("committed"));
                throw DomainException.conflict("ERR_TEST");
            }));
            assertTrue(users.findByEmail(new Email("a@example.com")).isEmpty());
            assertTrue(effects.isEmpty());
            db.run(() -> {
                users.insert(new NewUser(new Email("b@example.com"), null, "dev"), Instant.now());
                db.afterCommit(() -> effects.add("committed"));
                assertTrue(effects.isEmpty(), "after-commit actions wait for the commit");
            });
            assertEquals(List.of("committed"), effects);
        }
    }

    @Test
    void nestedTransactionsJoinTheOuterOne() {
        try (SqliteDatabase db = TempDatabase.open()) {
            JooqUserRepository users = new JooqUserRepository(db);
            assertThrows(IllegalStateException.class, () -> db.run(() -> {
                db.run(() -> users.insert(new NewUser(new Email("inner@example.com"), null, "dev"), Instant.now()));
                throw new IllegalStateException("outer fails after inner finished");
            }));
            assertFalse(users.findByEmail(new Email("inner@example.com")).isPresent());
        }
    }

    @Test
    void concurrentWritersOnOneInstanceAllPersist() throws Exception {
        try (SqliteDatabase db = TempDatabase.open()) {
            JooqUserRepository users = new JooqUserRepository(db);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 25; i++) {
                        int n = i;
                        db.run(() -> {
                            Email email = new Email("u" + thread + "-" + n + "@example.com");
                            if (users.findByEmail(email).isEmpty()) { // read-then-write in one transaction
                                users.insert(new NewUser(email, null, "dev"), Instant.now());
                            }
                        });
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            assertEquals(200, users.findAll().size());
        }
    }

    @Test
    void twoProcessesShareOneFile() throws Exception {
        Path dir = TempDatabase.newDir();
        try (SqliteDatabase db = TempDatabase.withUsersIn(dir)) {
            JooqTokenStore tokens = new JooqTokenStore(db);
            Process child = SecondProcess.start(dir, 200);
            for (int i = 0; i < 200; i++) {
                tokens.save(new TokenGrant("parent-" + i, 2, List.of("dev"), Set.of(ClientIp.parse("::1")),
                        Instant.now(), Instant.now().plusSeconds(60)));
            }
            String output = new String(child.getInputStream().readAllBytes());
            assertEquals(0, child.waitFor(), output + new String(child.getErrorStream().readAllBytes()));
            assertTrue(output.contains("wrote 200"), output);
            assertEquals(400, db.dsl().fetchCount(DSL.table("tokens")));
            assertTrue(tokens.findByHash("child-199").isPresent(), "the other process's rows are visible");
        }
    }
}
