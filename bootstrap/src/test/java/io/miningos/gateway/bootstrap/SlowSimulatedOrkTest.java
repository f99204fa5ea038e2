package io.miningos.gateway.bootstrap;

import io.miningos.gateway.adapters.http.HttpSettings;
import io.miningos.gateway.domain.identity.RoleCatalog;
import io.miningos.gateway.domain.user.Email;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.miningos.gateway.bootstrap.TestGateway.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A simulated ORK slower than {@code rpcTimeout}, asked by a crowd at once (issue 12 items 3 and 12): every request
 * is its own ORK call, and every one is answered 504 {@code ERR_ORK_TIMEOUT} naming the ORK as timed out, not 502
 * and not never. When they are answered against the deadline is bench/hostile-load.sh's to measure.
 */
class SlowSimulatedOrkTest {

    private static final int REQUESTS = 300;

    @TempDir
    Path dataDir;

    @Test
    void aCrowdOfRequestsToASimulatedOrkSlowerThanTheDeadlineAllGet504NamingItsTimeout() throws Exception {
        HttpSettings.Connections defaults = HttpSettings.Connections.defaults();
        HttpSettings.Connections roomy = new HttpSettings.Connections(defaults.idleTimeout(),
                defaults.headerTimeout(), defaults.minBodyBytesPerSecond(), 2 * REQUESTS, 4 * REQUESTS,
                defaults.maxHeaderBytes());
        GatewayConfig config = new GatewayConfig("slow-site",
                new GatewayConfig.Identity(new Email("admin@example.com"), 3600, 3600, RoleCatalog.defaults()),
                new GatewayConfig.Http("127.0.0.1", 0, 1024 * 1024, false, roomy, Duration.ofSeconds(1)), Map.of(),
                Map.of("cluster-1", Map.of("transport", "sim", "seed", 3, "miners", 20, "persist", false,
                        "latencyMs", 3_000)),
                Map.of(), 500, Optional.empty(), FanOutConfig.defaults());
        try (TestGateway gateway = TestGateway.serve(config, dataDir);
             ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            String token = gateway.adminToken();
            List<Future<TestGateway.Response>> responses = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                String fields = q("{\"f" + i + "\":1}"); // a read of its own, not coalesced with the others
                responses.add(clients.submit(() -> gateway.get("/auth/global-config?fields=" + fields, token)));
            }
            int named = 0;
            for (Future<TestGateway.Response> pending : responses) {
                TestGateway.Response response = pending.get(60, TimeUnit.SECONDS);
                assertEquals(504, response.status(), response.body());
                assertEquals("ERR_ORK_TIMEOUT", response.errorCode());
                // The fan-out names the ORK that timed out. On a machine too busy to settle a fan-out within
                // OrkResponses.MARGIN of its deadline, the request's own deadline answers first, without the header.
                if (response.orkFailures() != null) {
                    assertEquals("cluster-1=timeout", response.orkFailures());
                    named++;
                }
            }
            assertTrue(named > 0, "no answer named the ORK that timed out");
        }
    }
}
