package io.miningos.gateway.bootstrap;

import io.miningos.gateway.adapters.http.metrics.Scrape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.miningos.gateway.bootstrap.FakeOrk.answer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real gateway's {@code GET /metrics} after real requests through its ORKs, cache and token checks. */
class MetricsEndToEndTest {

    private static final String ORK_CALLS = "gateway_ork_call_duration_seconds_count";
    private static final String LOOKUPS = "gateway_cache_lookups_total";

    @TempDir
    Path dataDir;

    private static Scrape scrape(TestGateway gateway) {
        TestGateway.Response response = gateway.get("/metrics", "no token needed from loopback");
        assertEquals(200, response.status(), response.body());
        return new Scrape(response.body());
    }

    @Test
    void orkCallsByOutcomeCacheLookupsAndRequestsAreCounted() {
        Map<String, FakeOrk> orks = new LinkedHashMap<>();
        orks.put("cluster-1", new FakeOrk().on("listThings", answer("[{\"id\":\"m-1\"}]")));
        orks.put("cluster-2", new FakeOrk().on("listThings", FakeOrk.unreachable()));
        orks.put("cluster-3", new FakeOrk().on("listThings", FakeOrk.error("ERR_RACK_ID_INVALID")));
        try (TestGateway gateway = TestGateway.start(dataDir, orks, 2_000, Map.of("/auth/list-things", "15s"))) {
            String token = gateway.adminToken();
            assertEquals(200, gateway.get("/auth/list-things", token).status());
            assertEquals(200, gateway.get("/auth/list-things", token).status());
            assertEquals(401, gateway.get("/auth/list-things", "pub:api:nonsense").status());

            Scrape metrics = scrape(gateway);
            assertEquals(1, metrics.value(ORK_CALLS, Map.of("ork", "cluster-1", "method", "listThings",
                    "outcome", "ok")));
            assertEquals(1, metrics.value(ORK_CALLS, Map.of("ork", "cluster-2", "outcome", "unavailable")));
            assertEquals(1, metrics.value(ORK_CALLS, Map.of("ork", "cluster-3", "outcome", "ERR_RACK_ID_INVALID")));
            assertEquals(1, metrics.value(LOOKUPS, Map.of("route", "/auth/list-things", "result", "miss")));
            assertEquals(1, metrics.value(LOOKUPS, Map.of("route", "/auth/list-things", "result", "hit")));
            assertTrue(metrics.value("gateway_cache_bytes", Map.of("route", "/auth/list-things")) > 0);
            assertEquals(2, metrics.value("gateway_http_request_duration_seconds_count",
                    Map.of("route", "/auth/list-things", "method", "GET", "status", "200")));
            assertEquals(1, metrics.value("gateway_tokens_refused_total", Map.of("reason", "malformed")));
            assertEquals(0, metrics.value("gateway_websocket_clients"));
        }
    }

    @Test
    void identicalConcurrentReadsAreCoalescedIntoOneOrkCall() throws Exception {
        CompletableFuture<String> held = new CompletableFuture<>();
        FakeOrk ork = new FakeOrk().on("listThings", new FakeOrk.Later(held));
        try (TestGateway gateway = TestGateway.start(dataDir, Map.of("cluster-1", ork), 10_000,
                Map.of("/auth/list-things", "15s"));
             ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            String token = gateway.adminToken();
            List<Future<TestGateway.Response>> responses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                responses.add(clients.submit(() -> gateway.get("/auth/list-things?limit=5", token)));
            }
            // the ORK answers only once every request has looked the cache up
            while (scrape(gateway).value(LOOKUPS, Map.of("route", "/auth/list-things")) < 8) {
                Thread.onSpinWait();
            }
            held.complete("[{\"id\":\"m-1\"}]");
            for (Future<TestGateway.Response> response : responses) {
                assertEquals("[[{\"id\":\"m-1\"}]]", response.get().body());
            }
            Scrape metrics = scrape(gateway);
            assertEquals(1, metrics.value(LOOKUPS, Map.of("route", "/auth/list-things", "result", "miss")));
            assertEquals(7, metrics.value(LOOKUPS, Map.of("route", "/auth/list-things", "result", "coalesced")));
            assertEquals(1, metrics.value(ORK_CALLS, Map.of("ork", "cluster-1")));
            assertEquals(1, ork.calls("listThings").size());
        }
    }
}
