package io.miningos.gateway.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A test client of the alerts WebSocket ({@code /ws}): collects whole text messages and the close status. Shared
 * with bootstrap's end-to-end tests through this module's test-jar.
 */
public class AlertsSocketListener implements WebSocket.Listener {

    /** What a client sends to get the alerts. */
    public static final String SUBSCRIBE = "{\"event\":\"subscribe\",\"channel\":\"alerts\"}";

    public final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    public final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();

    /** Opens {@code ws://127.0.0.1:<port>/ws}, with {@code ?token=} unless {@code token} is null. */
    public static WebSocket connect(HttpClient client, int port, String token, AlertsSocketListener listener) {
        String query = token == null ? "" : "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        return client.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws" + query), listener).join();
    }

    public static void subscribe(WebSocket ws) {
        ws.sendText(SUBSCRIBE, true).join();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            messages.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    /** The next message, parsed; fails the test if none comes within 5 s. */
    public JsonNode next() throws InterruptedException {
        return next(Duration.ofSeconds(5));
    }

    /** The next message, parsed; fails the test if none comes within {@code wait}. */
    public JsonNode next(Duration wait) throws InterruptedException {
        String text = nextWithin(wait);
        assertNotNull(text, "no message within " + wait.toMillis() + " ms");
        try {
            return HttpJson.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    /** The next message as sent, or null if none comes within {@code wait}. */
    public String nextWithin(Duration wait) throws InterruptedException {
        return messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }
}
