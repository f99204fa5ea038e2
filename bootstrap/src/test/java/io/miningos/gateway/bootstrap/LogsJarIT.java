package io.miningos.gateway.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The built jar's log lines as one JSON object each, with the request id in every line of a request. */
class LogsJarIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newHttpClient();

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON line: " + line, e);
        }
    }

    private HttpResponse<String> get(GatewayProcess gateway, String path, String token, String requestId)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port + path))
                .header("Authorization", "Bearer " + token);
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String token(Path dataDir) throws Exception {
        return GatewayProcess.run("token", "--data-dir", dataDir.toString(), "--config",
                dir.resolve("config").toString(), "--email", "admin@example.com").lastLine();
    }

    @Test
    void configuredJsonLinesCarryTheTrustedProxysRequestIdIntoTheOrkFailureLine() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve("common.json"), """
                {"orks": {"cluster-1": {"transport": "sim", "down": true}},
                 "gateway": {"host": "127.0.0.1", "logFormat": "json", "trustProxy": true}}
                """);
        Path dataDir = dir.resolve("data");
        try (GatewayProcess gateway = GatewayProcess.serve("--data-dir", dataDir.toString(), "--config",
                config.toString())) {
            HttpResponse<String> response = get(gateway, "/auth/list-things", token(dataDir), "edge-req-42");
            assertEquals("edge-req-42", response.headers().firstValue("X-Request-Id").orElse(null));
            assertTrue(gateway.awaitLine(line -> line.contains("\"logger\":\"access\"")), gateway.output().toString());

            List<JsonNode> lines = gateway.output().stream().map(LogsJarIT::parse).toList(); // every line is JSON
            JsonNode access = lines.stream().filter(l -> l.path("logger").asText().equals("access")).findFirst()
                    .orElseThrow();
            assertEquals("edge-req-42", access.path("requestId").asText());
            assertEquals("/auth/list-things", access.path("route").asText());
            assertEquals("1", access.path("userId").asText());
            assertEquals(response.statusCode(), access.path("status").asInt());
            assertTrue(access.path("ms").isNumber());
            JsonNode orkFailure = lines.stream().filter(l -> l.path("message").asText().startsWith("ORK cluster-1"))
                    .findFirst().orElseThrow(() -> new AssertionError("no ORK failure line: " + lines));
            assertEquals("WARN", orkFailure.path("level").asText());
            assertEquals("edge-req-42", orkFailure.path("requestId").asText(), "logged on the transport's thread");
            assertTrue(lines.stream().anyMatch(l -> l.path("logger").asText().equals("welcome")
                    && l.path("message").asText().contains("listening on")));
        }
    }

    @Test
    void theEnvironmentSelectsJsonLinesAndAClientsRequestIdIsNotTrustedWithoutAProxy() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve("common.json"), "{\"gateway\": {\"host\": \"127.0.0.1\"}}");
        Path dataDir = dir.resolve("data");
        try (GatewayProcess gateway = GatewayProcess.serve(Map.of("MININGOS_LOG_FORMAT", "json"), "--data-dir",
                dataDir.toString(), "--config", config.toString())) {
            HttpResponse<String> response = get(gateway, "/auth/site", token(dataDir), "client-made-up");
            String id = response.headers().firstValue("X-Request-Id").orElseThrow();
            assertTrue(id.matches("[0-9a-f]{16}"), id);
            assertTrue(gateway.awaitLine(line -> line.contains(id)), gateway.output().toString());
            gateway.output().forEach(LogsJarIT::parse);
        }
    }
}
