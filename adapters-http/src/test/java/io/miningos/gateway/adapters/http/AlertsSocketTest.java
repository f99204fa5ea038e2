package io.miningos.gateway.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.miningos.gateway.application.alerts.AlertsFeed;
import io.miningos.gateway.application.ork.OrkFanOut;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The alerts WebSocket with a real client over a socket, fed by fake ORKs through the real fan-out. */
class AlertsSocketTest {

    private static final Duration INTERVAL = Duration.ofMillis(300);

    private final FakeAlertingOrks orks = new FakeAlertingOrks();
    private final AlertsFeed feed = new AlertsFeed(new OrkFanOut(orks, 8, Duration.ofSeconds(2)),
            FakeAlertingOrks.CODEC, INTERVAL);
    private AlertsSocket socket;
    private TestServer http;
    private final HttpClient client = HttpClient.newHttpClient();
    private final List<WebSocket> opened = new ArrayList<>();

    @BeforeEach
    void start() {
        http = new TestServer((server, authentication) -> {
            socket = new AlertsSocket(feed, authentication, server.clock);
            return List.of(socket);
        });
        http.identity.addRevocationListener(socket);
    }

    @AfterEach
    void stop() {
        opened.forEach(ws -> ws.abort());
        socket.close();
        feed.close();
        http.close();
    }

    private WebSocket connect(String token, AlertsSocketListener listener) {
        WebSocket ws = AlertsSocketListener.connect(client, http.server.port(), token, listener);
        opened.add(ws);
        return ws;
    }

    private static void subscribe(WebSocket ws) {
        AlertsSocketListener.subscribe(ws);
    }

    private void assertRefused(String token) {
        CompletionException e = assertThrows(CompletionException.class,
                () -> connect(token, new AlertsSocketListener()));
        assertInstanceOf(WebSocketHandshakeException.class, e.getCause());
        assertEquals(401, ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode());
    }

    @Test
    void refusesMissingUnknownAndForeignTokens() {
        assertRefused(null);
        assertRefused("pub:api:" + "0".repeat(32) + "-2-roles:dev");
        assertRefused(http.tokenFor("op@example.com", "site_operator", "10.9.9.9"));
        assertEquals(0, socket.openSockets());
    }

    @Test
    void subscribeGivesTheCurrentListThenOnlyNewAlerts() throws Exception {
        orks.raise("cluster-1", "m1", "max_pcb_temp_warning", "high");
        orks.raise("cluster-2", "m2", "hashrate_low", "medium");
        AlertsSocketListener listener = new AlertsSocketListener();
        WebSocket ws = connect(http.tokenFor("op@example.com", "site_operator"), listener);
        subscribe(ws);
        JsonNode initial = listener.next();
        assertTrue(initial.isArray());
        assertEquals(2, initial.size());
        JsonNode first = initial.get(0);
        assertEquals("max_pcb_temp_warning", first.get("name").asText());
        assertEquals("m1", first.get("id").asText());
        assertEquals("miner-am-s21", first.get("type").asText());
        assertEquals("AM-S21-m1", first.get("code").asText());
        assertEquals("bitdeer-7b", first.get("container").asText());
        assertEquals("high", first.get("severity").asText());

        orks.raise("cluster-2", "m3", "all_pools_dead", "critical");
        JsonNode pushed = listener.next();
        assertEquals(1, pushed.size(), "only the new alert: " + pushed);
        assertEquals("m3", pushed.get(0).get("id").asText());
        assertNull(listener.nextWithin(INTERVAL.multipliedBy(3)), "nothing new, nothing sent");
    }

    @Test
    void unsubscribeStopsPushesAndNothingComesBeforeSubscribing() throws Exception {
        AlertsSocketListener listener = new AlertsSocketListener();
        WebSocket ws = connect(http.tokenFor("op@example.com", "site_operator"), listener);
        orks.raise("cluster-1", "m1", "hashrate_low", "medium");
        assertNull(listener.nextWithin(INTERVAL.multipliedBy(3)), "no data without a subscription");
        subscribe(ws);
        assertEquals(1, listener.next().size());
        ws.sendText("{\"event\":\"unsubscribe\",\"channel\":\"alerts\"}", true).join();
        Thread.sleep(INTERVAL.toMillis());
        orks.raise("cluster-1", "m2", "hashrate_low", "medium");
        assertNull(listener.nextWithin(INTERVAL.multipliedBy(4)));
    }

