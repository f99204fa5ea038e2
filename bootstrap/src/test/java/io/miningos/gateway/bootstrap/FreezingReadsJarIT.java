package io.miningos.gateway.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12 item 1 through the built jar, on the default demo site: the reads a read-only user sent to freeze the
 * gateway (heap at its maximum, full GCs of ~28 s, every route dead for minutes) are refused before any ORK works on
 * them, the alert history without a limit is bounded, and the gateway keeps answering. bench/hostile-load.sh runs the
 * same reads beside normal traffic and measures it.
 */
class FreezingReadsJarIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void theReadsThatFrozeTheDemoAreRefusedAndTheGatewayKeepsAnswering() throws Exception {
        Path data = dir.resolve("data");
        try (GatewayProcess gateway = GatewayProcess.serve("--data-dir", data.toString())) {
            GatewayProcess.Run added = GatewayProcess.run("users", "add", "--data-dir", data.toString(), "--email",
                    "ro@example.com", "--role", "read_only_user");
            assertEquals(0, added.exit(), added.stderr());
            String token = GatewayProcess.run("token", "--data-dir", data.toString(), "--email", "ro@example.com")
                    .lastLine();
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            long now = System.currentTimeMillis();
            long month = 30 * 86_400_000L;
            String miner = "/auth/tail-log?key=stat-5m&type=miner&tag=t-miner";
            Map<String, String> freezing = new LinkedHashMap<>();
            freezing.put("stat-5m from 0", miner + "&start=0&end=" + now);
            freezing.put("stat-5m over 30 days", miner + "&start=" + (now - month) + "&end=" + now);
            freezing.put("stat-5m from 0, limit 10080", miner + "&start=0&limit=10080");
            freezing.put("range-aggr from 0", "/auth/tail-log/range-aggr?keys="
                    + enc("[{\"type\":\"miner\",\"startDate\":0,\"endDate\":" + now + "}]"));
            freezing.put("stat-3h by day from 0", "/auth/tail-log?key=stat-3h&type=miner&tag=t-miner&groupRange=1D"
                    + "&start=0");
            freezing.put("multi over 30 days", "/auth/tail-log/multi?keys="
                    + enc("[{\"key\":\"stat-5m\",\"type\":\"miner\",\"tag\":\"t-miner\"},"
                    + "{\"key\":\"stat-5m\",\"type\":\"powermeter\",\"tag\":\"t-powermeter\"}]")
                    + "&start=" + (now - month) + "&end=" + now);
            for (Map.Entry<String, String> read : freezing.entrySet()) {
                HttpResponse<String> refused = get(client, gateway, token, read.getValue());
                assertEquals(400, refused.statusCode(), read.getKey() + ": " + refused.body());
                assertEquals("ERR_RANGE_TOO_LARGE", FakeOrk.JSON.readTree(refused.body()).path("message").asText(),
                        read.getKey());
            }

            // Was 34.5 MB from this demo; now at most 1,000 alerts per rack (about 4 MB).
            HttpResponse<String> alerts = get(client, gateway, token, "/auth/history-log?logType=alerts");
            assertEquals(200, alerts.statusCode(), alerts.body());
            JsonNode perOrk = FakeOrk.JSON.readTree(alerts.body());
            assertTrue(perOrk.isArray() && perOrk.size() == 1, "one ORK's answer");
            assertTrue(alerts.body().length() < 16 * 1024 * 1024, "bounded: " + alerts.body().length() + " chars");

            HttpResponse<String> site = get(client, gateway, token, "/auth/site");
            assertEquals(200, site.statusCode(), "the gateway still answers: " + site.body());
            HttpResponse<String> chart = get(client, gateway, token, miner + "&limit=288");
            assertEquals(200, chart.statusCode(), "the UI's own chart still answers: " + chart.body());
        }
    }

    private static HttpResponse<String> get(HttpClient client, GatewayProcess gateway, String token, String path)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port + path))
                .header("Authorization", "Bearer " + token).timeout(PATIENCE).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
