package io.miningos.gateway.application.ork;

import io.miningos.gateway.application.ork.port.OrkFailure;
import io.miningos.gateway.application.ork.port.RawJson;
import io.miningos.gateway.application.ork.port.RequestDeadline;
import io.miningos.gateway.application.shared.RecordingTelemetry;
import io.miningos.gateway.application.shared.port.out.Telemetry;
import io.miningos.gateway.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrkFanOutTest {

    private static final RawJson REQUEST = RawJson.of("{}");

    private static CompletableFuture<RawJson> after(long millis, String json) {
        return CompletableFuture.supplyAsync(() -> RawJson.of(json),
                CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS));
    }

    @Test
    void asksEightSlowOrksAtOnce() {
        FakeOrkCluster cluster = new FakeOrkCluster();
        for (int i = 1; i <= 8; i++) {
            String answer = "[" + i + "]";
            cluster.ork("cluster-" + i, (m, r) -> after(200, answer));
        }
        OrkFanOut fanOut = new OrkFanOut(cluster, 8, Duration.ofSeconds(15));
        List<OrkReply> replies = fanOut.askAll("listThings", REQUEST).join();
        assertEquals(8, cluster.maxInFlight.get(), "all eight calls were in flight together");
        for (int i = 0; i < 8; i++) {
            assertEquals("[" + (i + 1) + "]", ((OrkReply.Answered) replies.get(i)).answer().text());
        }
    }

    @Test
    void neverHasMoreCallsInFlightThanItsLimit() {
        FakeOrkCluster cluster = new FakeOrkCluster();
        for (int i = 1; i <= 10; i++) {
            cluster.ork("c" + i, (m, r) -> after(20, "[]"));
        }
        List<OrkReply> replies = new OrkFanOut(cluster, 3, Duration.ofSeconds(15)).askAll("m", REQUEST).join();
        assertEquals(10, replies.size());
        assertEquals(3, cluster.maxInFlight.get());
        assertEquals(10, cluster.calls.get());
    }

    @Test
    void failuresAreValuesInConfigurationOrderAndAreCounted() {
        FakeOrkCluster cluster = new FakeOrkCluster()
                .ork("slow", (m, r) -> after(50, "[\"late\"]"))
                .failing("down", OrkFailure.Cause.UNREACHABLE, "refused")
                .ork("buggy", (m, r) -> {
                    throw new IllegalStateException("bug in a cluster implementation");
                })
                .failing("busy", OrkFailure.Cause.TIMEOUT, "no answer");
        OrkFanOut fanOut = new OrkFanOut(cluster, 8, Duration.ofSeconds(15));
        List<OrkReply> replies = fanOut.askAll("listThings", REQUEST).join();
        assertEquals(List.of("slow", "down", "buggy", "busy"), replies.stream().map(OrkReply::orkId).toList());
        assertInstanceOf(OrkReply.Answered.class, replies.get(0));
        assertEquals(OrkFailure.Cause.UNREACHABLE, ((OrkReply.Failed) replies.get(1)).failure().cause());
        assertEquals(OrkFailure.Cause.UNREACHABLE, ((OrkReply.Failed) replies.get(2)).failure().cause());
        assertEquals(OrkFailure.Cause.TIMEOUT, ((OrkReply.Failed) replies.get(3)).failure().cause());
        assertEquals(1, fanOut.failureCounts().total("down"));
        assertEquals(1, fanOut.failureCounts().count("busy", OrkFailure.Cause.TIMEOUT));
        assertEquals(0, fanOut.failureCounts().total("slow"));
        fanOut.askAll("listThings", REQUEST).join();
        assertEquals(2, fanOut.failureCounts().total("down"));
        assertEquals(3, fanOut.failureCounts().snapshot().size());
    }

    @Test
    void aClusterThatBreaksItsContractStillEndsTheRound() {
        FakeOrkCluster cluster = new FakeOrkCluster()
                .ork("never", (m, r) -> new CompletableFuture<>())
                .ork("null", (m, r) -> CompletableFuture.completedFuture(null))
                .answering("fine", "[]");
        List<OrkReply> replies = new OrkFanOut(cluster, 8, Duration.ofSeconds(1)).askAll("m", REQUEST).join();
        assertEquals(OrkFailure.Cause.TIMEOUT, ((OrkReply.Failed) replies.get(0)).failure().cause());
        assertEquals(OrkFailure.Cause.BAD_ANSWER, ((OrkReply.Failed) replies.get(1)).failure().cause());
        assertInstanceOf(OrkReply.Answered.class, replies.get(2));
    }

    @Test
    void anErrorInsideTheFanOutFailsItInsteadOfLeavingItsWaitersWaitingForever() {
        // Regression: a Throwable that is not an Exception escaping the callback that starts the next call left the
        // round's future incomplete, and every request sharing its cached load waited forever, nothing logged.
        StackOverflowError fault = new StackOverflowError("thrown inside the gateway");
        FakeOrkCluster cluster = new FakeOrkCluster()
                .answering("a", "[]")
                .ork("b", (m, r) -> {
                    throw fault;
                })
                .answering("c", "[]");
        CompletableFuture<List<OrkReply>> round = new OrkFanOut(cluster, 1, Duration.ofSeconds(15))
                .askAll("m", REQUEST);
        ExecutionException failed = assertThrows(ExecutionException.class, () -> round.get(10, TimeUnit.SECONDS));
        assertSame(fault, failed.getCause());
    }

    @Test
    void anErrorWhileSettlingAnAnswerEndsTheFanOutAtOnceForEveryoneWaiting() throws Exception {
        // Regression (the global-config hang of issue 12 item 2): an Error thrown while an answer was being settled
        // (an OutOfMemoryError in the log line or the metrics, under another request's heap pressure) went into the
        // future whenComplete returns, which nobody reads; the round never completed, and every request that shared
        // its cached load waited on it forever, nothing logged. The Error here comes from the metrics of the first
        // ORK's answer, on the thread that completed that ORK's call; the second ORK answers later.
        OutOfMemoryError fault = new OutOfMemoryError("thrown while settling an answer");
        Telemetry failing = new Telemetry() {
            @Override
            public void orkCall(String orkId, String method, String outcome, long nanos) {
                if (orkId.equals("a")) {
                    throw fault;
                }
            }
        };
        FakeOrkCluster cluster = new FakeOrkCluster()
                .ork("a", (m, r) -> after(20, "[]"))
                .ork("b", (m, r) -> after(300, "[]"));
        CompletableFuture<List<OrkReply>> round = new OrkFanOut(cluster, 8, Duration.ofSeconds(15), failing,
                new MutableClock(Instant.parse("2026-01-01T00:00:00Z"))).askAll("getGlobalConfig", REQUEST);
        CompletableFuture<List<OrkReply>> sharedWaiter = round.thenApply(replies -> replies); // a second request
        ExecutionException failed = assertThrows(ExecutionException.class, () -> round.get(10, TimeUnit.SECONDS));
        assertSame(fault, failed.getCause());
        ExecutionException shared = assertThrows(ExecutionException.class,
                () -> sharedWaiter.get(10, TimeUnit.SECONDS));
        assertSame(fault, shared.getCause());
    }

    @Test
    void anyNumberOfOrksThatAnswerAtOnceEndTheRoundWithoutOverflowingTheStack() {
        // Regression: each synchronous answer started the next call from inside its callback, one frame deeper.
        FakeOrkCluster cluster = new FakeOrkCluster();
        for (int i = 0; i < 100_000; i++) {
            cluster.answering("c" + i, "[]");
        }
        List<OrkReply> replies = assertDoesNotThrow(() -> new OrkFanOut(cluster, 1, Duration.ofSeconds(15))
                .askAll("m", REQUEST).get(30, TimeUnit.SECONDS));
        assertEquals(100_000, replies.size());
        assertTrue(replies.stream().allMatch(OrkReply.Answered.class::isInstance));
    }

    @Test
    void callsThatWaitedForAFreeSlotGetOnlyTheTimeLeftBeforeTheDeadline() {
        FakeOrkCluster cluster = new FakeOrkCluster()
                .ork("first", (m, r) -> after(100, "[]"))
                .answering("second", "[]");
        new OrkFanOut(cluster, 1, Duration.ofSeconds(15)).askAll("m", REQUEST).join();
        Duration first = cluster.timeouts.get(0);
        Duration second = cluster.timeouts.get(1);
        assertTrue(first.compareTo(Duration.ofSeconds(15)) <= 0);
        assertTrue(second.compareTo(first.minusMillis(100)) <= 0,
                "the second call started at least 100 ms later, so it has that much less: " + first + " " + second);
    }

    @Test
    void theRequestsDeadlineBoundsItsFanOuts() throws Exception {
        FakeOrkCluster cluster = new FakeOrkCluster().answering("a", "[]").answering("b", "[]");
        OrkFanOut fanOut = new OrkFanOut(cluster, 8, Duration.ofSeconds(15));
        List<List<OrkReply>> rounds = new ArrayList<>();
        RequestDeadline.runWithin(System.nanoTime() + TimeUnit.SECONDS.toNanos(2),
                () -> rounds.add(fanOut.askAll("m", REQUEST).join()));
        assertTrue(cluster.timeouts.stream().allMatch(t -> t.compareTo(Duration.ofSeconds(2)) <= 0),
                "each call has at most the request's time left: " + cluster.timeouts);
        RequestDeadline.runWithin(System.nanoTime() - 1, () -> rounds.add(fanOut.askAll("m", REQUEST).join()));
        assertEquals(2, cluster.calls.get(), "a request whose deadline passed (it waited in a queue) asks nobody");
        for (OrkReply reply : rounds.get(1)) {
            assertEquals(OrkFailure.Cause.TIMEOUT, ((OrkReply.Failed) reply).failure().cause());
        }
        assertTrue(RequestDeadline.currentNanos().isEmpty(), "the deadline ends with the work it was set for");
    }

    @Test
    void withoutOrksTheAnswerIsEmpty() {
        assertEquals(List.of(), new OrkFanOut(new FakeOrkCluster(), 8, Duration.ofSeconds(1))
                .askAll("m", REQUEST).join());
    }

    @Test
    void synchronousAnswersDoNotNeedExtraThreads() {
        FakeOrkCluster cluster = new FakeOrkCluster();
        for (int i = 0; i < 50; i++) {
            cluster.answering("c" + i, "[" + i + "]");
        }
        List<OrkReply> replies = new OrkFanOut(cluster, 4, Duration.ofSeconds(1)).askAll("m", REQUEST).join();
        assertEquals(50, replies.size());
        assertEquals("[49]", ((OrkReply.Answered) replies.get(49)).answer().text());
    }

    @Test
    void anAddressedRoundAsksOnlyTheNamedOrksEachItsOwnRequestInConfigurationOrder() {
        FakeOrkCluster cluster = new FakeOrkCluster().ork("a", (m, r) -> CompletableFuture.completedFuture(r))
                .ork("b", (m, r) -> CompletableFuture.completedFuture(r))
                .ork("c", (m, r) -> CompletableFuture.completedFuture(r));
        Map<String, RawJson> requests = new LinkedHashMap<>();
        requests.put("c", RawJson.of("{\"to\":\"c\"}"));
        requests.put("nowhere", RawJson.of("{}"));
        requests.put("a", RawJson.of("{\"to\":\"a\"}"));
        List<OrkReply> replies = new OrkFanOut(cluster, 8, Duration.ofSeconds(1)).ask("m", requests).join();
        assertEquals(List.of("a", "c"), replies.stream().map(OrkReply::orkId).toList());
        assertEquals("{\"to\":\"a\"}", ((OrkReply.Answered) replies.get(0)).answer().text());
        assertEquals(List.of("a m {\"to\":\"a\"}", "c m {\"to\":\"c\"}"), cluster.requests.stream().sorted().toList());
    }

    @Test
    void reportsEveryCallsOutcomeAndKeepsTheLastOnePerOrk() {
        FakeOrkCluster cluster = new FakeOrkCluster()
                .answering("fine", "[]")
                .failing("down", OrkFailure.Cause.UNREACHABLE, "refused")
                .failing("erring", OrkFailure.Cause.ORK_ERROR, "[HRPC_ERR]=ERR_RACK_ID_INVALID")
                .failing("busy", OrkFailure.Cause.TIMEOUT, "no answer")
                .ork("garbled", (m, r) -> CompletableFuture.completedFuture(null));
        RecordingTelemetry telemetry = new RecordingTelemetry();
        MutableClock clock = new MutableClock(Instant.parse("2026-11-01T10:00:00Z"));
        OrkFanOut fanOut = new OrkFanOut(cluster, 1, Duration.ofSeconds(1), telemetry, clock);
        assertEquals(Map.of(), fanOut.lastCalls(), "nothing called yet");

        fanOut.askAll("listThings", REQUEST).join();

        assertEquals(List.of("ork fine listThings ok", "ork down listThings unavailable",
                "ork erring listThings ERR_RACK_ID_INVALID", "ork busy listThings timeout",
                "ork garbled listThings bad_answer"), telemetry.events());
        Map<String, LastOrkCall> last = fanOut.lastCalls();
        assertEquals(new LastOrkCall("ok", true, clock.instant()), last.get("fine"));
        assertFalse(last.get("down").reachable());
        assertTrue(last.get("erring").reachable(), "an ORK that answers with an error of its own is reachable");
        assertFalse(last.get("busy").reachable());
        assertFalse(last.get("garbled").reachable());
    }
}
