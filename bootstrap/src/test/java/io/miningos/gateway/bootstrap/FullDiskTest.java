package io.miningos.gateway.bootstrap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The gateway on a real file system that fills up (a small tmpfs; skipped where the test may not mount one):
 * writes answer 503 {@code ERR_STORAGE_UNAVAILABLE}, reads and signed-in users keep working.
 */
class FullDiskTest {

    private Path mount;

    @AfterEach
    void unmount() throws Exception {
        if (mount != null) {
            run("umount", "-l", mount.toString());
        }
    }

    @Test
    void writesOnAFullDiskAre503AndReadsKeepWorking() throws Exception {
        Path dir = Files.createTempDirectory("gateway-full-disk");
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", dir.toString()),
                "mounting a tmpfs needs root; skipped");
        mount = dir;
        try (TestGateway gateway = TestGateway.start(dir.resolve("data"), Map.of())) {
            String token = gateway.adminToken();
            String costs = "/auth/global/data?type=productionCosts";
            assertEquals(200, gateway.send("POST", costs, token,
                    "{\"data\":{\"year\":2025,\"month\":1,\"energyCostsUSD\":10}}").status());
            fill(dir.resolve("filler"));

            String big = "x".repeat(512 * 1024);
            TestGateway.Response write = gateway.send("POST", costs, token,
                    "{\"data\":{\"year\":2025,\"month\":2,\"energyCostsUSD\":10,\"note\":\"" + big + "\"}}");
            assertEquals(503, write.status(), write.body());
            assertEquals("ERR_STORAGE_UNAVAILABLE", write.errorCode());
            assertEquals("Service Unavailable", write.json().get("error").asText());

            TestGateway.Response read = gateway.get(costs, token);
            assertEquals(200, read.status(), read.body());
            assertEquals(1, read.json().size());
            assertEquals(200, gateway.get("/auth/userinfo", token).status());

            Files.delete(dir.resolve("filler"));
            assertEquals(200, gateway.send("POST", costs, token,
                    "{\"data\":{\"year\":2025,\"month\":2,\"energyCostsUSD\":10}}").status(), "room again: writes work");
        }
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
