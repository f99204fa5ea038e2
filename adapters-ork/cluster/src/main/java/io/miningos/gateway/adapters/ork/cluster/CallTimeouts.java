package io.miningos.gateway.adapters.ork.cluster;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fails ORK calls at their timeout. {@link CompletableFuture#orTimeout} completes the future on the JDK's one
 * delay thread, so everything that depends on it (the fan-out's bookkeeping, logging, gathering the answer, waking
 * the request) ran there too, one call after the other: a thousand calls timing out together were answered over
 * seconds, and every other timer of the JVM waited behind them. Here the timer thread only hands the failure to a
 * virtual thread of its own; a timer whose call ended first is removed at once, so it holds no answer.
 */
final class CallTimeouts {

    private static final ScheduledThreadPoolExecutor TIMER = timer();
    private static final Executor COMPLETIONS = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("ork-timeout-", 0).factory());

    private CallTimeouts() {
    }

    /** Fails {@code call} with a {@link TimeoutException} after {@code timeout} unless it completed before. */
    static <T> void failAfter(CompletableFuture<T> call, Duration timeout) {
        ScheduledFuture<?> timer = TIMER.schedule(() -> COMPLETIONS.execute(
                () -> call.completeExceptionally(new TimeoutException())), timeout.toNanos(), TimeUnit.NANOSECONDS);
        call.whenComplete((answer, error) -> timer.cancel(false));
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name("ork-call-timer").daemon().factory());
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
