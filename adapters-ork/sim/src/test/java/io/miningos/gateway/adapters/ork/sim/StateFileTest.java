package io.miningos.gateway.adapters.ork.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StateFileTest {

    @TempDir
    Path dataDir;

    @Test
    void theStateAndItsFolderAreOwnerOnly() throws Exception {
        StateFile state = new StateFile(dataDir.resolve("sim/cluster-1.json"), new ObjectMapper());
        state.save(Map.of("comments", Map.of()));
        assertEquals(Map.of("comments", Map.of()), state.load());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("sim"))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state.path())));
    }
}
