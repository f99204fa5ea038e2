package io.miningos.gateway.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Starts the built jar as an operator would, mints a token with the CLI and uses it. */
class GatewayJarIT {

    @TempDir
    Path dataDir;

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
    void serveMintATokenWithTheCliAndCallUserinfo() throws Exception {
        try (GatewayProcess gateway = GatewayProcess.serve("--data-dir", dataDir.toString())) {
            assertTrue(gateway.awaitLine(l -> l.contains(" token --data-dir ")),
                    "prints how to get a token: " + gateway.output());

            GatewayProcess.Run token = GatewayProcess.run("token", "--data-dir", dataDir.toString(),
                    "--email", "admin@example.com");
            assertEquals(0, token.exit(), token.stderr());
            String text = token.lastLine();
            assertTrue(text.matches("pub:api:[0-9a-f]{32}-1-roles:\\*"), text);

            HttpResponse<String> info = get(gateway.port, "/auth/userinfo", text);
            assertEquals(200, info.statusCode(), info.body());
            JsonNode body = json.readTree(info.body());
            assertEquals(1, body.get("userId").asInt());
            assertEquals("admin@example.com", body.get("email").asText());
            assertEquals(401, get(gateway.port, "/auth/userinfo", null).statusCode());

            GatewayProcess.Run taken = GatewayProcess.run("serve", "--port", Integer.toString(gateway.port),
                    "--data-dir", dataDir.resolve("second").toString());
            assertEquals(1, taken.exit(), "a second gateway on a taken port stops");
            assertTrue(taken.stderr().lines().anyMatch(l -> l.startsWith("error: Port already in use")),
                    taken.stderr());
            assertTrue(taken.stderr().lines().noneMatch(l -> l.trim().startsWith("at ")), "no stack trace");

            GatewayProcess.Run added = GatewayProcess.run("users", "add", "--data-dir", dataDir.toString(),
                    "--email", "op@example.com", "--role", "site_operator");
            assertEquals(0, added.exit(), added.stderr());
            GatewayProcess.Run again = GatewayProcess.run("users", "add", "--data-dir", dataDir.toString(),
                    "--email", "op@example.com", "--role", "site_operator");
            assertEquals(1, again.exit());
            assertEquals("ERR_USER_EXISTS", again.stderr().strip().lines().reduce((a, b) -> b).orElse(""));
            GatewayProcess.Run badRole = GatewayProcess.run("users", "add", "--data-dir", dataDir.toString(),
                    "--email", "x@example.com", "--role", "wizard");
            assertEquals(1, badRole.exit());
            assertTrue(badRole.stderr().contains("ERR_INVALID_ROLE"), badRole.stderr());

            String opToken = GatewayProcess.run("token", "--data-dir", dataDir.toString(), "--email",
                    "op@example.com", "--ttl", "60").lastLine();
            HttpResponse<String> opInfo = get(gateway.port, "/auth/userinfo", opToken);
            assertEquals(200, opInfo.statusCode());
            assertEquals(60, json.readTree(opInfo.body()).get("ttl").asInt());

            GatewayProcess.Run unknown = GatewayProcess.run("token", "--data-dir", dataDir.toString(), "--email",
                    "ghost@example.com");
            assertEquals(1, unknown.exit());
            assertTrue(unknown.stderr().contains("ERR_USER_INVALID"), unknown.stderr());

            assertEquals(0, gateway.terminate(), "stops gracefully on SIGTERM: " + gateway.output());
            assertTrue(gateway.awaitLine(l -> l.contains("GET /auth/userinfo 200")),
                    "one log line per request: " + gateway.output());
            assertTrue(gateway.output().stream().noneMatch(l -> l.contains(text.substring(8, 40))),
                    "the token never reaches the log");
            assertTrue(gateway.output().stream().noneMatch(l -> l.contains("hrpc client key")), gateway.output()
                    .toString());
            assertFalse(Files.exists(dataDir.resolve("hrpc-client-key.json")), "no key pair without hrpc ORKs");
        }
    }

    @Test
    void usageAndConfigurationErrorsAreReportedClearly() throws Exception {
        GatewayProcess.Run none = GatewayProcess.run();
        assertEquals(2, none.exit());
        assertTrue(none.stdout().contains("usage:"));
        GatewayProcess.Run unknown = GatewayProcess.run("frobnicate");
        assertEquals(2, unknown.exit());
        GatewayProcess.Run missing = GatewayProcess.run("token", "--data-dir", dataDir.toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.stderr().contains("--email"), missing.stderr());
        GatewayProcess.Run badConfig = GatewayProcess.run("serve", "--config", dataDir.resolve("nope").toString(),
                "--data-dir", dataDir.toString());
        assertEquals(1, badConfig.exit());
        assertTrue(badConfig.stderr().contains("configuration error"), badConfig.stderr());
    }
}
