package io.miningos.gateway.application.ork;

import io.miningos.gateway.application.ork.port.OrkFailure;
import io.miningos.gateway.application.ork.port.RawJson;
import io.miningos.gateway.application.ork.port.RequestCaller;
import io.miningos.gateway.application.ork.port.RequestDeadline;
import io.miningos.gateway.application.ork.port.out.OrkCallException;
import io.miningos.gateway.application.ork.port.out.OrkCluster;
import io.miningos.gateway.application.shared.port.out.Telemetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Asks every ORK the same question at once: at most {@code concurrency} calls of one fan-out are in flight. The
 * fan-out has one deadline, {@code timeout} after it starts or the {@linkplain RequestDeadline request's deadline}
 * if that is earlier, and each call gets the time left until it, so calls that waited for a free slot don't
 * stretch the answer past it. The result never fails because of an ORK: each ORK's failure is a value in its slot,
 * logged and counted, so one slow or broken ORK never costs the answers of the others. It always completes: a
 * {@link Throwable} that is not an ORK's failure (an {@code OutOfMemoryError} in a callback) fails the fan-out,
 * logged once, instead of leaving its waiters (and every request that shares its cached load) waiting forever.
 * Every call's outcome and duration go to
 * {@link Telemetry}, and the last outcome per ORK is kept for the readiness check (which so never calls an ORK).
 */
public final class OrkFanOut {

    private static final Logger LOG = LoggerFactory.getLogger(OrkFanOut.class);
    private static final long BACKSTOP_GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(1_000);

    /**
     * No per-caller cap unless configured: a slot is held while the ORKs think or time out, so a cap also turns a
     * user's burst of uncached reads to a slow ORK into 504s (queued past the deadline) and 429s (beyond the line).
     */
    public static final int DEFAULT_PER_CALLER = 0;
    /** Fan-outs one caller may have waiting for a slot; one more is refused (429). */
    static final int QUEUE_PER_CALLER = 16;

    private final OrkCluster cluster;
    private final CallerBulkhead callers;
    private final int concurrency;
    private final Duration timeout;
    private final OrkFailureCounts failures = new OrkFailureCounts();
    private final Telemetry telemetry;
    private final Clock clock;
    private final ConcurrentHashMap<String, LastOrkCall> lastCalls = new ConcurrentHashMap<>();

    public OrkFanOut(OrkCluster cluster, int concurrency, Duration timeout) {
        this(cluster, concurrency, timeout, Telemetry.NONE, Clock.systemUTC());
    }

    public OrkFanOut(OrkCluster cluster, int concurrency, Duration timeout, Telemetry telemetry, Clock clock) {
        this(cluster, concurrency, timeout, telemetry, clock, DEFAULT_PER_CALLER);
    }

    /**
     * @param perCaller fan-outs one {@linkplain RequestCaller caller} runs at once (0: no cap); its next ones wait
     *                  in line (at most {@value #QUEUE_PER_CALLER}, else 429) until a slot frees or their deadline
     *                  passes
     */
    public OrkFanOut(OrkCluster cluster, int concurrency, Duration timeout, Telemetry telemetry, Clock clock,
                     int perCaller) {
        if (perCaller < 0) {
            throw new IllegalArgumentException("perCaller must not be negative");
        }
        this.callers = perCaller == 0 ? null : new CallerBulkhead(perCaller, QUEUE_PER_CALLER);
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        this.concurrency = concurrency;
        this.timeout = timeout;
    }

    /** The configured ORKs, in configuration order. */
    public List<String> orkIds() {
        return cluster.orkIds();
    }

    /** The longest a fan-out lasts (each ORK call's timeout when it need not wait for a slot). */
    public Duration timeout() {
        return timeout;
    }

    public OrkFailureCounts failureCounts() {
        return failures;
    }

    /** How the last call to each ORK ended, for ORKs called at least once since start. */
    public Map<String, LastOrkCall> lastCalls() {
        return Map.copyOf(lastCalls);
    }

    /** One reply per configured ORK, in configuration order. */
    public CompletableFuture<List<OrkReply>> askAll(String method, RawJson request) {
        Map<String, RawJson> requests = new LinkedHashMap<>();
        cluster.orkIds().forEach(id -> requests.put(id, request));
        return start(method, requests);
    }

    /**
     * Asks only some ORKs, each its own request (a write addressed to the ORKs that hold its target): one reply per
     * ORK asked, in configuration order whatever the map's order. Ids that are not configured are ignored.
     */
    public CompletableFuture<List<OrkReply>> ask(String method, Map<String, RawJson> requests) {
        Map<String, RawJson> ordered = new LinkedHashMap<>();
        for (String id : cluster.orkIds()) {
            RawJson request = requests.get(id);
            if (request != null) {
                ordered.put(id, request);
            }
        }
        return start(method, ordered);
    }

    private CompletableFuture<List<OrkReply>> start(String method, Map<String, RawJson> requests) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        var requestDeadline = RequestDeadline.currentNanos();
        if (requestDeadline.isPresent()) {
            deadline = RequestDeadline.earlier(deadline, requestDeadline.getAsLong());
        }
        long roundDeadline = deadline;
        Optional<String> caller = RequestCaller.current();
        if (callers == null || caller.isEmpty()) {
            return new Round(method, requests, started, roundDeadline).start();
        }
        // A request's fan-out counts against its caller's share: one user's heavy uncached reads sent back to back
        // must not take every core from everyone else. A fan-out that waited gives its calls the time left.
        Round round = new Round(method, requests, started, roundDeadline); // logs as the request that started it
        return callers.run(caller.get(), roundDeadline, round::start);
    }

    /**
     * One fan-out: a sliding window of calls, the next one starting as soon as one finishes. Calls are started by
     * one drain loop at a time (a call that completes at once frees its slot without recursing), so any number of
     * ORKs that answer synchronously cannot overflow the stack.
     */
    private final class Round {
        private final String method;
        private final List<RawJson> requests;
        private final List<String> ids;
        private final long started;
        private final long deadline;
        private final OrkReply[] replies;
        private final AtomicInteger remaining;
        private final AtomicInteger freeSlots;
        private final AtomicInteger drainers = new AtomicInteger();
        private final AtomicReference<Throwable> broken = new AtomicReference<>();
        private final CompletableFuture<List<OrkReply>> done = new CompletableFuture<>();
        private int next; // only touched by the drain loop, which one thread runs at a time
        /** The logging context (request id...) of the request that started the round, for its lines. */
        private final Map<String, String> logContext = MDC.getCopyOfContextMap();

        Round(String method, Map<String, RawJson> requests, long started, long deadline) {
            this.method = method;
            this.ids = List.copyOf(requests.keySet());
            this.requests = List.copyOf(requests.values());
            this.started = started;
            this.deadline = deadline;
            this.replies = new OrkReply[this.ids.size()];
            this.remaining = new AtomicInteger(this.ids.size());
            this.freeSlots = new AtomicInteger(Math.min(concurrency, this.ids.size()));
        }

        CompletableFuture<List<OrkReply>> start() {
            if (ids.isEmpty()) {
                done.complete(List.of());
                return done;
            }
            drain();
            return done;
        }

        /** Starts calls while slots are free; whoever frees a slot during the loop leaves the work to it. */
        private void drain() {
            if (drainers.getAndIncrement() != 0) {
                return;
            }
            do {
                while (next < ids.size() && freeSlots.get() > 0) {
                    freeSlots.decrementAndGet();
                    int index = next++;
                    try {
                        launch(index);
                    } catch (Throwable e) { // registering the callback failed: the slot still ends
                        settle(index, System.nanoTime(), null, e);
                    }
                }
            } while (drainers.decrementAndGet() != 0);
        }

        private void launch(int index) {
            String orkId = ids.get(index);
            long callStarted = System.nanoTime();
            long left = deadline - callStarted;
            CompletableFuture<RawJson> call;
            if (left <= 0) {
                call = CompletableFuture.failedFuture(new TimeoutException("no time left before the deadline"));
            } else {
                try {
                    // The cluster enforces the timeout; this backstop only makes sure a round always ends.
                    call = cluster.call(orkId, method, requests.get(index), Duration.ofNanos(left)).copy()
                            .orTimeout(left + BACKSTOP_GRACE_NANOS, TimeUnit.NANOSECONDS);
                } catch (Throwable e) { // an Error too: the slot must end like any other
                    call = CompletableFuture.failedFuture(e);
                }
            }
            call.whenComplete((answer, error) -> settle(index, callStarted, answer, error));
        }

        private void settle(int index, long callStarted, RawJson answer, Throwable error) {
            try {
                OrkReply reply = reply(ids.get(index), answer, error);
                replies[index] = reply;
                observe(ids.get(index), reply, System.nanoTime() - callStarted);
            } catch (Throwable e) {
                fail(e);
            } finally {
                // The atomic decrement publishes this slot to whoever completes the round.
                if (remaining.decrementAndGet() == 0) {
                    finish();
                } else {
                    freeSlots.incrementAndGet();
                    drain();
                }
            }
        }

        private void finish() {
            if (broken.get() == null) {
                done.complete(List.of(replies));
            }
        }

        /** The first fault fails the fan-out at once (its waiters are released first, then it is logged). */
        private void fail(Throwable fault) {
            if (broken.compareAndSet(null, fault)) {
                done.completeExceptionally(fault);
                inRequestContext(() -> LOG.error("the fan-out of {} failed inside the gateway; its requests get 500",
                        method, fault));
            }
        }

        private void observe(String orkId, OrkReply reply, long nanos) {
            OrkFailure failure = reply instanceof OrkReply.Failed failed ? failed.failure() : null;
            String outcome = failure == null ? LastOrkCall.OK : failure.shortReason();
            boolean reachable = failure == null || failure.cause() == OrkFailure.Cause.ORK_ERROR;
            lastCalls.put(orkId, new LastOrkCall(outcome, reachable, clock.instant()));
            try {
                telemetry.orkCall(orkId, method, outcome, nanos);
            } catch (RuntimeException e) {
                LOG.debug("telemetry failed", e); // metrics must never cost an answer
            }
        }

        private OrkReply reply(String orkId, RawJson answer, Throwable error) {
            if (error == null && answer != null) {
                return new OrkReply.Answered(orkId, answer);
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            if (cause instanceof Error fault) {
                throw fault; // not the ORK's doing: the whole fan-out fails, logged once
            }
            OrkFailure failure = switch (cause) {
                case null -> new OrkFailure(orkId, OrkFailure.Cause.BAD_ANSWER, "no answer value");
                case OrkCallException e -> e.failure();
                case TimeoutException e -> new OrkFailure(orkId, OrkFailure.Cause.TIMEOUT,
                        "no answer within " + TimeUnit.NANOSECONDS.toMillis(deadline - started) + " ms");
                default -> new OrkFailure(orkId, OrkFailure.Cause.UNREACHABLE, cause.toString());
            };
            failures.record(failure);
            inRequestContext(() -> LOG.warn("ORK {} failed {}: {} {}", orkId, method, failure.cause(),
                    failure.detail()));
            return new OrkReply.Failed(failure);
        }

        /** Logs as the request that started the round: answers complete on the transports' threads. */
        private void inRequestContext(Runnable logging) {
            Map<String, String> own = MDC.getCopyOfContextMap();
            if (logContext != null) {
                MDC.setContextMap(logContext);
            }
            try {
                logging.run();
            } finally {
                if (own == null) {
                    MDC.clear();
                } else {
                    MDC.setContextMap(own);
                }
            }
        }
    }
}
