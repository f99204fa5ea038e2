package io.miningos.gateway.adapters.ork.hrpc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Unpacks the bridge this module's build packed into its resources. */
class BridgeInstallationTest {

    @TempDir
    Path dataDir;

    @Test
    void unpacksTheBridgeWithItsDependenciesIntoAVersionedFolder() throws Exception {
        Path script = BridgeInstallation.ensureInstalled(dataDir);

        assertEquals(BridgeInstallation.SCRIPT, script.getFileName().toString());
        assertEquals(dataDir.resolve(BridgeInstallation.FOLDER), script.getParent().getParent());
        assertTrue(script.getParent().getFileName().toString().matches("[0-9a-f]{16}"));
        assertTrue(Files.isRegularFile(script.resolveSibling("node_modules/@hyperswarm/rpc/package.json")));
        assertTrue(Files.isRegularFile(script.resolveSibling("node_modules/hyperdht/package.json")));
        try (Stream<Path> paths = Files.walk(dataDir.resolve(BridgeInstallation.FOLDER))) {
            for (Path path : paths.toList()) {
                String mode = java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(path, java.nio.file.LinkOption.NOFOLLOW_LINKS));
                assertEquals(Files.isDirectory(path) ? "rwx------" : "rw-------", mode, "owner-only: " + path);
            }
        }
    }

    @Test
    void keepsOnlyTheNativeBuildsASiteCanRun() throws Exception {
        Path modules = BridgeInstallation.ensureInstalled(dataDir).resolveSibling("node_modules");

        try (Stream<Path> files = Files.walk(modules)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String path = modules.relativize(file).toString();
                assertFalse(path.contains("/prebuilds/android-") || path.contains("/prebuilds/ios-"), path);
                assertFalse(path.contains("/prebuilds/") && path.endsWith(".bare"), path);
            }
        }
        assertTrue(Files.isRegularFile(modules.resolve("sodium-native/prebuilds/linux-x64/sodium-native.node")));
    }

    @Test
    void reusesAnUnpackedBridgeAndRemovesEarlierBuilds() throws Exception {
        Path script = BridgeInstallation.ensureInstalled(dataDir);
        FileTime unpackedAt = FileTime.fromMillis(1_000_000);
        Files.setLastModifiedTime(script, unpackedAt);
        Path earlier = Files.createDirectories(dataDir.resolve(BridgeInstallation.FOLDER).resolve("0123456789abcdef"));
        Files.writeString(earlier.resolve(BridgeInstallation.SCRIPT), "old");

        Path again = BridgeInstallation.ensureInstalled(dataDir);

        assertEquals(script, again);
        assertEquals(unpackedAt, Files.getLastModifiedTime(again), "unpacked a second time");
        assertFalse(Files.exists(earlier));
    }

    @Test
    void replacesAHalfUnpackedBridge() throws Exception {
        Path script = BridgeInstallation.ensureInstalled(dataDir);
        Files.delete(script.resolveSibling(".complete"));
        Files.writeString(script, "truncated");

        Path again = BridgeInstallation.ensureInstalled(dataDir);

        assertTrue(Files.readString(again).contains("@hyperswarm/rpc"));
        assertTrue(Files.isRegularFile(again.resolveSibling(".complete")));
    }
}
