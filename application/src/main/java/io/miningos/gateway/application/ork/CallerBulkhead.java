package io.miningos.gateway.application.ork;

import io.miningos.gateway.domain.error.DomainException;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * At most {@code perCaller} pieces of work (ORK fan-outs) of one caller run at once; the caller's next ones wait in
 * line, at most {@code queuePerCaller} of them, each only until its deadline (then it fails with a
 * {@link TimeoutException}, which the HTTP edge answers 504 {@code ERR_ORK_TIMEOUT}, and never starts). One more is
 * refused at once: 429 {@value #RATE_LIMITED} with {@code Retry-After}. So one user sending uncached heavy reads back
 * to back holds at most {@code perCaller} ORK computations, and the machine's cores stay shared with everyone else.
 * Nothing blocks: the work starts on the thread that frees the slot.
 */
final class CallerBulkhead {

    static final String RATE_LIMITED = "ERR_RATE_LIMITED";

    private final int perCaller;
    private final int queuePerCaller;
    private final Map<String, Lane> lanes = new HashMap<>(); // guarded by itself

    CallerBulkhead(int perCaller, int queuePerCaller) {
        if (perCaller < 1) {
            throw new IllegalArgumentException("perCaller must be at least 1");
        }
        if (queuePerCaller < 0) {
            throw new IllegalArgumentException("queuePerCaller must not be negative");
        }
        this.perCaller = perCaller;
        this.queuePerCaller = queuePerCaller;
    }

    /** One caller's running count and waiting work. */
    private static final class Lane {
        int running;
        final ArrayDeque<Waiting<?>> waiting = new ArrayDeque<>();
    }

    private record Waiting<T>(Supplier<CompletableFuture<T>> work, CompletableFuture<T> result, long deadlineNanos) {
    }

    /** Runs {@code work} now if {@code caller} has a free slot, else when one frees before {@code deadlineNanos}. */
    <T> CompletableFuture<T> run(String caller, long deadlineNanos, Supplier<CompletableFuture<T>> work) {
        Waiting<T> waiting;
        synchronized (lanes) {
            Lane lane = lanes.computeIfAbsent(caller, c -> new Lane());
            if (lane.running < perCaller) {
                lane.running++;
                waiting = null;
            } else if (lane.waiting.size() >= queuePerCaller) {
                return CompletableFuture.failedFuture(DomainException.rateLimited(RATE_LIMITED, 1));
            } else {
                waiting = new Waiting<>(work, new CompletableFuture<>(), deadlineNanos);
                lane.waiting.add(waiting);
            }
        }
        if (waiting == null) {
            return start(caller, work);
        }
        long left = deadlineNanos - System.nanoTime();
        waiting.result().orTimeout(Math.max(1, left), TimeUnit.NANOSECONDS);
        return waiting.result();
    }

    /** How many of {@code caller}'s pieces of work wait for a slot (for tests and metrics). */
    int waiting(String caller) {
        synchronized (lanes) {
            Lane lane = lanes.get(caller);
            return lane == null ? 0 : lane.waiting.size();
        }
    }

    private <T> CompletableFuture<T> start(String caller, Supplier<CompletableFuture<T>> work) {
        CompletableFuture<T> started;
        try {
            started = work.get();
        } catch (Throwable e) { // the slot must end like any other
            started = CompletableFuture.failedFuture(e);
        }
        started.whenComplete((r, e) -> release(caller));
        return started;
    }

    /** Hands the freed slot to the caller's next waiting work still in time, else frees it. */
    private void release(String caller) {
        Waiting<?> next;
        synchronized (lanes) {
            Lane lane = lanes.get(caller);
            do {
                next = lane.waiting.poll();
            } while (next != null && (next.result().isDone() || next.deadlineNanos() - System.nanoTime() <= 0));
            if (next == null) {
                lane.running--;
                if (lane.running == 0 && lane.waiting.isEmpty()) {
                    lanes.remove(caller);
                }
                return;
            }
        }
        startWaiting(caller, next);
    }

    private <T> void startWaiting(String caller, Waiting<T> next) {
        start(caller, next.work()).whenComplete((r, e) -> {
            if (e != null) {
                next.result().completeExceptionally(e);
            } else {
                next.result().complete(r);
            }
        });
    }
}
