package io.miningos.gateway.adapters.http;

import io.javalin.config.RoutesConfig;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class ServerBehaviourTest {

    /** A route that fails in an unexpected way, to see what reaches the client. */
    private static final class BrokenRoutes implements RouteGroup {
        @Override
        public void addTo(RoutesConfig routes) {
            routes.get("/auth/broken", ctx -> {
                throw new IllegalStateException("secret internal detail");
            });
        }
    }

    @Test
    void unknownRoutesGetTheEnvelope() {
        try (TestServer http = new TestServer()) {
            Expect.error(http.get("/nothing/here", null), 404, "Not Found", "ERR_ROUTE_NOT_FOUND");
            Expect.error(http.get("/auth/nothing", http.rootToken()), 404, "Not Found", "ERR_ROUTE_NOT_FOUND");
            Expect.error(http.send("DELETE", "/auth/userinfo", http.rootToken(), null), 404, "Not Found",
                    "ERR_ROUTE_NOT_FOUND");
        }
    }

    @Test
    void oversizedBodiesAreRefusedBeforeTheyAreRead() {
        try (TestServer http = new TestServer(4096, false)) {
            String big = "{\"settings\":{\"blob\":\"" + "x".repeat(10_000) + "\"}}";
            Expect.error(http.post("/auth/user/settings", http.rootToken(), big), 413, "Content Too Large",
                    "ERR_PAYLOAD_TOO_LARGE");
        }
    }

    @Test
    void absurdlyNestedJsonIsABadRequest() {
        try (TestServer http = new TestServer()) {
            String deep = "{\"settings\":" + "[".repeat(500) + "]".repeat(500) + "}";
            Expect.badRequest(http.post("/auth/user/settings", http.rootToken(), deep), "ERR_BODY_INVALID_JSON");
        }
    }

    @Test
    void unexpectedFailuresAreA500WithoutDetails() {
        try (TestServer http = new TestServer(new BrokenRoutes())) {
            TestServer.Reply reply = http.get("/auth/broken", http.rootToken());
            Expect.error(reply, 500, "Internal Server Error", "ERR_INTERNAL");
            assertFalse(reply.raw().body().contains("secret"));
            assertNotNull(reply.header("X-Incident-Id"));
        }
    }

    @Test
    void behindAProxyTheForwardedAddressIsTheClient() {
        try (TestServer http = new TestServer(1024 * 1024, true)) {
            String token = http.tokenFor("op@example.com", "site_operator", "203.0.113.7");
            TestServer.Reply direct = http.get("/auth/userinfo", token);
            assertEquals(401, direct.status());
            TestServer.Reply viaProxy = http.send(HttpRequest.newBuilder(http.uri("/auth/userinfo"))
                    .header("Authorization", "Bearer " + token)
                    .header("X-Forwarded-For", "203.0.113.7, 10.0.0.1"));
            assertEquals(200, viaProxy.status());
        }
        try (TestServer http = new TestServer()) {
            String token = http.tokenFor("op@example.com", "site_operator", "203.0.113.7");
            TestServer.Reply spoofed = http.send(HttpRequest.newBuilder(http.uri("/auth/userinfo"))
                    .header("Authorization", "Bearer " + token)
                    .header("X-Forwarded-For", "203.0.113.7"));
            assertEquals(401, spoofed.status(), "without trustProxy the header is ignored");
        }
    }
}
