package io.miningos.gateway.adapters.http;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every request gets an id: in the response's X-Request-Id and in the context of its log lines. */
class RequestIdsTest {

    private final Logger access = (Logger) LoggerFactory.getLogger("access");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void captureTheAccessLog() {
        lines.start();
        access.addAppender(lines);
    }

    @AfterEach
    void release() {
        access.detachAppender(lines);
    }

    /**
     * The access line of the request with this id; waited for, as a response can reach the client before its line
     * is logged (a body is complete once written).
     */
    private ILoggingEvent accessLine(String path, String requestId) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (true) {
            synchronized (lines) { // AppenderBase appends holding the appender's lock
                java.util.Optional<ILoggingEvent> line = lines.list.stream()
                        .filter(e -> e.getFormattedMessage().contains(" " + path + " "))
                        .filter(e -> requestId.equals(e.getMDCPropertyMap().get("requestId"))).findFirst();
                if (line.isPresent()) {
                    return line.get();
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no line for " + path + " of request " + requestId);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static Map<String, Object> fields(ILoggingEvent line) {
        return line.getKeyValuePairs().stream().collect(Collectors.toMap(p -> p.key, p -> p.value));
    }

    private static TestServer.Reply get(TestServer server, String path, String token, String requestId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return server.send(request);
    }

    @Test
    void eachRequestGetsANewIdInItsAnswerAndItsLogLine() {
        try (TestServer server = new TestServer()) {
            String token = server.rootToken();
            TestServer.Reply first = get(server, "/auth/site", token, null);
            TestServer.Reply second = get(server, "/auth/site", token, null);
            String id = first.header("X-Request-Id");
            assertTrue(id.matches("[0-9a-f]{16}"), id);
            assertNotEquals(id, second.header("X-Request-Id"));

            ILoggingEvent line = accessLine("/auth/site", second.header("X-Request-Id"));
            assertEquals("/auth/site", line.getMDCPropertyMap().get("route"));
            assertEquals("1", line.getMDCPropertyMap().get("userId"));
            assertEquals(Map.of("method", "GET", "path", "/auth/site", "status", 200, "ms",
                    fields(line).get("ms")), fields(line));
        }
    }

    @Test
    void aClientsIdIsIgnoredUnlessItComesThroughATrustedProxy() {
        try (TestServer direct = new TestServer(HttpSettings.DEFAULT_MAX_BODY_BYTES, false)) {
            TestServer.Reply reply = get(direct, "/auth/site", null, "from-the-client");
            assertNotEquals("from-the-client", reply.header("X-Request-Id"));
        }
        try (TestServer proxied = new TestServer(HttpSettings.DEFAULT_MAX_BODY_BYTES, true)) {
            assertEquals("edge-7f3a:2", get(proxied, "/auth/site", null, "edge-7f3a:2").header("X-Request-Id"));
            accessLine("/auth/site", "edge-7f3a:2");
            for (String bad : List.of("has space", "x".repeat(129), "quote\"", "new\\nline")) {
                String id = get(proxied, "/auth/site", null, bad).header("X-Request-Id");
                assertTrue(id.matches("[0-9a-f]{16}"), "refused " + bad + ", got " + id);
            }
        }
    }

    @Test
    void unmatchedRequestsAndRefusalsHaveIdsToo() {
        try (TestServer server = new TestServer()) {
            TestServer.Reply missing = get(server, "/nowhere", null, null);
            assertEquals(404, missing.status());
            assertNull(accessLine("/nowhere", missing.header("X-Request-Id")).getMDCPropertyMap().get("route"));

            TestServer.Reply refused = get(server, "/auth/userinfo", "pub:api:bad", null);
            assertEquals(401, refused.status());
            ILoggingEvent line = accessLine("/auth/userinfo", refused.header("X-Request-Id"));
            assertEquals("/auth/userinfo", line.getMDCPropertyMap().get("route"));
            assertNull(line.getMDCPropertyMap().get("userId"));
        }
    }
}
