package io.miningos.gateway.bootstrap;

import io.miningos.gateway.adapters.ork.hrpc.GatewayKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code hrpc-key}: the public key ORK operators allow, as the last stdout line, run in-process. */
class HrpcKeyCommandTest {

    @TempDir
    Path dir;

    private record Outcome(int exit, String stdout, String stderr) {
        String lastLine() {
            List<String> lines = stdout.lines().toList();
            return lines.isEmpty() ? "" : lines.getLast();
        }
    }

    private static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void printsTheKeyMadeOnFirstUseAndTheSameOneAfterwards() {
        Path dataDir = dir.resolve("new-site/data");

        Outcome first = run("hrpc-key", "--data-dir", dataDir.toString());
        Outcome second = run("hrpc-key", "--data-dir", dataDir.toString());

        assertEquals(0, first.exit(), first.stderr());
        assertTrue(first.lastLine().matches("[0-9a-f]{64}"), first.stdout());
        assertEquals(first.lastLine(), second.lastLine());
        assertEquals(GatewayKeys.loadOrCreate(dataDir).publicKeyHex(), first.lastLine(),
                "the key the hrpc transport uses for this data dir");
        assertTrue(first.stderr().contains(dataDir.resolve(GatewayKeys.FILE_NAME).toAbsolutePath().toString()),
                "says where the key pair is kept: " + first.stderr());
        assertEquals(first.lastLine(), run("hrpc-key", "--data-dir", dataDir.toString()).stdout().strip(),
                "stdout holds the key alone");
    }

    @Test
    void aDamagedKeyFileIsReportedInOneLineAndLeftAlone() throws IOException {
        Path keyFile = dir.resolve(GatewayKeys.FILE_NAME);
        Files.writeString(keyFile, "{\"publicKey\": \"not a key\"");

        Outcome outcome = run("hrpc-key", "--data-dir", dir.toString());

        assertEquals(1, outcome.exit());
        assertEquals("", outcome.stdout());
        assertEquals(1, outcome.stderr().lines().count(), outcome.stderr());
        assertTrue(outcome.stderr().startsWith("error: " + keyFile.toAbsolutePath() + ": not valid JSON"),
                outcome.stderr());
        assertEquals("{\"publicKey\": \"not a key\"", Files.readString(keyFile), "a key file is never replaced");
    }

    @Test
    void aDataDirThatCannotHoldTheKeyIsReportedInOneLine() throws IOException {
        Path notADir = Files.writeString(dir.resolve("data"), "a file, not a folder");

        Outcome outcome = run("hrpc-key", "--data-dir", notADir.toString());

        assertEquals(1, outcome.exit());
        assertEquals(1, outcome.stderr().lines().count(), outcome.stderr());
        assertTrue(outcome.stderr().startsWith("error: cannot read or write the hrpc client key"), outcome.stderr());
    }

    @Test
    void takesOnlyTheDataDirOption() {
        Outcome outcome = run("hrpc-key", "--config", dir.toString());

        assertEquals(2, outcome.exit());
        assertTrue(outcome.stderr().startsWith("unknown option: --config"), outcome.stderr());
        assertTrue(run("help").stdout().contains("miningos-gateway hrpc-key [--data-dir DIR]"));
    }
}