    @Test
    void malformedMessagesGetAnErrorAndTheSocketStaysOpen() throws Exception {
        AlertsSocketListener listener = new AlertsSocketListener();
        WebSocket ws = connect(http.tokenFor("op@example.com", "site_operator"), listener);
        for (String bad : List.of("invalid json", "[]", "{\"event\":\"subscribe\"}",
                "{\"event\":\"subscribe\",\"channel\":\"prices\"}", "{\"event\":\"dance\",\"channel\":\"alerts\"}",
                "{\"event\":1,\"channel\":\"alerts\"}")) {
            ws.sendText(bad, true).join();
            assertEquals("Invalid message format", listener.next().get("error").asText(), bad);
        }
        subscribe(ws);
        assertTrue(listener.next().isArray(), "still open and working");
    }

    @Test
    void twoHundredSocketsAreServedByOneOrkQueryPerInterval() throws Exception {
        orks.raise("cluster-1", "m1", "hashrate_low", "medium");
        String token = http.tokenFor("op@example.com", "site_operator");
        List<AlertsSocketListener> listeners = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            AlertsSocketListener listener = new AlertsSocketListener();
            listeners.add(listener);
            subscribe(connect(token, listener));
        }
        for (AlertsSocketListener listener : listeners) {
            assertEquals(1, listener.next().size());
        }
        int before = orks.calls.get();
        long started = System.nanoTime();
        orks.raise("cluster-2", "m9", "all_pools_dead", "critical");
        for (AlertsSocketListener listener : listeners) {
            assertEquals("m9", listener.next().get(0).get("id").asText());
        }
        Thread.sleep(INTERVAL.toMillis() * 3);
        long intervals = Math.max(1, (System.nanoTime() - started) / INTERVAL.toNanos());
        int polls = (orks.calls.get() - before) / 2; // two ORKs per poll
        assertTrue(polls <= intervals + 2, polls + " polls in " + intervals + " intervals for 200 sockets");
        assertEquals(200, socket.openSockets());
    }

    @Test
    void revokingTheUsersTokensClosesTheirSockets() throws Exception {
        AlertsSocketListener listener = new AlertsSocketListener();
        WebSocket ws = connect(http.tokenFor("op@example.com", "site_operator"), listener);
        subscribe(ws);
        listener.next();
        long userId = http.userRepository.findByEmail(new io.miningos.gateway.domain.user.Email("op@example.com"))
                .orElseThrow().id();
        http.identity.revokeAllOf(userId);
        assertEquals(AlertsSocket.POLICY_VIOLATION, listener.closed.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aSocketWhoseTokenExpiresIsClosed() throws Exception {
        AlertsSocketListener listener = new AlertsSocketListener();
        connect(http.tokenFor("op@example.com", "site_operator"), listener);
        http.clock.advance(Duration.ofHours(2));
        assertEquals(AlertsSocket.POLICY_VIOLATION, listener.closed.get(15, TimeUnit.SECONDS));
    }

    @Test
    void aClientThatStopsReadingIsDroppedWithoutHoldingUpTheOthers() throws Exception {
        String token = http.tokenFor("op@example.com", "site_operator");
        AlertsSocketListener stalled = new AlertsSocketListener() {
            @Override
            public void onOpen(WebSocket webSocket) {
                // never request a message: the client stops reading and the server's sends back up
            }
        };
        subscribe(connect(token, stalled));
        AlertsSocketListener healthy = new AlertsSocketListener();
        subscribe(connect(token, healthy));
        healthy.next();
        String big = "x".repeat(512 * 1024);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int raised = 0;
        while (socket.openSockets() > 1 && System.nanoTime() < deadline) {
            orks.raise("cluster-1", "slow-" + raised, "hashrate_low", "medium", big);
            raised++;
            assertNotNull(healthy.nextWithin(Duration.ofSeconds(5)), "the healthy client keeps getting pushes");
        }
        assertEquals(1, socket.openSockets(), "the stalled client was dropped after " + raised + " pushes");
        orks.raise("cluster-1", "after", "hashrate_low", "medium");
        assertEquals("after", HttpJson.mapper().readTree(healthy.nextWithin(Duration.ofSeconds(5)))
                .get(0).get("id").asText());
    }

    @Test
    void anOrkThatFailsKeepsItsAlertsAndIsNotAnnouncedAgain() throws Exception {
        orks.raise("cluster-1", "m1", "hashrate_low", "medium");
        AlertsSocketListener listener = new AlertsSocketListener();
        WebSocket ws = connect(http.tokenFor("op@example.com", "site_operator"), listener);
        subscribe(ws);
        assertEquals(1, listener.next().size());
        orks.setDown("cluster-1", true);
        orks.raise("cluster-2", "m2", "hashrate_low", "medium");
        assertEquals("m2", listener.next().get(0).get("id").asText());
        orks.setDown("cluster-1", false);
        assertNull(listener.nextWithin(INTERVAL.multipliedBy(4)), "cluster-1's alert is not new");
    }
}
