package io.miningos.gateway.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built jar's {@code multi-site-demo}: two site gateways and the central one in one process; the central
 * gateway announces the sites and answers the revenue of both from their gateways, read with the service tokens
 * the sites wrote into owner-only files.
 */
class MultiSiteJarIT {

    private static final Pattern CENTRAL = Pattern.compile("central gateway on http://localhost:(\\d+)");

    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> get(int port, String path, String token) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(2)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theMultiSiteDemoShowsEverySiteFromItsOwnGateway() throws Exception {
        Path data = dir.resolve("multi");
        GatewayProcess demo = GatewayProcess.start(CENTRAL, "multi-site-demo", "--sites", "2", "--miners", "16",
                "--port", "0", "--data-dir", data.toString());
        try (demo) {
            String token = GatewayProcess.run("token", "--data-dir", data.resolve("central").toString(), "--email",
                    "admin@example.com").lastLine();
            JsonNode features = new ObjectMapper().readTree(get(demo.port, "/auth/featureConfig", token).body());
            assertTrue(features.get("isMultiSiteModeEnabled").asBoolean());
            assertEquals("north", features.get("siteList").get(0).get("id").asText());
            assertEquals("south", features.get("siteList").get(1).get("id").asText());
            assertEquals(PosixFilePermissions.fromString("rw-------"),
                    Files.getPosixFilePermissions(data.resolve("tokens/north.token")));
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            HttpResponse<String> revenue = get(demo.port, "/auth/revenue?startDate=" + today.minusDays(2) + "&endDate="
                    + today.minusDays(1) + "&regions=" + URLEncoder.encode("[\"NORTH\",\"SOUTH\"]",
                    StandardCharsets.UTF_8), token);
            assertEquals(200, revenue.statusCode(), revenue.body());
            assertFalse(revenue.headers().firstValue("X-Site-Failures").isPresent(), revenue.body());
            JsonNode answer = new ObjectMapper().readTree(revenue.body());
            assertEquals(2, answer.get("regions").size());
            assertEquals(2, answer.get("data").get("log").size());
            assertTrue(answer.get("data").get("log").get(0).get("totalRevenueBTC").decimalValue().signum() > 0,
                    revenue.body());
        }
    }
}
