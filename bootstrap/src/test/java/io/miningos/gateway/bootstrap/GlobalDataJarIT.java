package io.miningos.gateway.bootstrap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Global data through the built jar: with reads cached for 15 minutes (as sites configure it) a write is read
 * back at once, and what was written is still there after a restart (it lives in the data folder's database).
 */
class GlobalDataJarIT {

    private static final String COSTS = "{\"data\":{\"site\":\"site-01\",\"year\":2024,\"month\":10,"
            + "\"energyCostsUSD\":1000.00,\"operationalCostsUSD\":1000.00}}";
    private static final String COSTS_READ = "[{\"site\":\"site-01\",\"year\":2024,\"month\":10,"
            + "\"energyCostsUSD\":1000.00,\"operationalCostsUSD\":1000.00}]";

    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> send(int port, String method, String path, String token, String body)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private String read(int port, String path, String token) throws Exception {
        HttpResponse<String> response = send(port, "GET", path, token, null);
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    @Test
    void writesAreReadBackAtOnceAndSurviveARestart() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve("common.json"), """
                {"site": "site-01",
                 "cacheTiming": {"/auth/global/data": "15m", "/auth/features": "15m"}}""");
        String dataDir = dir.resolve("data").toString();
        String year2024 = "/auth/global/data?type=productionCosts&gte=202401&lte=202412";
        String token;
        try (GatewayProcess gateway = GatewayProcess.serve("--config", config.toString(), "--data-dir", dataDir)) {
            GatewayProcess.Run minted = GatewayProcess.run("token", "--config", config.toString(),
                    "--data-dir", dataDir, "--email", "admin@example.com");
            assertEquals(0, minted.exit(), minted.stderr());
            token = minted.lastLine();

            assertEquals("[]", read(gateway.port, year2024, token));
            assertEquals("{}", read(gateway.port, "/auth/features", token));
            HttpResponse<String> saved = send(gateway.port, "POST", "/auth/global/data?type=productionCosts",
                    token, COSTS);
            assertEquals("{\"success\":true}", saved.body());
            send(gateway.port, "POST", "/auth/features", token, "{\"data\":{\"beta\":true}}");

            assertEquals(COSTS_READ, read(gateway.port, year2024, token));
            assertEquals("{\"beta\":true}", read(gateway.port, "/auth/features", token));
            assertEquals(0, gateway.terminate());
        }
        try (GatewayProcess gateway = GatewayProcess.serve("--config", config.toString(), "--data-dir", dataDir)) {
            assertEquals(COSTS_READ, read(gateway.port, year2024 + "&query="
                    + URLEncoder.encode("{\"site\":\"site-01\"}", StandardCharsets.UTF_8), token));
            assertEquals("{\"beta\":true}", read(gateway.port, "/auth/features", token));
        }
    }
}
