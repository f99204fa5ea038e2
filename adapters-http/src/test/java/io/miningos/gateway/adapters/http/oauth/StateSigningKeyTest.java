package io.miningos.gateway.adapters.http.oauth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StateSigningKeyTest {

    @TempDir
    Path dir;

    @Test
    void isCreatedOnceOwnerOnlyAndReusedAfterwards() throws Exception {
        StateSigningKey first = StateSigningKey.inDataDir(dir);
        Path file = dir.resolve(StateSigningKey.FILE_NAME);

        assertTrue(Files.isRegularFile(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(StateSigningKey.MIN_BYTES, first.bytes().length);
        assertArrayEquals(first.bytes(), StateSigningKey.inDataDir(dir).bytes());
    }

    @Test
    void aKeyFileOthersCanReadIsTightened() throws Exception {
        StateSigningKey.inDataDir(dir);
        Path file = dir.resolve(StateSigningKey.FILE_NAME);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        StateSigningKey.inDataDir(dir);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aDamagedKeyFileStopsTheStartWithAClearMessage() throws Exception {
        Files.writeString(dir.resolve(StateSigningKey.FILE_NAME), "short");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> StateSigningKey.inDataDir(dir));
        assertTrue(e.getMessage().contains("delete it"), e.getMessage());
    }

    @Test
    void aConfiguredSecretMustBeLongEnough() {
        assertThrows(IllegalArgumentException.class, () -> StateSigningKey.configured("too short"));
        assertEquals(40, StateSigningKey.configured("x".repeat(40)).bytes().length);
    }
}
