package io.miningos.gateway.application.ork;

import io.miningos.gateway.application.ork.port.OrkFailure;
import io.miningos.gateway.application.ork.port.RawJson;
import io.miningos.gateway.application.ork.port.out.OrkCallException;
import io.miningos.gateway.application.ork.port.out.OrkCluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/** ORKs scripted by a test: each id answers through its own function of (method, request). */
public final class FakeOrkCluster implements OrkCluster {

    private final Map<String, BiFunction<String, RawJson, CompletableFuture<RawJson>>> orks = new LinkedHashMap<>();
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    final List<String> requests = new ArrayList<>();
    /** The timeout each call was given, in call order. */
    final List<Duration> timeouts = new ArrayList<>();

    public FakeOrkCluster ork(String id, BiFunction<String, RawJson, CompletableFuture<RawJson>> answer) {
        orks.put(id, answer);
        return this;
    }

    public FakeOrkCluster answering(String id, String json) {
        return ork(id, (method, request) -> CompletableFuture.completedFuture(RawJson.of(json)));
    }

    public FakeOrkCluster failing(String id, OrkFailure.Cause cause, String detail) {
        return ork(id, (method, request) -> CompletableFuture.failedFuture(
                new OrkCallException(new OrkFailure(id, cause, detail))));
    }

    @Override
    public List<String> orkIds() {
        return List.copyOf(orks.keySet());
    }

    @Override
    public CompletableFuture<RawJson> call(String orkId, String method, RawJson request, Duration timeout) {
        calls.incrementAndGet();
        synchronized (requests) {
            requests.add(orkId + " " + method + " " + request.text());
            timeouts.add(timeout);
        }
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        return orks.get(orkId).apply(method, request).whenComplete((a, e) -> inFlight.decrementAndGet());
    }
}
