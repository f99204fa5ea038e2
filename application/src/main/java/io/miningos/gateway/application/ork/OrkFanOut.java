package io.miningos.gateway.application.ork;

import io.miningos.gateway.application.ork.port.OrkFailure;
import io.miningos.gateway.application.ork.port.RawJson;
import io.miningos.gateway.application.ork.port.out.OrkCallException;
import io.miningos.gateway.application.ork.port.out.OrkCluster;
import io.miningos.gateway.application.shared.port.out.Telemetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asks every ORK the same question at once: at most {@code concurrency} calls of one fan-out are in flight, each
 * with its own timeout. The result never fails: each ORK's failure is a value in its slot, logged and counted,
 * so one slow or broken ORK never costs the answers of the others. Every call's outcome and duration go to
 * {@link Telemetry}, and the last outcome per ORK is kept for the readiness check (which so never calls an ORK).
 */
public final class OrkFanOut {

    private static final Logger LOG = LoggerFactory.getLogger(OrkFanOut.class);
    private static final long BACKSTOP_GRACE_MILLIS = 1_000;

    private final OrkCluster cluster;
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
        return new Round(method, requests).start();
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
        return new Round(method, ordered).start();
    }

    /** One fan-out: a sliding window of calls, the next one starting as soon as one finishes. */
    private final class Round {
        private final String method;
        private final List<RawJson> requests;
        private final List<String> ids;
        private final OrkReply[] replies;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger remaining;
        private final CompletableFuture<List<OrkReply>> done = new CompletableFuture<>();

        Round(String method, Map<String, RawJson> requests) {
            this.method = method;
            this.ids = List.copyOf(requests.keySet());
            this.requests = List.copyOf(requests.values());
            this.replies = new OrkReply[this.ids.size()];
            this.remaining = new AtomicInteger(this.ids.size());
        }

        CompletableFuture<List<OrkReply>> start() {
            if (ids.isEmpty()) {
                done.complete(List.of());
                return done;
            }
            for (int i = 0; i < Math.min(concurrency, ids.size()); i++) {
                launchNext();
            }
            return done;
        }

        private void launchNext() {
            int index = next.getAndIncrement();
            if (index >= ids.size()) {
                return;
            }
            String orkId = ids.get(index);
            long started = System.nanoTime();
            CompletableFuture<RawJson> call;
            try {
                // The cluster enforces the timeout; this backstop only makes sure a round always ends.
                call = cluster.call(orkId, method, requests.get(index), timeout).copy()
                        .orTimeout(timeout.toMillis() + BACKSTOP_GRACE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (RuntimeException e) {
                call = CompletableFuture.failedFuture(e);
            }
            call.whenComplete((answer, error) -> {
                OrkReply reply = reply(orkId, answer, error);
                replies[index] = reply;
                observe(orkId, reply, System.nanoTime() - started);
                // The atomic decrement publishes this slot to whoever completes the round.
                if (remaining.decrementAndGet() == 0) {
                    done.complete(List.of(replies));
                } else {
                    launchNext();
                }
            });
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
            OrkFailure failure = switch (cause) {
                case null -> new OrkFailure(orkId, OrkFailure.Cause.BAD_ANSWER, "no answer value");
                case OrkCallException e -> e.failure();
                case TimeoutException e -> new OrkFailure(orkId, OrkFailure.Cause.TIMEOUT,
                        "no answer within " + timeout.toMillis() + " ms");
                default -> new OrkFailure(orkId, OrkFailure.Cause.UNREACHABLE, cause.toString());
            };
            failures.record(failure);
            LOG.warn("ORK {} failed {}: {} {}", orkId, method, failure.cause(), failure.detail());
            return new OrkReply.Failed(failure);
        }
    }
}
