package io.miningos.gateway.adapters.http;

import io.javalin.config.RoutesConfig;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

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

    /** ORK-backed routes whose answers never come, or fail inside the gateway. */
    private static final class StuckRoutes implements RouteGroup {
        @Override
        public void addTo(RoutesConfig routes) {
            routes.get("/auth/stuck", ctx -> OrkResponses.send(ctx, new CompletableFuture<>()));
            routes.get("/auth/faulty-load", ctx -> OrkResponses.send(ctx,
                    CompletableFuture.failedFuture(new StackOverflowError("thrown in a shared load"))));
            routes.get("/auth/fatal", ctx -> {
                throw new StackOverflowError("thrown by a handler");
            });
        }
    }

    @Test
    void aRequestWaitingForAnswersThatNeverComeGetsA504AtItsDeadline() {
        // Regression: a request joined a shared load that never completed and waited forever.
        HttpSettings settings = new HttpSettings("127.0.0.1", 0, HttpSettings.DEFAULT_MAX_BODY_BYTES, false,
                Duration.ofMillis(300));
        try (TestServer http = new TestServer(settings, new StuckRoutes())) {
            Expect.error(http.get("/auth/stuck", http.rootToken()), 504, "Gateway Timeout", "ERR_ORK_TIMEOUT");
        }
    }

    @Test
    void anErrorInsideTheGatewayIsA500WithTheEnvelope() {
        try (TestServer http = new TestServer(new StuckRoutes())) {
            TestServer.Reply shared = http.get("/auth/faulty-load", http.rootToken());
            Expect.error(shared, 500, "Internal Server Error", "ERR_INTERNAL");
            assertNotNull(shared.header("X-Incident-Id"));
            // Regression: an Error thrown by a handler was answered 500 with an empty body.
            TestServer.Reply fatal = http.get("/auth/fatal", http.rootToken());
            Expect.error(fatal, 500, "Internal Server Error", "ERR_INTERNAL");
            assertFalse(fatal.raw().body().contains("thrown"));
            assertNotNull(fatal.header("X-Incident-Id"));
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
