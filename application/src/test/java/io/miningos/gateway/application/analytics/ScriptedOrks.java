package io.miningos.gateway.application.analytics;

import io.miningos.gateway.application.cache.CacheTimings;
import io.miningos.gateway.application.cache.ResponseCache;
import io.miningos.gateway.application.ork.OrkFanOut;
import io.miningos.gateway.application.ork.OrkRequests;
import io.miningos.gateway.application.ork.port.GatheredAnswer;
import io.miningos.gateway.application.ork.port.OrkFailure;
import io.miningos.gateway.application.ork.port.RawJson;
import io.miningos.gateway.application.ork.port.out.JsonCodec;
import io.miningos.gateway.application.ork.port.out.OrkCallException;
import io.miningos.gateway.application.ork.port.out.OrkCluster;
import io.miningos.gateway.domain.analytics.JsonView;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

/**
 * In-memory ORKs for the analytics service tests: each answers through a function of (method, request) with plain
 * Java values, or fails. No JSON text is involved: the codec hands values through by reference, so a test reads
 * an answer as the maps and decimals the service computed (the HTTP tests check the JSON text).
 */
final class ScriptedOrks implements OrkCluster {

    /** An ORK's reply to one call: a plain value, or {@link #FAILED}. */
    interface Script extends BiFunction<String, JsonView, Object> {
    }

    /** What a script returns for a call the ORK fails (as if unreachable). */
    static final Object FAILED = new Object();

    record Call(String orkId, String method, JsonView request) {
    }

    private final Map<String, Script> orks = new LinkedHashMap<>();
    private final List<Call> calls = new ArrayList<>();
    private final PassingCodec codec = new PassingCodec();

    ScriptedOrks ork(String id, Script script) {
        orks.put(id, script);
        return this;
    }

    /** Cached for 30 s per route, partial answers not kept. */
    OrkRequests requests() {
        return new OrkRequests(new OrkFanOut(this, 8, Duration.ofSeconds(5)), codec,
                new ResponseCache(16L * 1024 * 1024, Duration.ZERO), CacheTimings.parse(Map.of()));
    }

    /** The value an answer's body holds. */
    Object body(GatheredAnswer answer) {
        return codec.read(answer.body());
    }

    List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    List<Call> calls(String method) {
        return calls().stream().filter(c -> c.method().equals(method)).toList();
    }

    @Override
    public List<String> orkIds() {
        return List.copyOf(orks.keySet());
    }

    @Override
    public CompletableFuture<RawJson> call(String orkId, String method, RawJson request, Duration timeout) {
        JsonView parsed = JsonView.of(codec.read(request));
        synchronized (calls) {
            calls.add(new Call(orkId, method, parsed));
        }
        Object answer = orks.get(orkId).apply(method, parsed);
        if (answer == FAILED) {
            return CompletableFuture.failedFuture(new OrkCallException(new OrkFailure(orkId,
                    OrkFailure.Cause.UNREACHABLE, "connection refused")));
        }
        return CompletableFuture.completedFuture(codec.write(answer));
    }

    /** Keeps each written value under a number; the "JSON" is that number. */
    private static final class PassingCodec implements JsonCodec {
        private final Map<String, Object> values = new ConcurrentHashMap<>();
        private final AtomicLong next = new AtomicLong();

        @Override
        public RawJson write(Object value) {
            String id = "#" + next.incrementAndGet();
            values.put(id, value == null ? NULL : value);
            return RawJson.of(id);
        }

        @Override
        public Object read(RawJson json) {
            Object value = values.get(json.text());
            if (value == null) {
                throw new IllegalArgumentException("not written by this codec: " + json.text());
            }
            return value == NULL ? null : value;
        }

        private static final Object NULL = new Object();
    }
}
