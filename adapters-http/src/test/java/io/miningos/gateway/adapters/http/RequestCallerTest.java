package io.miningos.gateway.adapters.http;

import io.miningos.gateway.application.ork.port.RequestCaller;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An authenticated handler runs as its user, whose share of ORK fan-outs its requests count against. */
class RequestCallerTest {

    private static final RouteGroup ROUTES = routes -> {
        routes.get("/auth/caller", ctx -> ResponseBodies.json(ctx,
                Map.of("caller", RequestCaller.current().orElse("none"))));
        routes.get("/public-caller", ctx -> ResponseBodies.json(ctx,
                Map.of("caller", RequestCaller.current().orElse("none"))));
    };

    @Test
    void eachAuthenticatedRequestRunsAsItsUserAndAPublicOneAsNobody() {
        try (TestServer server = new TestServer(ROUTES)) {
            String root = server.get("/auth/caller", server.rootToken()).json().get("caller").asText();
            String again = server.get("/auth/caller", server.rootToken()).json().get("caller").asText();
            assertEquals(root, again, "two tokens of one user are one caller");
            assertTrue(root.startsWith("user:"), root);

            String other = server.get("/auth/caller", server.tokenFor("reader@example.com", "read_only_user"))
                    .json().get("caller").asText();
            assertNotEquals(root, other);

            assertEquals("none", server.get("/public-caller", null).json().get("caller").asText());
        }
    }
}
