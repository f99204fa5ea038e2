package io.miningos.gateway.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The data folder end to end, with the built jar: one server per folder (a second refuses with one line while the
 * CLI keeps working), owner-only permissions, and the hardening a client sees (a hosted UI's dotfiles, an ORK's
 * "not found").
 */
class DataFolderJarIT {

    @TempDir
    Path temp;

    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private HttpResponse<String> get(int port, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSecondServeOnAFolderInUseRefusesWithOneLineWhileTheCliKeepsWorking() throws Exception {
        Path data = temp.resolve("data");
        try (GatewayProcess first = GatewayProcess.serve("--data-dir", data.toString())) {
            GatewayProcess.Run second = GatewayProcess.run("serve", "--port", "0", "--data-dir", data.toString());
            assertEquals(1, second.exit(), second.stdout() + second.stderr());
            assertEquals(List.of("error: data folder " + data + " is in use by another gateway (process "
                            + first.process.pid() + "); stop it, or give this one another --data-dir"),
                    second.stderr().lines().toList());

            GatewayProcess.Run token = GatewayProcess.run("token", "--data-dir", data.toString(),
                    "--email", "admin@example.com");
            assertEquals(0, token.exit(), token.stderr());
            GatewayProcess.Run added = GatewayProcess.run("users", "add", "--data-dir", data.toString(),
                    "--email", "op@example.com", "--role", "site_operator");
            assertEquals(0, added.exit(), added.stderr());
            assertEquals(200, get(first.port, "/auth/userinfo", token.lastLine()).statusCode());

            // A client's mistake the ORK reports is not an outage: an action no ORK has is a 404.
            HttpResponse<String> missing = get(first.port, "/auth/actions/voting/1", token.lastLine());
            assertEquals(404, missing.statusCode(), missing.body());
            assertEquals("ERR_ACTION_ID_NOT_FOUND", json.readTree(missing.body()).get("message").asText());
            first.terminate();
        }
        assertOwnerOnly(data);
        try (GatewayProcess again = GatewayProcess.serve("--data-dir", data.toString())) {
            assertTrue(again.port > 0, "the folder is free once the first server stopped");
        }
    }

    @Test
    void aFolderLeftOpenToOthersIsTightenedAtStart() throws Exception {
        Path data = Files.createDirectories(temp.resolve("open"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path copied = Files.writeString(data.resolve("notes.txt"), "copied in with the backup");
        Files.setPosixFilePermissions(copied, PosixFilePermissions.fromString("rw-r--r--"));
        try (GatewayProcess gateway = GatewayProcess.serve("--data-dir", data.toString())) {
            assertTrue(gateway.awaitLine(l -> l.contains("were open to other users; made them owner-only")),
                    gateway.output().toString());
            gateway.terminate();
        }
        assertOwnerOnly(data);
    }

    @Test
    void aHostedUiNeverServesDotFiles() throws Exception {
        Path ui = Files.createDirectories(temp.resolve("ui"));
        Files.writeString(ui.resolve("index.html"), "<!doctype html><title>UI</title>");
        Files.writeString(ui.resolve(".env"), "SECRET=1");
        try (GatewayProcess gateway = GatewayProcess.serve("--data-dir", temp.resolve("d").toString(),
                "--ui", ui.toString())) {
            assertEquals(200, get(gateway.port, "/miners", null).statusCode());
            HttpResponse<String> env = get(gateway.port, "/.env", null);
            assertEquals(404, env.statusCode());
            assertTrue(!env.body().contains("SECRET"), env.body());
        }
    }

    /** The folder and every folder in it 0700, every file 0600 (the bridge's, if any, aside: none here). */
    private static void assertOwnerOnly(Path data) throws IOException {
        assertEquals("rwx------", mode(data));
        List<Path> all;
        try (Stream<Path> walk = Files.walk(data)) {
            all = walk.toList();
        }
        assertTrue(all.contains(data.resolve("gateway.db")), all.toString());
        for (Path path : all) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
            assertTrue(permissions.stream().allMatch(p -> p.name().startsWith("OWNER")), path + " " + mode(path));
        }
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }
}
