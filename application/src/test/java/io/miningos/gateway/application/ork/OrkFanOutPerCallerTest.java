package io.miningos.gateway.application.ork;

import io.miningos.gateway.application.ork.port.RawJson;
import io.miningos.gateway.application.ork.port.RequestCaller;
import io.miningos.gateway.application.ork.port.RequestDeadline;
import io.miningos.gateway.application.shared.port.out.Telemetry;
import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.error.ErrorKind;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One caller's fan-outs run at most {@code perCaller} at once; the rest wait in line within their deadline. */
class OrkFanOutPerCallerTest {

    private static final RawJson REQUEST = RawJson.of("{}");
    private static final long LONG = TimeUnit.MINUTES.toNanos(1);

    /** An ORK that holds every answer until the test releases it. */
    private final List<CompletableFuture<RawJson>> held = new ArrayList<>();
    private final FakeOrkCluster cluster = new FakeOrkCluster().ork("ork-1", (method, request) -> {
        CompletableFuture<RawJson> answer = new CompletableFuture<>();
        synchronized (held) {
            held.add(answer);
        }
        return answer;
    });
    private final OrkFanOut fanOut = new OrkFanOut(cluster, 16, Duration.ofMinutes(1), Telemetry.NONE,
            Clock.systemUTC(), 2);

    private CompletableFuture<List<OrkReply>> ask(String caller, long deadlineNanos) throws Exception {
        AtomicReference<CompletableFuture<List<OrkReply>>> round = new AtomicReference<>();
        RequestDeadline.runWithin(deadlineNanos,
                () -> RequestCaller.runAs(caller, () -> round.set(fanOut.askAll("m", REQUEST))));
        return round.get();
    }

    private void answerNext(int index) {
        synchronized (held) {
            held.get(index).complete(RawJson.of("[1]"));
        }
    }

    @Test
    void aCallersThirdFanOutWaitsForASlotWhileOtherCallersAndBackgroundWorkAreAskedAtOnce() throws Exception {
        long deadline = System.nanoTime() + LONG;
        CompletableFuture<List<OrkReply>> first = ask("user:1", deadline);
        CompletableFuture<List<OrkReply>> second = ask("user:1", deadline);
        CompletableFuture<List<OrkReply>> third = ask("user:1", deadline);
        assertEquals(2, cluster.calls.get(), "the third waits: both of user 1's slots are taken");

        CompletableFuture<List<OrkReply>> otherUser = ask("user:2", deadline);
        CompletableFuture<List<OrkReply>> background = fanOut.askAll("m", REQUEST);
        assertEquals(4, cluster.calls.get(), "another user and work outside a request are not held up");

        answerNext(0);
        first.join();
        assertEquals(5, cluster.calls.get(), "the freed slot goes to the waiting fan-out");
        assertFalse(third.isDone());
        answerNext(4);
        assertInstanceOf(OrkReply.Answered.class, third.join().getFirst());
        answerNext(1);
        answerNext(2);
        answerNext(3);
        second.join();
        otherUser.join();
        background.join();
    }

    @Test
    void aFanOutStillWaitingAtItsDeadlineFailsAsATimeoutAndNeverReachesTheOrk() throws Exception {
        long far = System.nanoTime() + LONG;
        ask("user:1", far);
        ask("user:1", far);
        CompletableFuture<List<OrkReply>> late = ask("user:1", System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50));

        CompletionException failed = assertThrows(CompletionException.class, late::join);
        assertInstanceOf(TimeoutException.class, failed.getCause());
        answerNext(0);
        answerNext(1);
        assertEquals(2, cluster.calls.get(), "the expired fan-out is dropped when a slot frees, not started");
    }

    @Test
    void beyondTheLineACallerIsToldToComeBackLater() throws Exception {
        long deadline = System.nanoTime() + LONG;
        List<CompletableFuture<List<OrkReply>>> rounds = new ArrayList<>();
        for (int i = 0; i < 2 + OrkFanOut.QUEUE_PER_CALLER; i++) {
            rounds.add(ask("user:1", deadline));
        }
        CompletionException refused = assertThrows(CompletionException.class, () -> ask("user:1", deadline).join());
        DomainException limited = assertInstanceOf(DomainException.class, refused.getCause());
        assertEquals(ErrorKind.RATE_LIMITED, limited.kind());
        assertTrue(limited.retryAfterSeconds() >= 1);

        // every one waiting still gets its turn, one slot after another
        for (int i = 0; i < rounds.size(); i++) {
            answerNext(i);
        }
        rounds.forEach(CompletableFuture::join);
        assertEquals(rounds.size(), cluster.calls.get());
        assertEquals(2, cluster.maxInFlight.get());
    }

    @Test
    void withoutACapEveryFanOutOfACallerIsAskedAtOnce() throws Exception {
        OrkFanOut uncapped = new OrkFanOut(cluster, 16, Duration.ofMinutes(1), Telemetry.NONE, Clock.systemUTC(),
                OrkFanOut.DEFAULT_PER_CALLER);
        List<CompletableFuture<List<OrkReply>>> rounds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            AtomicReference<CompletableFuture<List<OrkReply>>> round = new AtomicReference<>();
            RequestDeadline.runWithin(System.nanoTime() + LONG,
                    () -> RequestCaller.runAs("user:1", () -> round.set(uncapped.askAll("m", REQUEST))));
            rounds.add(round.get());
        }
        assertEquals(5, cluster.calls.get());
        for (int i = 0; i < 5; i++) {
            answerNext(i);
        }
        rounds.forEach(CompletableFuture::join);
    }
}
