package io.miningos.gateway.bootstrap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataFolderTest {

    @TempDir
    Path temp;

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }

    private static void setMode(Path path, String mode) throws IOException {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
    }

    @Test
    void aNewFolderIsOwnerOnly() throws IOException {
        Path dir = temp.resolve("site/data");
        assertEquals(0, DataFolder.prepare(dir));
        assertEquals("rwx------", mode(dir));
    }

    @Test
    void whateverIsOpenToOthersIsMadeOwnerOnlyAndNothingElseChanges() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("data"));
        setMode(dir, "rwxr-xr-x");
        Path db = Files.writeString(dir.resolve("gateway.db"), "x");
        setMode(db, "rw-r--r--");
        Path wal = Files.writeString(dir.resolve("gateway.db-wal"), "x");
        setMode(wal, "rw-rw-rw-");
        Path sim = Files.createDirectories(dir.resolve("sim"));
        setMode(sim, "rwxr-x---");
        Path state = Files.writeString(sim.resolve("cluster-1.json"), "{}");
        setMode(state, "rw-r-----");
        Path key = Files.writeString(dir.resolve("oauth-state.key"), "k");
        setMode(key, "rw-------");
        Path script = Files.writeString(dir.resolve("tool.sh"), "#!/bin/sh");
        setMode(script, "rwxr-xr-x");
        Path outside = Files.writeString(temp.resolve("outside.txt"), "not ours");
        setMode(outside, "rw-r--r--");
        Files.createSymbolicLink(dir.resolve("link"), outside);

        assertEquals(6, DataFolder.prepare(dir));

        assertEquals(Map.of("data", "rwx------", "gateway.db", "rw-------", "gateway.db-wal", "rw-------",
                        "sim", "rwx------", "cluster-1.json", "rw-------", "oauth-state.key", "rw-------",
                        "tool.sh", "rwx------"),
                Map.of("data", mode(dir), "gateway.db", mode(db), "gateway.db-wal", mode(wal), "sim", mode(sim),
                        "cluster-1.json", mode(state), "oauth-state.key", mode(key), "tool.sh", mode(script)));
        assertEquals("rw-r--r--", mode(outside), "a link is not followed out of the folder");
        assertEquals(0, DataFolder.prepare(dir), "nothing left to tighten");
    }

    @Test
    void aFolderReachedThroughALinkIsCheckedToo() throws IOException {
        Path real = Files.createDirectories(temp.resolve("real"));
        setMode(real, "rwxr-xr-x");
        Path db = Files.writeString(real.resolve("gateway.db"), "x");
        setMode(db, "rw-r--r--");
        Path link = Files.createSymbolicLink(temp.resolve("link"), real);
        assertEquals(2, DataFolder.prepare(link));
        assertEquals("rwx------", mode(real));
        assertEquals("rw-------", mode(db));
    }

    @Test
    void oneServerPerFolderUntilItStops() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("data"));
        DataFolder.ServeLock first = DataFolder.lockForServing(dir);
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> DataFolder.lockForServing(dir));
        assertTrue(refused.getMessage().startsWith("data folder " + dir + " is in use by another gateway"),
                refused.getMessage());
        assertEquals("rw-------", mode(dir.resolve(DataFolder.LOCK_FILE)));
        assertEquals(ProcessHandle.current().pid() + "\n", Files.readString(dir.resolve(DataFolder.LOCK_FILE)));
        DataFolder.ServeLock other = DataFolder.lockForServing(Files.createDirectories(temp.resolve("other")));
        other.close();

        first.close();
        DataFolder.lockForServing(dir).close();
    }

    @Test
    void aSecondGatewayOnTheFolderRefusesToStartAndTheFirstKeepsServing() {
        Path dir = temp.resolve("data");
        try (TestGateway first = TestGateway.start(dir, Map.of())) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> TestGateway.start(dir, Map.of()).close());
            assertTrue(refused.getMessage().contains("is in use by another gateway"), refused.getMessage());
            assertEquals(200, first.get("/auth/userinfo", first.adminToken()).status());
        }
        TestGateway.start(dir, Map.of()).close();
    }
}
