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

    private ILoggingEvent accessLine(String path) {
        synchronized (lines.list) {
            return lines.list.stream().filter(e -> e.getFormattedMessage().contains(" " + path + " "))
                    .reduce((first, second) -> second).orElseThrow(() -> new AssertionError("no line for " + path));
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

            ILoggingEvent line = accessLine("/auth/site");
            assertEquals(second.header("X-Request-Id"), line.getMDCPropertyMap().get("requestId"));
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
            assertEquals("edge-7f3a:2", accessLine("/auth/site").getMDCPropertyMap().get("requestId"));
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
            assertEquals(missing.header("X-Request-Id"), accessLine("/nowhere").getMDCPropertyMap().get("requestId"));
            assertNull(accessLine("/nowhere").getMDCPropertyMap().get("route"));

            TestServer.Reply refused = get(server, "/auth/userinfo", "pub:api:bad", null);
            assertEquals(401, refused.status());
            ILoggingEvent line = accessLine("/auth/userinfo");
            assertEquals(refused.header("X-Request-Id"), line.getMDCPropertyMap().get("requestId"));
            assertEquals("/auth/userinfo", line.getMDCPropertyMap().get("route"));
            assertNull(line.getMDCPropertyMap().get("userId"));
        }
    }
}
