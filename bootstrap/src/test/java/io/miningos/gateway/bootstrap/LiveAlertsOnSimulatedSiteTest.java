package io.miningos.gateway.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import io.miningos.gateway.adapters.http.AlertsSocketListener;
import io.miningos.gateway.adapters.ork.cluster.OrkTransportRegistry;
import io.miningos.gateway.domain.identity.RoleCatalog;
import io.miningos.gateway.domain.testing.MutableClock;
import io.miningos.gateway.domain.token.ClientIp;
import io.miningos.gateway.domain.user.Email;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole chain for live alerts: the simulated site (driven by the gateway clock) → one fan-out per interval →
 * the WebSocket. When time moves on and the site raises an alert that was not there, a subscriber gets it within
 * one interval.
 */
class LiveAlertsOnSimulatedSiteTest {

    private static final Duration INTERVAL = Duration.ofMillis(250);

    @TempDir
    Path dataDir;

    @Test
    void aNewAlertOnTheSimulatedSiteArrivesWithinOneInterval() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-01T08:00:00Z"));
        Map<String, Map<String, Object>> orks = new LinkedHashMap<>();
        orks.put("cluster-1", Map.of("transport", "sim", "seed", 7, "miners", 120, "persist", false));
        GatewayConfig config = new GatewayConfig("live-site",
                new GatewayConfig.Identity(new Email("admin@example.com"), 86_400, 86_400, RoleCatalog.defaults()),
                new GatewayConfig.Http("127.0.0.1", 0, 1024 * 1024, false), Map.of(), orks, Map.of(), 10_000,
                Optional.empty(), new FanOutConfig(16, 64L * 1024 * 1024, Duration.ofSeconds(5), INTERVAL));
        try (Gateway gateway = Gateway.open(config, dataDir, clock)) {
            int port = gateway.serve(0, OrkTransportRegistry.installed()).port();
            String token = gateway.identity().issueFor(new Email("admin@example.com"),
                    Set.of(ClientIp.parse("127.0.0.1")), OptionalLong.empty()).text();
            AlertsSocketListener alerts = new AlertsSocketListener();
            WebSocket ws = AlertsSocketListener.connect(HttpClient.newHttpClient(), port, token, alerts);
            AlertsSocketListener.subscribe(ws);
            Set<String> known = new HashSet<>();
            for (JsonNode alert : alerts.next(Duration.ofSeconds(10))) { // the current list on subscribe
                known.add(alert.get("id").asText() + "|" + alert.get("uuid").asText());
            }

            // Move the site's time on, a few minutes at a time, until it raises an alert that was not there.
            JsonNode pushed = null;
            for (int step = 0; step < 200 && pushed == null; step++) {
                clock.advance(Duration.ofMinutes(3));
                if (alerts.nextWithin(INTERVAL.multipliedBy(4)) instanceof String next) {
                    pushed = FakeOrk.JSON.readTree(next);
                }
            }
            assertNotNull(pushed, "the simulated site raised no new alert in 10 hours of its time");
            assertTrue(pushed.isArray() && !pushed.isEmpty());
            for (JsonNode alert : pushed) {
                assertTrue(!known.contains(alert.get("id").asText() + "|" + alert.get("uuid").asText()),
                        "only new alerts are pushed: " + alert);
                for (String field : new String[]{"name", "severity", "createdAt", "uuid", "id", "type", "code"}) {
                    assertTrue(alert.hasNonNull(field), field + " in " + alert);
                }
                assertTrue(alert.has("container"), "container in " + alert);
            }
            ws.abort();
        }
    }
}
