package io.miningos.gateway.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import io.miningos.gateway.adapters.http.metrics.Scrape;
import io.miningos.gateway.adapters.persistence.SqliteDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.miningos.gateway.bootstrap.FakeOrk.answer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The real gateway's health routes over a socket: storage written for real, ORK states from real requests. */
class HealthEndToEndTest {

    @TempDir
    Path dataDir;

    @Test
    void readinessFollowsTheOrksLastCallsAndIsCounted() {
        FakeOrk flaky = new FakeOrk().on("listThings", answer("[]"));
        Map<String, FakeOrk> orks = new LinkedHashMap<>();
        orks.put("cluster-1", flaky);
        orks.put("cluster-2", new FakeOrk().on("listThings", FakeOrk.unreachable()));
        try (TestGateway gateway = TestGateway.start(dataDir, orks, 2_000, Map.of("/auth/list-things", "0s"))) {
            assertEquals(200, gateway.get("/health/live", null).status());

            TestGateway.Response fresh = gateway.get("/health/ready", null);
            assertEquals(200, fresh.status(), fresh.body());
            JsonNode checks = fresh.json().path("checks");
            assertEquals("up", checks.path("storage").path("status").asText());
            assertEquals("unknown", checks.path("ork:cluster-1").path("status").asText());
            try (SqliteDatabase db = SqliteDatabase.open(dataDir)) {
                assertEquals(1, db.dsl().fetchValue("SELECT count(*) FROM health_probe", Integer.class),
                        "the storage check really wrote");
            }

            String token = gateway.adminToken();
            gateway.get("/auth/list-things", token);
            TestGateway.Response oneDown = gateway.get("/health/ready", null);
            assertEquals(200, oneDown.status(), "one ORK left: still ready");
            assertEquals("down", oneDown.json().path("checks").path("ork:cluster-2").path("status").asText());
            assertEquals("unavailable", oneDown.json().path("checks").path("ork:cluster-2").path("detail").asText());
            assertEquals("ok", oneDown.json().path("checks").path("ork:cluster-1").path("detail").asText());

            flaky.on("listThings", FakeOrk.unreachable());
            gateway.get("/auth/list-things", token);
            TestGateway.Response allDown = gateway.get("/health/ready", null);
            assertEquals(503, allDown.status());
            assertEquals("down", allDown.json().path("status").asText());
            assertFalse(allDown.body().contains("connection refused"), "the transport's detail stays in the log");

            Scrape metrics = new Scrape(gateway.get("/metrics", null).body());
            assertEquals(2, metrics.value("gateway_http_request_duration_seconds_count",
                    Map.of("route", "/health/ready", "status", "200")));
            assertEquals(1, metrics.value("gateway_http_request_duration_seconds_count",
                    Map.of("route", "/health/ready", "status", "503")));
        }
    }
}
