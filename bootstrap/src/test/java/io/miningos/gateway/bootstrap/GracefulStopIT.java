package io.miningos.gateway.bootstrap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SIGTERM under load, through the built jar: the requests in flight are answered and the process exits 0. */
class GracefulStopIT {

    @TempDir
    Path dir;

    @Test
    void sigtermLetsTheRequestsInFlightFinishAndExitsZero() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        // A slow simulated ORK: every answer takes 8 s, so the requests are in flight when the signal comes 4 s after
        // they were sent (on a busy machine they took over 0.7 s to reach the gateway) and done well within the grace.
        Files.writeString(config.resolve("common.json"), """
                {"site": "graceful", "rpcTimeout": 15000,
                 "orks": {"cluster-1": {"transport": "sim", "seed": 1, "miners": 20, "latencyMs": 8000}},
                 "gateway": {"stopGrace": "10s"}}
                """);
        Path data = dir.resolve("data");
        try (GatewayProcess gateway = GatewayProcess.serve("--data-dir", data.toString(), "--config",
                config.toString())) {
            String token = GatewayProcess.run("token", "--data-dir", data.toString(), "--email",
                    "admin@example.com").lastLine();
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                // different parameters: sixteen ORK calls, not one shared
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port
                                + "/auth/list-things?limit=" + (i + 1)))
                        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build();
                inFlight.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
            }
            Thread.sleep(4_000); // the requests reach the gateway and wait for the ORK
            long signalled = System.nanoTime();
            // Regression: SIGTERM reset the requests in flight (2 of 16 answered) and the process exited 143.
            assertEquals(0, gateway.terminate(), "exits 0 after a graceful stop: " + gateway.output());
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> response : inFlight) {
                statuses.add(response.join().statusCode());
            }
            assertEquals(List.of(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
                    statuses, "every request in flight is answered: " + String.join("\n", gateway.output()));
            assertTrue(System.nanoTime() - signalled < Duration.ofSeconds(25).toNanos(), "within the grace period");
        }
    }
}
