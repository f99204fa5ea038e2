package io.miningos.gateway.adapters.persistence;

import io.miningos.gateway.domain.user.Email;
import io.miningos.gateway.domain.user.NewUser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** A real SQLite file in a fresh temporary folder. */
final class TempDatabase {

    private TempDatabase() {
    }

    static Path newDir() {
        try {
            return Files.createTempDirectory("gateway-db-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SqliteDatabase open() {
        return SqliteDatabase.open(newDir());
    }

    /** A database whose users 1 (super admin), 2 and 3 exist, for stores that reference users. */
    static SqliteDatabase withUsers() {
        return withUsersIn(newDir());
    }

    static SqliteDatabase withUsersIn(Path dir) {
        return withUsers(SqliteDatabase.open(dir));
    }

    /** Adds users 1 (super admin), 2 and 3 to an empty database. */
    static <D extends Database> D withUsers(D db) {
        JooqUserRepository users = new JooqUserRepository(db);
        users.ensureSuperAdmin(new Email("root@example.com"), Instant.now());
        users.insert(new NewUser(new Email("two@example.com"), null, "dev"), Instant.now());
        users.insert(new NewUser(new Email("three@example.com"), null, "dev"), Instant.now());
        return db;
    }
}
