package io.miningos.gateway.adapters.http;

import io.miningos.gateway.adapters.http.metrics.Scrape;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /metrics} over a socket: real counts after real requests, and who may read them. */
class MetricsRoutesTest {

    private static final String REQUESTS = "gateway_http_request_duration_seconds_count";

    private static TestServer serverAllowing(List<String> allowed) {
        return new TestServer((server, authentication) -> List.of(new MetricsRoutes(server.metrics,
                AllowedAddresses.parse(allowed), authentication, new ClientAddress(false))));
    }

    private static Scrape scrape(TestServer server, String token) {
        TestServer.Reply reply = server.get("/metrics", token);
        assertEquals(200, reply.status(), reply.raw().body());
        assertTrue(reply.header("Content-Type").startsWith("text/plain"), reply.header("Content-Type"));
        return new Scrape(reply.raw().body());
    }

    @Test
    void countsRequestsByRouteTemplateMethodAndStatus() {
        try (TestServer server = serverAllowing(AllowedAddresses.LOOPBACK)) {
            String token = server.rootToken();
            server.get("/auth/userinfo", token);
            server.get("/auth/userinfo", token);
            server.get("/auth/userinfo", "pub:api:0123456789abcdef0123456789abcdef-1-roles:admin");
            server.get("/auth/userinfo", null);
            server.get("/no/such/route/42", token);

            Scrape metrics = scrape(server, null);

            assertEquals(2, metrics.value(REQUESTS,
                    Map.of("route", "/auth/userinfo", "method", "GET", "status", "200")));
            assertEquals(2, metrics.value(REQUESTS,
                    Map.of("route", "/auth/userinfo", "method", "GET", "status", "401")));
            // an unknown path is never a label value of its own
            assertEquals(1, metrics.value(REQUESTS, Map.of("route", "other", "status", "404")));
            assertTrue(metrics.samples().stream().noneMatch(s -> s.labels().containsValue("/no/such/route/42")));
            assertEquals(1, metrics.value("gateway_tokens_refused_total", Map.of("reason", "unknown")));
            assertEquals(1, metrics.value("gateway_tokens_issued_total", Map.of("how", "sign_in")));
            assertTrue(metrics.value("jvm_memory_used_bytes") > 0, "the JVM's own metrics are there");
            assertTrue(metrics.has("jvm_threads_current"));
        }
    }

    @Test
    void theScrapeItselfIsCountedUnderItsOwnRoute() {
        try (TestServer server = serverAllowing(AllowedAddresses.LOOPBACK)) {
            scrape(server, null);
            Scrape second = scrape(server, null);
            assertEquals(1, second.value(REQUESTS, Map.of("route", "/metrics", "status", "200")));
        }
    }

    @Test
    void fromAnAddressNotAllowedItTakesATokenHoldingTheMetricsPermission() {
        try (TestServer server = serverAllowing(List.of("10.0.0.0/8"))) {
            TestServer.Reply anonymous = server.get("/metrics", null);
            assertEquals(401, anonymous.status());
            assertEquals("ERR_AUTH_FAIL", anonymous.json().path("message").asText());

            TestServer.Reply readOnly = server.get("/metrics", server.tokenFor("viewer@example.com",
                    "read_only_user"));
            assertEquals(403, readOnly.status());
            assertEquals("ERR_AUTH_FAIL_NO_PERMS", readOnly.json().path("message").asText());

            // the super admin holds every permission, metrics:r included
            assertTrue(scrape(server, server.rootToken()).has(REQUESTS));
        }
    }

    @Test
    void anAllowedAddressNeedsNoTokenAndABadOneIsIgnored() {
        try (TestServer server = serverAllowing(List.of("127.0.0.1"))) {
            server.get("/auth/site", null);
            assertTrue(scrape(server, "not-a-token").has(REQUESTS));
        }
    }

    @Test
    void behindATrustedProxyTheForwardedAddressDecides() {
        try (TestServer server = new TestServer((s, authentication) -> List.of(new MetricsRoutes(s.metrics,
                AllowedAddresses.loopback(), authentication, new ClientAddress(true))))) {
            TestServer.Reply forwarded = server.send(HttpRequest.newBuilder(server.uri("/metrics"))
                    .header("X-Forwarded-For", "203.0.113.9").GET());
            assertEquals(401, forwarded.status());
        }
    }
}
