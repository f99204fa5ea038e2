package io.miningos.gateway.adapters.ork.hrpc;

import io.miningos.gateway.adapters.ork.spi.CommandContext;
import io.miningos.gateway.adapters.ork.spi.OrkTransportContext;
import io.miningos.gateway.adapters.ork.spi.OrkTransportException;
import io.miningos.gateway.adapters.ork.spi.OrkTransportProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a site sees when hrpc cannot run: one clear error at open, naming what to install, and no process left. */
class HrpcTransportProviderTest {

    private static final Map<String, Object> OPTIONS = Map.of("rpcPublicKey", "ab".repeat(32));

    @TempDir
    Path dataDir;

    @Test
    void isFoundByServiceLoaderUnderItsName() {
        assertTrue(ServiceLoader.load(OrkTransportProvider.class).stream()
                .anyMatch(provider -> provider.get().name().equals("hrpc")
                        && provider.type().equals(HrpcTransportProvider.class)));
    }

    @Test
    void itsStartupNoteAndItsCommandNameTheClientKeyWithoutNeedingNode() {
        HrpcTransportProvider provider = new HrpcTransportProvider(dataDir.resolve("no-such-node").toString());

        List<String> notes = provider.startupNotes(dataDir);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = provider.commands().getFirst().run(new CommandContext(dataDir, List.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));

        String key = GatewayKeys.loadOrCreate(dataDir).publicKeyHex();
        assertEquals(List.of("hrpc client key (allow it on your ORKs): " + key), notes);
        assertEquals(List.of("hrpc-key"), provider.commands().stream().map(c -> c.name()).toList());
        assertEquals(0, exit);
        assertEquals(key + System.lineSeparator(), out.toString(StandardCharsets.UTF_8));
        assertThrows(IllegalArgumentException.class, () -> provider.commands().getFirst().run(new CommandContext(
                dataDir, List.of("--config", "x"), System.out, System.err)), "a usage error");
    }

    @Test
    void missingNodeIsOneErrorNamingWhatToInstall() {
        HrpcTransportProvider provider = new HrpcTransportProvider(dataDir.resolve("no-such-node").toString());

        OrkTransportException e = assertThrows(OrkTransportException.class, () -> provider.open(context(OPTIONS)));

        assertTrue(e.getMessage().startsWith("hrpc transport needs Node.js >= 20 (found none: cannot run"), e.getMessage());
        assertTrue(e.getMessage().contains("install Node.js 20 or newer"), e.getMessage());
        assertTrue(provider.bridgePid(dataDir).isEmpty());
    }

    @Test
    void tooOldNodeIsOneErrorNamingTheVersionFound() throws Exception {
        Path oldNode = fakeNode("echo v18.19.1");
        HrpcTransportProvider provider = new HrpcTransportProvider(oldNode.toString());

        OrkTransportException e = assertThrows(OrkTransportException.class, () -> provider.open(context(OPTIONS)));

        assertEquals("hrpc transport needs Node.js >= 20 (found v18.19.1 at '" + oldNode + "'); install Node.js 20 "
                + "or newer", e.getMessage());
    }

    @Test
    void somethingElseCalledNodeIsNotMistakenForIt() throws Exception {
        Path notNode = fakeNode("echo 'GNU nodes 1.0'");

        OrkTransportException e = assertThrows(OrkTransportException.class,
                () -> new HrpcTransportProvider(notNode.toString()).open(context(OPTIONS)));

        assertTrue(e.getMessage().contains("which is not a Node.js version"), e.getMessage());
    }

    @Test
    void aBridgeThatDiesAtStartIsReportedWithItsOutput() throws Exception {
        // Passes the version check, then fails the way a bridge with missing npm packages does.
        Path brokenNode = fakeNode("""
                if [ "$1" = "--version" ]; then echo v20.11.0; exit 0; fi
                echo "hrpc-bridge: cannot load its npm dependencies (MODULE_NOT_FOUND)" >&2
                exit 3""");

        OrkTransportException e = assertThrows(OrkTransportException.class,
                () -> new HrpcTransportProvider(brokenNode.toString()).open(context(OPTIONS)));

        assertTrue(e.getMessage().contains("exited with code 3 before it was ready"), e.getMessage());
        assertTrue(e.getMessage().contains("cannot load its npm dependencies"), e.getMessage());
    }

    @Test
    void badOptionsAreRefusedBeforeAnythingStarts() {
        HrpcTransportProvider provider = new HrpcTransportProvider(dataDir.resolve("no-such-node").toString());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> provider.open(context(Map.of("rpcPublicKey", "nope"))));

        assertTrue(e.getMessage().startsWith("rpcPublicKey: "), e.getMessage());
        assertFalse(Files.exists(dataDir.resolve(GatewayKeys.FILE_NAME)), "made a key for a bad configuration");
    }

    private OrkTransportContext context(Map<String, Object> options) {
        return new OrkTransportContext("cluster-1", options, dataDir, Clock.systemUTC());
    }

    private Path fakeNode(String script) throws Exception {
        Path file = dataDir.resolve("fake-node-" + System.nanoTime());
        Files.writeString(file, "#!/bin/sh\n" + script + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }
}
