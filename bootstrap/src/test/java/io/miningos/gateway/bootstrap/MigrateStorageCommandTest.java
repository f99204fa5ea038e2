package io.miningos.gateway.bootstrap;

import io.miningos.gateway.adapters.persistence.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code migrate-storage}: a SQLite data folder into the configured PostgreSQL database, and again. */
class MigrateStorageCommandTest {

    @BeforeAll
    static void needsTheServer() {
        TestPostgres.admin(); // fails without one; with -DnoPostgres skips the class (no @AfterEach on nothing)
    }


    @TempDir
    Path dir;
    private TestPostgres.Scratch schema;
    private Path config;
    private String dataDir;

    private record Result(int exit, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeEach
    void setUp() throws Exception {
        schema = TestPostgres.schema();
        config = Files.createDirectories(dir.resolve("config"));
        Path passwordFile = dir.resolve("pg.password");
        String password = schema.settings().password();
        Files.writeString(passwordFile, password == null ? "" : password);
        Files.writeString(config.resolve("common.json"), """
                {"gateway": {"storage": {"kind": "postgres", "url": "%s", "user": "%s", "passwordFile": "%s"}}}"""
                .formatted(schema.settings().url(), schema.settings().user(), passwordFile));
        dataDir = dir.resolve("data").toString();
    }

    @AfterEach
    void drop() {
        schema.close();
    }

    @Test
    void copiesTheFolderOnceAndThePostgresGatewayKnowsItsUsers() {
        Result added = run("users", "add", "--email", "op@example.com", "--role", "site_operator",
                "--data-dir", dataDir);
        assertEquals(0, added.exit(), added.err());

        Result first = run("migrate-storage", "--config", config.toString(), "--data-dir", dataDir);
        assertEquals(0, first.exit(), first.err());
        assertTrue(first.out().lines().anyMatch(l -> l.matches("users +2 +2 +2")), first.out());
        assertTrue(first.out().contains("every table has as many rows in PostgreSQL as in SQLite"), first.out());

        Result again = run("migrate-storage", "--config", config.toString(), "--data-dir", dataDir);
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().lines().anyMatch(l -> l.matches("users +2 +0 +2")), again.out());

        Result token = run("token", "--email", "op@example.com", "--config", config.toString(),
                "--data-dir", dir.resolve("other").toString());
        assertEquals(0, token.exit(), token.err());
    }

    @Test
    void refusesWithoutAPostgresConfigurationOrADatabaseToCopy() throws Exception {
        Path sqliteConfig = Files.createDirectories(dir.resolve("sqlite-config"));
        Files.writeString(sqliteConfig.resolve("common.json"), "{}");
        Result notPostgres = run("migrate-storage", "--config", sqliteConfig.toString(), "--data-dir", dataDir);
        assertEquals(2, notPostgres.exit());
        assertTrue(notPostgres.err().contains("nothing to migrate to"), notPostgres.err());

        Result nothing = run("migrate-storage", "--config", config.toString(), "--data-dir", dataDir);
        assertEquals(1, nothing.exit());
        assertTrue(nothing.err().contains("gateway.db is missing"), nothing.err());
    }
}
