package io.miningos.gateway.bootstrap;

import io.miningos.gateway.application.ork.port.OrkFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.miningos.gateway.bootstrap.FakeOrk.answer;
import static io.miningos.gateway.bootstrap.FakeOrk.answerAfter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ORKs that are slow, down, erring or answering garbage, and many ORKs or many clients at once. */
class OrkFailureTest {

    @TempDir
    Path dataDir;

    private static Map<String, FakeOrk> orks(FakeOrk... orks) {
        Map<String, FakeOrk> byId = new LinkedHashMap<>();
        for (int i = 0; i < orks.length; i++) {
            byId.put("cluster-" + (i + 1), orks[i]);
        }
        return byId;
    }

    private static FanOutConfig partialAnswersNotKept() {
        return new FanOutConfig(16, 64L * 1024 * 1024, Duration.ZERO);
    }

    @Test
    void aSlowAndABrokenOrkDoNotCostTheOthersTheirAnswer() {
        FakeOrk fine = new FakeOrk().on("listThings", answer("[{\"id\":\"m-1\"}]"));
        FakeOrk slow = new FakeOrk().on("listThings", answerAfter(5_000, "[{\"id\":\"late\"}]"));
        FakeOrk down = new FakeOrk().on("listThings", FakeOrk.unreachable());
        FakeOrk erring = new FakeOrk().on("listThings", FakeOrk.error("ERR_SOMETHING"));
        FakeOrk garbage = new FakeOrk().on("listThings", answer("<html>502</html>"));
        try (TestGateway gateway = TestGateway.start(dataDir, orks(fine, slow, down, erring, garbage), 300, Map.of(),
                partialAnswersNotKept())) {
            String token = gateway.adminToken();
            TestGateway.Response response = gateway.get("/auth/list-things", token);
            assertEquals(200, response.status());
            assertEquals("[[{\"id\":\"m-1\"}],[],[],[],[]]", response.body());
            assertEquals("cluster-2=timeout, cluster-3=unavailable, cluster-4=ERR_SOMETHING, cluster-5=bad_answer",
                    response.orkFailures());
            // given up on at its timeout, not awaited: its late answer never made it into the reply above
            assertEquals(1, gateway.gateway().orkFailureCounts().count("cluster-2", OrkFailure.Cause.TIMEOUT));
            assertEquals(1, gateway.gateway().orkFailureCounts().total("cluster-3"));
            assertEquals(0, gateway.gateway().orkFailureCounts().total("cluster-1"));

            gateway.get("/auth/list-things", token);
            assertEquals(2, fine.calls("listThings").size(), "a partial answer is not kept for the route's TTL");
        }
    }

    @Test
    void whenEveryOrkFailsTheAnswerIsAnErrorAndNothingIsCached() {
        FakeOrk down = new FakeOrk().on("getGlobalConfig", FakeOrk.unreachable());
        FakeOrk erring = new FakeOrk().on("getGlobalConfig", FakeOrk.error("ERR_GLOBAL_CONFIG_MISSING"));
        try (TestGateway gateway = TestGateway.start(dataDir, orks(down, erring))) {
            String token = gateway.adminToken();
            TestGateway.Response response = gateway.get("/auth/global-config", token);
            assertEquals(502, response.status());
            assertEquals("ERR_ORK_UNAVAILABLE", response.errorCode());
            assertEquals(502, response.json().get("statusCode").asInt());
            assertEquals("cluster-1=unavailable, cluster-2=ERR_GLOBAL_CONFIG_MISSING", response.orkFailures());

            down.on("getGlobalConfig", answer("{\"isAutoSleepAllowed\":true}"));
            TestGateway.Response recovered = gateway.get("/auth/global-config", token);
            assertEquals(200, recovered.status());
            assertEquals("[{\"isAutoSleepAllowed\":true},[]]", recovered.body());
        }
    }

    @Test
    void whenEveryOrkTimesOutTheAnswerIs504() {
        FakeOrk silent = new FakeOrk().on("tailLog", FakeOrk.silent());
        FakeOrk slow = new FakeOrk().on("tailLog", answerAfter(3_000, "[]"));
        try (TestGateway gateway = TestGateway.start(dataDir, orks(silent, slow), 200, Map.of())) {
            TestGateway.Response response = gateway.get("/auth/tail-log?key=stat-5m", gateway.adminToken());
            assertEquals(504, response.status());
            assertEquals("ERR_ORK_TIMEOUT", response.errorCode());
            assertEquals("cluster-1=timeout, cluster-2=timeout", response.orkFailures());
        }
    }

    @Test
    void eightOrksAreAskedTogether() throws Exception {
        // Every ORK holds its answer until the test releases it: the request can only be answered if all eight were
        // asked before any of them answered, which proves parallelism without timing anything.
        List<CompletableFuture<String>> answers = new ArrayList<>();
        FakeOrk[] eight = new FakeOrk[8];
        for (int i = 0; i < 8; i++) {
            answers.add(new CompletableFuture<>());
            eight[i] = new FakeOrk().on("listRacks", new FakeOrk.Later(answers.get(i)));
        }
        try (TestGateway gateway = TestGateway.start(dataDir, orks(eight));
             ExecutorService client = Executors.newVirtualThreadPerTaskExecutor()) {
            String token = gateway.adminToken();
            Future<TestGateway.Response> response = client.submit(
                    () -> gateway.get("/auth/list-racks?type=miner", token));
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (Arrays.stream(eight).anyMatch(ork -> ork.calls("listRacks").isEmpty())) {
                assertTrue(System.nanoTime() < giveUp, "not every ORK was asked while none had answered");
                Thread.sleep(10);
            }
            assertFalse(response.isDone(), "the answer waits for every ORK");
            for (int i = 0; i < 8; i++) {
                answers.get(i).complete("[" + i + "]");
            }
            assertEquals("[[0],[1],[2],[3],[4],[5],[6],[7]]", response.get(10, TimeUnit.SECONDS).body());
        }
    }

    @Test
    void aHundredIdenticalConcurrentRequestsMakeOneOrkCall() throws Exception {
        FakeOrk ork = new FakeOrk().on("listThings", answerAfter(300, "[{\"id\":\"m-1\"}]"));
        try (TestGateway gateway = TestGateway.start(dataDir, orks(ork));
             ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            String token = gateway.adminToken();
            List<Future<TestGateway.Response>> responses = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                responses.add(clients.submit(() -> gateway.get("/auth/list-things?status=1&limit=100", token)));
            }
            for (Future<TestGateway.Response> response : responses) {
                assertEquals(200, response.get().status());
                assertEquals("[[{\"id\":\"m-1\"}]]", response.get().body());
            }
            assertEquals(1, ork.calls("listThings").size());
        }
    }
}
