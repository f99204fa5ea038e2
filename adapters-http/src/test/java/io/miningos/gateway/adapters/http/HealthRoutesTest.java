package io.miningos.gateway.adapters.http;

import io.miningos.gateway.application.health.port.in.Readiness;
import io.miningos.gateway.application.health.port.in.Readiness.Check;
import io.miningos.gateway.application.health.port.in.Readiness.Status;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code /health/live} and {@code /health/ready} over a socket, without a token. */
class HealthRoutesTest {

    private static final Instant AT = Instant.parse("2026-11-01T10:00:00Z");

    private final AtomicReference<Readiness> readiness = new AtomicReference<>();

    private static Readiness readiness(boolean ready, Status ork) {
        Map<String, Check> checks = new LinkedHashMap<>();
        checks.put("storage", new Check(Status.UP, "writable", AT));
        checks.put("ork:cluster-1", new Check(ork, ork == Status.UNKNOWN ? "not called yet" : "timeout",
                ork == Status.UNKNOWN ? null : AT));
        return new Readiness(ready, checks);
    }

    @Test
    void liveAnswersUpWithoutAToken() {
        try (TestServer server = new TestServer(new HealthRoutes(readiness::get))) {
            TestServer.Reply reply = server.get("/health/live", null);
            assertEquals(200, reply.status());
            assertEquals("{\"status\":\"up\"}", reply.raw().body());
            assertEquals("no-store", reply.header("Cache-Control"));
        }
    }

    @Test
    void readyNamesEveryCheckAndAnswers503WhenNotReady() {
        try (TestServer server = new TestServer(new HealthRoutes(readiness::get))) {
            readiness.set(readiness(true, Status.UNKNOWN));
            TestServer.Reply up = server.get("/health/ready", null);
            assertEquals(200, up.status());
            assertEquals("{\"status\":\"up\",\"checks\":{\"storage\":{\"status\":\"up\",\"detail\":\"writable\","
                    + "\"at\":\"2026-11-01T10:00:00Z\"},\"ork:cluster-1\":{\"status\":\"unknown\","
                    + "\"detail\":\"not called yet\"}}}", up.raw().body());

            readiness.set(readiness(false, Status.DOWN));
            TestServer.Reply down = server.get("/health/ready", null);
            assertEquals(503, down.status());
            assertEquals("down", down.json().path("status").asText());
            assertEquals("down", down.json().path("checks").path("ork:cluster-1").path("status").asText());
            assertEquals("timeout", down.json().path("checks").path("ork:cluster-1").path("detail").asText());
        }
    }
}
