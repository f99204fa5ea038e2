package io.miningos.gateway.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.miningos.gateway.application.alerts.AlertsFeed;
import io.miningos.gateway.application.ork.OrkFanOut;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Clients that send what Java's HttpClient refuses to send, send it too slowly, or open too many connections; spoken
 * to over raw sockets.
 */
class HostileClientsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private static HttpSettings settings(HttpSettings.Connections connections) {
        return new HttpSettings("127.0.0.1", 0, HttpSettings.DEFAULT_MAX_BODY_BYTES, false,
                HttpSettings.DEFAULT_REQUEST_DEADLINE, connections, Duration.ofSeconds(1));
    }

    private static HttpSettings.Connections limits(Duration headerTimeout, long minBodyRate, int perAddress) {
        return new HttpSettings.Connections(Duration.ofSeconds(30), headerTimeout, minBodyRate, perAddress, 4096,
                HttpSettings.Connections.DEFAULT_MAX_HEADER_BYTES);
    }

    /** What came back on a raw connection: status, headers and body as text. */
    private record Raw(int status, String head, String body) {
        JsonNode json() throws IOException {
            return HttpJson.mapper().readTree(body);
        }
    }

    private static Socket connect(TestServer http) throws IOException {
        Socket socket = new Socket("127.0.0.1", http.server.port());
        socket.setSoTimeout((int) PATIENCE.toMillis());
        return socket;
    }

    private static Raw exchange(TestServer http, byte[] request) throws IOException {
        try (Socket socket = connect(http)) {
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            return parse(readAll(socket.getInputStream()));
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        try {
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // a reset after the answer still leaves the answer
        }
        return out.toByteArray();
    }

    private static Raw parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int split = text.indexOf("\r\n\r\n");
        String head = split < 0 ? text : text.substring(0, split);
        String body = split < 0 ? "" : text.substring(split + 4);
        int status = head.startsWith("HTTP/1.1 ") ? Integer.parseInt(head.substring(9, 12)) : -1;
        return new Raw(status, head, body);
    }

    private static byte[] get(String target, String... headers) {
        StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: gateway\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        return request.append("Connection: close\r\n\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void assertEnvelope(Raw raw, int status, String code) throws IOException {
        assertEquals(status, raw.status(), raw.head());
        assertTrue(raw.head().toLowerCase().contains("content-type: application/json"), raw.head());
        assertEquals(status, raw.json().get("statusCode").asInt(), raw.body());
        assertEquals(code, raw.json().get("message").asText(), raw.body());
    }

    @Test
    void errorsJettyAnswersItselfCarryTheEnvelope() throws IOException {
        try (TestServer http = new TestServer(settings(HttpSettings.Connections.defaults()))) {
            assertEnvelope(exchange(http, get("/auth/site?q=" + "a".repeat(40_000))), 414, "ERR_URI_TOO_LONG");
            assertEnvelope(exchange(http, get("/auth/site", "X-Big: " + "b".repeat(40_000))), 431,
                    "ERR_HEADERS_TOO_LARGE");
            assertEnvelope(exchange(http, get("/auth/%zz")), 400, "ERR_BAD_REQUEST");
            assertEnvelope(exchange(http, get("/auth/\u0001site")), 400, "ERR_BAD_REQUEST");
            assertEnvelope(exchange(http, get("/auth/..;/site")), 400, "ERR_BAD_REQUEST");
            assertEnvelope(exchange(http, "GET /auth/site HTTP/9.9\r\nHost: x\r\n\r\n".getBytes(
                    StandardCharsets.ISO_8859_1)), 505, "ERR_HTTP_VERSION_NOT_SUPPORTED");
            assertEnvelope(exchange(http, "GET /auth/site HTTP/1.1\r\nConnection: close\r\n\r\n".getBytes(
                    StandardCharsets.ISO_8859_1)), 400, "ERR_BAD_REQUEST");
        }
    }

    @Test
    void urlsOfSixteenKilobytesReachTheirRoute() throws IOException {
        try (TestServer http = new TestServer(settings(HttpSettings.Connections.defaults()))) {
            // a $in of a few hundred ids, as the UI sends in list-things queries
            Raw raw = exchange(http, get("/auth/site?query=" + "x".repeat(16 * 1024),
                    "Authorization: Bearer " + http.rootToken()));
            assertEquals(200, raw.status(), raw.head());
        }
    }

    @Test
    void aRefusedWebSocketHandshakeCarriesTheEnvelope() throws IOException {
        AlertsFeed feed = new AlertsFeed(new OrkFanOut(new FakeAlertingOrks(), 8, Duration.ofSeconds(2)),
                FakeAlertingOrks.CODEC, Duration.ofSeconds(1));
        try (TestServer http = new TestServer((server, authentication) -> List.of(new AlertsSocket(feed,
                authentication, server.clock)))) {
            Raw raw = exchange(http, get("/ws?token=not-a-token", "Upgrade: websocket", "Connection: Upgrade",
                    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version: 13"));
            // Regression: the 401 came with an empty body.
            assertEnvelope(raw, 401, "ERR_AUTH_FAIL");
        } finally {
            feed.close();
        }
    }

    @Test
    void aClientDribblingItsHeadersIsCutOff() throws Exception {
        try (TestServer http = new TestServer(settings(limits(Duration.ofSeconds(1), 1024, 256)));
             Socket socket = connect(http)) {
            OutputStream out = socket.getOutputStream();
            byte[] request = get("/auth/site", "X-Slow: " + "s".repeat(200));
            boolean cut = false;
            for (int i = 0; i < request.length && !cut; i++) {
                try {
                    out.write(request[i]);
                    out.flush();
                    Thread.sleep(200);
                } catch (IOException e) {
                    cut = true;
                }
            }
            // Regression: a byte every few seconds kept a connection (and its slot) forever.
            assertTrue(cut || socket.getInputStream().read() == -1, "the server closed the connection");
        }
    }

    @Test
    void aClientDribblingItsBodyIsCutOff() throws Exception {
        try (TestServer http = new TestServer(settings(limits(Duration.ofSeconds(10), 1024, 256)));
             Socket socket = connect(http)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /auth/user/settings HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + http.rootToken()
                    + "\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            boolean cut = false;
            for (int i = 0; i < 100 && !cut; i++) {
                try {
                    Thread.sleep(200);
                    out.write(' ');
                    out.flush();
                } catch (IOException e) {
                    cut = true;
                }
            }
            Raw raw = parse(readAll(socket.getInputStream()));
            assertTrue(cut || raw.status() >= 400 || raw.status() == -1, "the body was refused: " + raw.head());
        }
    }

    @Test
    void oneAddressGetsAtMostItsShareOfConnections() throws Exception {
        try (TestServer http = new TestServer(settings(limits(Duration.ofSeconds(10), 1024, 4)))) {
            List<Socket> held = new ArrayList<>();
            try {
                for (int i = 0; i < 5; i++) {
                    Socket socket = connect(http);
                    // every read below is a short look: a socket left at PATIENCE would make the checks outlast
                    // the server's 30 s idle timeout, which then closes the four that had to stay open
                    socket.setSoTimeout(50);
                    held.add(socket);
                }
                // Jetty opens connections on several selector threads, so which of the five is over the limit is
                // the one it happens to open last: wait until one of them is closed, then none of the others is.
                Socket closed = null;
                long until = System.nanoTime() + PATIENCE.toNanos();
                while (closed == null && System.nanoTime() < until) {
                    for (Socket socket : held) {
                        if (readOrEnd(socket) == -1) {
                            closed = socket;
                            break;
                        }
                    }
                }
                assertNotNull(closed, "one of five connections from one address is closed");
                held.remove(closed);
                closed.close();
                for (Socket socket : held) {
                    assertEquals(0, readOrEnd(socket), "the other four stay open");
                }
                held.removeFirst().close();
                Raw raw = awaitServed(http);
                assertEquals(401, raw.status(), "a slot freed is usable again: " + raw.head());
            } finally {
                for (Socket socket : held) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void aBurstOfConnectionsWaitsToBeAcceptedInsteadOfBeingDropped() throws Exception {
        // Regression: the OS queue of connections not yet accepted held the JDK's default of 50, so clients
        // connecting in a burst had their SYNs dropped and retried seconds later. The server here accepts nothing
        // while it holds its maximum, so every connection of the burst has to wait in that queue.
        int max = 100;
        HttpSettings.Connections connections = new HttpSettings.Connections(Duration.ofSeconds(30),
                Duration.ofSeconds(30), 1024, 10 * max, max, HttpSettings.Connections.DEFAULT_MAX_HEADER_BYTES);
        try (TestServer http = new TestServer(settings(connections))) {
            List<Socket> held = new ArrayList<>();
            List<Socket> burst = new ArrayList<>();
            try {
                for (int i = 0; i < max; i++) {
                    held.add(connect(http));
                }
                for (int i = 0; i < max; i++) {
                    Socket socket = new Socket();
                    burst.add(socket);
                    socket.connect(new java.net.InetSocketAddress("127.0.0.1", http.server.port()),
                            (int) PATIENCE.toMillis());
                    socket.setSoTimeout((int) PATIENCE.toMillis());
                }
                for (Socket socket : held) {
                    socket.close();
                }
                for (Socket socket : burst) {
                    socket.getOutputStream().write(get("/auth/site"));
                    socket.getOutputStream().flush();
                }
                for (Socket socket : burst) {
                    Raw raw = parse(readAll(socket.getInputStream()));
                    assertEquals(401, raw.status(), "each connection of the burst is served: " + raw.head());
                }
            } finally {
                for (Socket socket : held) {
                    socket.close();
                }
                for (Socket socket : burst) {
                    socket.close();
                }
            }
        }
    }

    /** Retries briefly: the server learns of a closed connection a moment after the client closed it. */
    private static Raw awaitServed(TestServer http) throws Exception {
        long until = System.nanoTime() + PATIENCE.toNanos();
        Raw raw;
        do {
            raw = exchange(http, get("/auth/site"));
            if (raw.status() > 0) {
                return raw;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < until);
        return raw;
    }

    private static int readOrEnd(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read();
        } catch (SocketTimeoutException e) {
            return 0;
        } catch (IOException e) {
            return -1; // reset
        }
    }

    @Test
    void aClientThatAbortsItsUploadIsNotAServerError() throws Exception {
        try (TestServer http = new TestServer(settings(HttpSettings.Connections.defaults()))) {
            try (Socket socket = connect(http)) {
                socket.getOutputStream().write(("POST /auth/user/settings HTTP/1.1\r\nHost: x\r\nAuthorization: "
                        + "Bearer " + http.rootToken() + "\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 1000\r\n\r\n{\"settings\":").getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
                Thread.sleep(300);
            }
            String metrics = awaitMetric(http, "status=\"499\"");
            // Regression: logged as an ERROR with a stack trace and counted as a 500.
            assertTrue(metrics.contains("status=\"499\""), metrics);
            assertFalse(metrics.contains("status=\"500\""), metrics);
        }
    }

    private static String awaitMetric(TestServer http, String wanted) throws Exception {
        long until = System.nanoTime() + PATIENCE.toNanos();
        String text;
        do {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            http.metrics.scrape(out);
            text = out.toString(StandardCharsets.UTF_8);
            if (text.contains(wanted)) {
                return text;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < until);
        return text;
    }
}
