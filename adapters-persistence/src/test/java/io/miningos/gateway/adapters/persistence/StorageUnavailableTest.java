package io.miningos.gateway.adapters.persistence;

import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.error.ErrorKind;
import io.miningos.gateway.domain.globaldata.GlobalDataType;
import io.miningos.gateway.domain.globaldata.GlobalRecord;
import io.miningos.gateway.domain.globaldata.RecordKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A full or read-only disk makes writes fail with 503 {@code ERR_STORAGE_UNAVAILABLE} (not a 500), while reads keep
 * working. A size-limited database simulates a full disk anywhere, and a real tiny file system (tmpfs) is used where
 * the test may mount one (root; skipped elsewhere).
 */
class StorageUnavailableTest {

    private static final String BIG = "x".repeat(256 * 1024);
    private final List<Path> mounts = new ArrayList<>();

    @AfterEach
    void unmount() throws Exception {
        for (Path mount : mounts) {
            run("umount", "-l", mount.toString());
        }
    }

    private static GlobalRecord record(String model, String text) {
        return new GlobalRecord(GlobalDataType.CONTAINER_SETTINGS, "site", RecordKey.ofName(model),
                Map.of("model", model, "note", text));
    }

    private static void unavailable(Executable write) {
        DomainException e = assertThrows(DomainException.class, write);
        assertEquals(ErrorKind.UNAVAILABLE, e.kind());
        assertEquals("ERR_STORAGE_UNAVAILABLE", e.code());
    }

    /** Writes fail as unavailable, alone or in a transaction; what was stored reads back. */
    private static void writesFailReadsWork(SqliteDatabase db, JooqGlobalDataStore store) {
        unavailable(() -> store.put(record("big", BIG), Instant.now()));
        unavailable(() -> db.run(() -> store.put(record("big-in-tx", BIG), Instant.now())));
        assertEquals("small", store.find(GlobalDataType.CONTAINER_SETTINGS, "site", RecordKey.ofName("small"))
                .orElseThrow().get("note"));
        assertTrue(store.find(GlobalDataType.CONTAINER_SETTINGS, "site", RecordKey.ofName("big")).isEmpty());
    }

    @Test
    void aDatabaseAtItsSizeLimitRefusesWritesAsUnavailableAndStillReads() {
        // One connection, so the page limit (a per-connection setting) holds for every statement.
        try (SqliteDatabase db = SqliteDatabase.open(TempDatabase.newDir(), 1)) {
            JooqGlobalDataStore store = new JooqGlobalDataStore(db);
            store.put(record("small", "small"), Instant.now());
            long pages = ((Number) db.dsl().fetchValue("PRAGMA page_count")).longValue();
            db.dsl().fetch("PRAGMA max_page_count = " + pages);
            writesFailReadsWork(db, store);
        }
    }

    @Test
    void aFullFileSystemRefusesWritesAsUnavailableAndStillReads() throws Exception {
        Path dir = mountTmpfs("size=4m");
        try (SqliteDatabase db = SqliteDatabase.open(dir)) {
            JooqGlobalDataStore store = new JooqGlobalDataStore(db);
            store.put(record("small", "small"), Instant.now());
            fill(dir.resolve("filler"));
            writesFailReadsWork(db, store);
        }
    }

    @Test
    void aReadOnlyDatabaseRefusesWritesAsUnavailableAndStillReads() {
        // Linux refuses to remount a file system read-only while the database is open for writing; a read-only
        // connection gives the answer SQLite gives then (SQLITE_READONLY).
        try (SqliteDatabase db = SqliteDatabase.open(TempDatabase.newDir(), 1)) {
            JooqGlobalDataStore store = new JooqGlobalDataStore(db);
            store.put(record("small", "small"), Instant.now());
            db.dsl().execute("PRAGMA query_only = 1");
            writesFailReadsWork(db, store);
        }
    }

    /** A fresh tmpfs of the given options, or the test is skipped where mounting is not allowed. */
    private Path mountTmpfs(String options) throws Exception {
        Path dir = Files.createTempDirectory("gateway-tmpfs");
        assumeTrue(run("mount", "-t", "tmpfs", "-o", options, "tmpfs", dir.toString()),
                "mounting a tmpfs needs root; skipped");
        mounts.add(dir);
        return dir;
    }

    private static void fill(Path file) {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // No space left: as intended.
        }
    }

    private static boolean run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    }
}
