package io.miningos.gateway.distribution;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The distribution as an operator runs it: its launcher (reached through a symlink, as from /usr/local/bin) starts
 * the demo site with the bundled runtime and the class-data archive (required here, so an archive the runtime
 * cannot use fails the test), issues a token, answers 200, and stops cleanly on SIGTERM.
 */
class DistributionIT {

    private static final Path DIST = Path.of(System.getProperty("dist.dir", "target/miningos-gateway"));
    private static final Pattern LISTENING = Pattern.compile("listening on http://localhost:(\\d+)");

    @TempDir
    Path dir;

    @Test
    void theLauncherServesTheDemoWithTheBundledRuntimeAndItsArchive() throws Exception {
        Path link = dir.resolve("miningos-gateway");
        Files.createSymbolicLink(link, DIST.resolve("bin/miningos-gateway").toAbsolutePath());
        Path data = dir.resolve("data");

        Process token = launch(link, List.of("token", "--data-dir", data.toString(), "--email", "admin@example.com"));
        String tokenOut = new String(token.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(token.waitFor(2, TimeUnit.MINUTES), "token finished");
        assertEquals(0, token.exitValue(), tokenOut);
        String bearer = tokenOut.strip().lines().reduce((a, b) -> b).orElseThrow();

        Process server = launch(link, List.of("serve", "--port", "0", "--data-dir", data.toString()));
        List<String> output = new CopyOnWriteArrayList<>();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.add(line);
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        port.complete(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (IOException e) {
                port.completeExceptionally(e);
            }
            port.completeExceptionally(new IllegalStateException("the server stopped: " + output));
        });
        try {
            int bound = port.get(3, TimeUnit.MINUTES);
            Path home = DIST.toAbsolutePath().toRealPath();
            assertTrue(server.info().command().orElseThrow().startsWith(home.resolve("runtime").toString()),
                    "runs the bundled runtime: " + server.info().command());

            HttpResponse<String> site = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + bound + "/auth/site")).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + bearer).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, site.statusCode(), site.body());
            assertEquals("{\"site\":\"demo-site\"}", site.body());
            String tokenHint = "TOKEN=$(" + home.resolve("bin/miningos-gateway") + " token";
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); // printed just after it listens
            while (output.stream().noneMatch(l -> l.contains(tokenHint)) && System.nanoTime() < giveUp) {
                Thread.sleep(20);
            }
            assertTrue(output.stream().anyMatch(l -> l.contains(tokenHint)), "the welcome names the launcher: "
                    + output);
        } finally {
            server.destroy(); // SIGTERM
            assertTrue(server.waitFor(2, TimeUnit.MINUTES), "stopped");
        }
        assertEquals(0, server.exitValue(), String.join("\n", output));
    }

    /** The launcher, with the archive required: the JVM refuses to start if it cannot use it. */
    private static Process launch(Path launcher, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        boolean aot = Files.exists(DIST.resolve("lib/miningos-gateway.aot"));
        assertTrue(aot || Files.exists(DIST.resolve("lib/miningos-gateway.jsa")), "the distribution has an archive");
        builder.environment().put("MININGOS_JAVA_OPTS", aot ? "-XX:AOTMode=on" : "-Xshare:on");
        builder.environment().remove("JAVA_HOME");
        builder.environment().put("PATH", "/usr/bin:/bin"); // whatever java is there (17 here) plays no part
        return builder.start();
    }
}
