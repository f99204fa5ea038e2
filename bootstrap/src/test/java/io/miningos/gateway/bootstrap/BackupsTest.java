package io.miningos.gateway.bootstrap;

import io.miningos.gateway.adapters.persistence.JooqUserRepository;
import io.miningos.gateway.adapters.persistence.SqliteDatabase;
import io.miningos.gateway.domain.user.Email;
import io.miningos.gateway.domain.user.NewUser;
import io.miningos.gateway.domain.user.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code backup} and {@code restore} through the command line, on real data folders. */
class BackupsTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), () -> TransportPlugins.installed(Optional.empty()));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static List<String> emails(Path dataDir) {
        try (SqliteDatabase db = SqliteDatabase.open(dataDir)) {
            return new JooqUserRepository(db).findAll().stream().map(User::email).map(Email::value)
                    .filter(e -> e.startsWith("u")).toList();
        }
    }

    @Test
    void aBackupTakenUnderConcurrentWritesRestoresToAConsistentCopyWithTheKeyFiles() throws Exception {
        Path source = dir.resolve("source");
        Files.createDirectories(source);
        write(source.resolve("oauth-state.key"), "state-key-bytes");
        write(source.resolve("hrpc-client-key.json"), "{\"publicKey\":\"ab\"}");
        write(source.resolve("sim/cluster-1.json"), "{\"comments\":[]}");
        write(source.resolve("hrpc-bridge/bridge.js"), "// unpacked again from the jar");
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger written = new AtomicInteger();
        Path archive = dir.resolve("backups/site.zip");
        try (SqliteDatabase db = SqliteDatabase.open(source)) {
            JooqUserRepository users = new JooqUserRepository(db);
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                while (writing.get()) {
                    int n = written.get();
                    db.run(() -> users.insert(new NewUser(new Email("u" + n + "@example.com"), null, "dev"),
                            Instant.now()));
                    written.incrementAndGet();
                }
            });
            while (written.get() < 200) {
                Thread.onSpinWait();
            }
            Run backup = run("backup", "--data-dir", source.toString(), "--to", archive.toString());
            int afterBackup = written.get();
            while (written.get() < afterBackup + 50) { // the server keeps writing after the copy
                Thread.onSpinWait();
            }
            writing.set(false);
            writer.join();
            assertEquals(0, backup.exit(), backup.err());
            assertEquals(archive.toString(), backup.out().strip());
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(archive)),
                "the archive holds keys");

        Path target = dir.resolve("target");
        Run restore = run("restore", "--data-dir", target.toString(), "--from", archive.toString());
        assertEquals(0, restore.exit(), restore.err());

        List<String> restored = emails(target);
        assertTrue(restored.size() >= 200 && restored.size() < written.get(), restored.size() + " of " + written);
        List<String> prefix = new ArrayList<>();
        for (int i = 0; i < restored.size(); i++) {
            prefix.add("u" + i + "@example.com");
        }
        assertEquals(prefix, restored.stream().sorted((a, b) -> Integer.compare(number(a), number(b))).toList(),
                "the copy is the database as of one moment: every write before it, none after, no gap");
        assertEquals("state-key-bytes", Files.readString(target.resolve("oauth-state.key")));
        assertArrayEquals(Files.readAllBytes(source.resolve("hrpc-client-key.json")),
                Files.readAllBytes(target.resolve("hrpc-client-key.json")));
        assertEquals("{\"comments\":[]}", Files.readString(target.resolve("sim/cluster-1.json")));
        assertFalse(Files.exists(target.resolve("hrpc-bridge")), "the bridge's program is not backed up");
        try (Stream<Path> left = Files.list(target)) {
            assertTrue(left.noneMatch(f -> f.getFileName().toString().startsWith(".")), "no temporary file left");
        }
    }

    private static int number(String email) {
        return Integer.parseInt(email.substring(1, email.indexOf('@')));
    }

    private Path backupOf(Path dataDir, String name) {
        try (SqliteDatabase ignored = SqliteDatabase.open(dataDir)) {
            // a migrated, empty gateway database
        }
        Path archive = dir.resolve(name);
        Run backup = run("backup", "--data-dir", dataDir.toString(), "--to", archive.toString());
        assertEquals(0, backup.exit(), backup.err());
        return archive;
    }

    @Test
    void restoreIsRefusedWhileAServerUsesTheFolder() throws IOException {
        Path archive = backupOf(dir.resolve("a"), "a.zip");
        Path served = Files.createDirectories(dir.resolve("served"));
        try (DataFolder.ServeLock ignored = DataFolder.lockForServing(served)) {
            Run restore = run("restore", "--data-dir", served.toString(), "--from", archive.toString());
            assertEquals(1, restore.exit());
            assertTrue(restore.err().contains("is in use by another gateway"), restore.err());
        }
        assertFalse(Files.exists(served.resolve(SqliteDatabase.FILE_NAME)), "nothing was restored");
    }

    @Test
    void restoreKeepsExistingDataUnlessForcedAndThenMovesItAside() throws IOException {
        Path archive = backupOf(dir.resolve("a"), "a.zip");
        Path existing = dir.resolve("existing");
        try (SqliteDatabase db = SqliteDatabase.open(existing)) {
            new JooqUserRepository(db).insert(new NewUser(new Email("u0@example.com"), null, "dev"), Instant.now());
        }
        Run refused = run("restore", "--data-dir", existing.toString(), "--from", archive.toString());
        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains("--force"), refused.err());
        assertEquals(List.of("u0@example.com"), emails(existing));

        Run forced = run("restore", "--data-dir", existing.toString(), "--from", archive.toString(), "--force");
        assertEquals(0, forced.exit(), forced.err());
        assertEquals(List.of(), emails(existing), "the backup's database is in place");
        Path aside;
        try (Stream<Path> siblings = Files.list(dir)) {
            aside = siblings.filter(p -> p.getFileName().toString().startsWith("existing.before-restore-"))
                    .findFirst().orElseThrow();
        }
        assertTrue(forced.err().contains(aside.toString()), forced.err());
        assertEquals(List.of("u0@example.com"), emails(aside), "the replaced data is kept");
    }

    @Test
    void damagedOrForeignArchivesChangeNothing() throws IOException {
        Path target = dir.resolve("target");
        Path notZip = dir.resolve("not.zip");
        Files.writeString(notZip, "hello");
        assertEquals(1, run("restore", "--data-dir", target.toString(), "--from", notZip.toString()).exit());

        Path garbage = zip("garbage.zip", "{\"format\":1,\"createdAt\":\"2026-11-01T10:00:00Z\",\"files\":[]}",
                "gateway.db", "not a database".getBytes(StandardCharsets.UTF_8));
        Run damaged = run("restore", "--data-dir", target.toString(), "--from", garbage.toString());
        assertEquals(1, damaged.exit());
        assertTrue(damaged.err().contains("database"), damaged.err());

        Path escaping = zip("escape.zip", "{\"format\":1,\"createdAt\":\"2026-11-01T10:00:00Z\","
                + "\"files\":[\"../outside.txt\"]}", "../outside.txt", "x".getBytes(StandardCharsets.UTF_8));
        Run refused = run("restore", "--data-dir", target.toString(), "--from", escaping.toString());
        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains("can't hold"), refused.err());
        assertFalse(Files.exists(dir.resolve("outside.txt")));
        assertFalse(Files.exists(target.resolve(SqliteDatabase.FILE_NAME)));

        assertEquals(2, run("restore", "--data-dir", target.toString()).exit(), "--from is required");
        assertEquals(1, run("backup", "--data-dir", dir.resolve("nowhere").toString(), "--to",
                dir.resolve("x.zip").toString()).exit());
    }

    private Path zip(String name, String manifest, String entry, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(Backups.MANIFEST));
            zip.write(manifest.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("gateway.db"));
            zip.write(entry.equals("gateway.db") ? content : new byte[0]);
            zip.closeEntry();
            if (!entry.equals("gateway.db")) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return file;
    }
}
