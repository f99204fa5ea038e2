package io.miningos.gateway.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.miningos.gateway.adapters.persistence.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two gateway jars, each with its own data folder, on one real PostgreSQL database: a user deleted through one is
 * refused by the other without waiting for its session cache to expire, a write through one is read through the
 * other, and killing one in the middle of writes loses none that it acknowledged.
 *
 * <p>Waits here are generous bounds for a shared, noisy machine (the tests check that changes arrive, not how
 * fast); the delays themselves are measured by {@code bench/}.
 */
class TwoGatewaysOnPostgresJarIT {

    @BeforeAll
    static void needsTheServer() {
        TestPostgres.admin(); // fails without one; with -DnoPostgres skips the class (no @AfterEach on nothing)
    }


    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COSTS = "/auth/global/data?type=productionCosts";
    private static final Duration BOUND = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    private TestPostgres.Scratch database;
    private Path config;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void configure() throws Exception {
        database = TestPostgres.database();
        config = Files.createDirectories(dir.resolve("config"));
        Path passwordFile = dir.resolve("pg.password");
        String password = database.settings().password();
        Files.writeString(passwordFile, password == null ? "" : password + "\n");
        // Reads cached for 15 minutes, as sites configure it: only the notifications can make a change show.
        Files.writeString(config.resolve("common.json"), """
                {"site": "site-01",
                 "cacheTiming": {"/auth/global/data": "15m"},
                 "gateway": {"storage": {"kind": "postgres", "url": "%s", "user": "%s", "passwordFile": "%s",
                                          "poolSize": 4}}}"""
                .formatted(database.settings().url(), database.settings().user(), passwordFile));
    }

    @AfterEach
    void drop() {
        database.close();
    }

    private GatewayProcess serve(String name) throws Exception {
        return GatewayProcess.serve("--config", config.toString(), "--data-dir", dir.resolve(name).toString());
    }

    private String cli(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--config", config.toString(), "--data-dir", dir.resolve("cli").toString()));
        GatewayProcess.Run run = GatewayProcess.run(all.toArray(String[]::new));
        assertEquals(0, run.exit(), run.stderr());
        return run.lastLine();
    }

    private HttpResponse<String> send(GatewayProcess gateway, String method, String path, String token, String body)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port + path))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String month(int year, int month, int cost) {
        return "{\"data\":{\"site\":\"site-01\",\"year\":%d,\"month\":%d,\"energyCostsUSD\":%d}}"
                .formatted(year, month, cost);
    }

    /** Polls until {@code check} holds, up to {@link #BOUND}; returns how long it took. */
    private static Duration await(String what, Check check) throws Exception {
        long start = System.nanoTime();
        while (!check.holds()) {
            if (System.nanoTime() - start > BOUND.toNanos()) {
                throw new AssertionError(what + " did not happen within " + BOUND);
            }
            Thread.sleep(20);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }

    /** The three checks on one pair of gateways (each jar start costs seconds on a shared machine). */
    @Test
    void aUserDeletedThroughOneIsRefusedByTheOtherWritesAreSharedAndAKillLosesNoAcknowledgedWrite()
            throws Exception {
        GatewayProcess a = serve("a");
        try (GatewayProcess b = serve("b")) {
            String admin = cli("token", "--email", "admin@example.com");
            aUserDeletedThroughOneIsRefusedByTheOther(a, b, admin);
            aWriteThroughOneIsReadThroughTheOther(a, b, admin);
            killingOneMidWriteLosesNoAcknowledgedWrite(a, b, admin);
        } finally {
            a.close();
        }
    }

    private void aUserDeletedThroughOneIsRefusedByTheOther(GatewayProcess a, GatewayProcess b, String admin)
            throws Exception {
        cli("users", "add", "--email", "op@example.com", "--role", "site_operator");
        String operator = cli("token", "--email", "op@example.com");
        assertEquals(200, send(b, "GET", "/auth/userinfo", operator, null).statusCode()); // cached on b

        JsonNode listed = JSON.readTree(send(a, "GET", "/auth/users", admin, null).body()).get("users");
        long id = -1;
        for (JsonNode user : listed) {
            if (user.get("email").asText().equals("op@example.com")) {
                id = user.get("id").asLong();
            }
        }
        HttpResponse<String> deleted = send(a, "POST", "/auth/users/delete", admin, "{\"data\":{\"id\":" + id
                + "}}");
        assertEquals(200, deleted.statusCode(), deleted.body());
        Duration refusedAfter = await("b refusing the deleted user",
                () -> send(b, "GET", "/auth/userinfo", operator, null).statusCode() == 401);
        System.out.println("deleted user refused by the other gateway after " + refusedAfter.toMillis() + " ms");
    }

    private void aWriteThroughOneIsReadThroughTheOther(GatewayProcess a, GatewayProcess b, String admin)
            throws Exception {
        String year = COSTS + "&gte=199901&lte=199912";
        assertEquals("[]", send(a, "GET", year, admin, null).body()); // a single instance would cache this
        assertEquals(200, send(b, "POST", COSTS, admin, month(1999, 3, 700)).statusCode());
        // at once: the first read through a after b acknowledged the write returns it
        String read = send(a, "GET", year, admin, null).body();
        assertTrue(read.contains("\"energyCostsUSD\":700"), read);
    }

    private void killingOneMidWriteLosesNoAcknowledgedWrite(GatewayProcess a, GatewayProcess b, String admin)
            throws Exception {
        Set<Integer> acknowledged = new HashSet<>();
        AtomicBoolean killed = new AtomicBoolean();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 2_000; i++) {
                try {
                    HttpResponse<String> r = send(a, "POST", COSTS, admin, month(2000 + i / 12, i % 12 + 1, i));
                    if (r.statusCode() == 200 && r.body().contains("\"success\":true")) {
                        synchronized (acknowledged) {
                            acknowledged.add(i);
                        }
                    }
                } catch (Exception e) {
                    if (killed.get()) {
                        return; // the gateway is gone: this write was never acknowledged
                    }
                    throw new IllegalStateException(e);
                }
            }
        });
        await("some writes acknowledged", () -> {
            synchronized (acknowledged) {
                return acknowledged.size() >= 30;
            }
        });
        killed.set(true);
        a.process.destroyForcibly(); // SIGKILL: no shutdown hook, no graceful stop
        assertTrue(a.process.waitFor(30, TimeUnit.SECONDS));
        writer.get(60, TimeUnit.SECONDS);

        JsonNode stored = JSON.readTree(send(b, "GET", COSTS + "&gte=200001&lte=220012", admin, null).body());
        Set<Integer> present = new HashSet<>();
        for (JsonNode record : stored) {
            present.add(record.get("energyCostsUSD").asInt());
        }
        Set<Integer> lost = new HashSet<>(acknowledged);
        lost.removeAll(present);
        assertEquals(Set.of(), lost, "acknowledged writes missing after the kill (of " + acknowledged.size() + ")");
        System.out.println(acknowledged.size() + " acknowledged writes before the kill, all present");
    }
}
