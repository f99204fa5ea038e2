package io.miningos.gateway.application.ork;

import io.miningos.gateway.application.cache.CacheKey;
import io.miningos.gateway.application.cache.CacheTimings;
import io.miningos.gateway.application.cache.ResponseCache;
import io.miningos.gateway.application.ork.port.GatheredAnswer;
import io.miningos.gateway.application.ork.port.RawJson;
import io.miningos.gateway.application.ork.port.out.JsonCodec;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * What the ORK-backed use cases build on: one request to every ORK, gathered in one of the API's styles, cached
 * for reads (keyed by route and the exact payload sent, which holds precisely the parameters the answer depends
 * on), and with route invalidation after writes. Every payload is screened for code-running query operators
 * ({@link QueryOperators}) before anything else happens: a refused request reaches no ORK and no cache.
 */
public final class OrkRequests {

    private final OrkFanOut fanOut;
    private final JsonCodec codec;
    private final ResponseCache cache;
    private final CacheTimings timings;

    public OrkRequests(OrkFanOut fanOut, JsonCodec codec, ResponseCache cache, CacheTimings timings) {
        this.fanOut = Objects.requireNonNull(fanOut, "fanOut");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.timings = Objects.requireNonNull(timings, "timings");
    }

    public JsonCodec codec() {
        return codec;
    }

    /**
     * A cached read of {@code route} (named as in {@code cacheTiming}, e.g. {@code /auth/actions/:type/:id}).
     * Identical concurrent reads share one fan-out; {@code refresh} fetches anew and stores the result.
     */
    public CompletableFuture<GatheredAnswer> cachedRead(String route, String method, Map<String, Object> payload,
                                                        Gathering gathering, boolean refresh) {
        QueryOperators.requireAllowed(payload);
        RawJson request = codec.write(payload);
        CacheKey key = CacheKey.of(route, method, request.text());
        return cache.get(key, timings.ttlFor(route), refresh, () -> ask(method, request, gathering));
    }

    /** A read that is never cached. */
    public CompletableFuture<GatheredAnswer> read(String method, Map<String, Object> payload, Gathering gathering) {
        QueryOperators.requireAllowed(payload);
        return ask(method, codec.write(payload), gathering);
    }

    /**
     * A write. Once every ORK has answered or failed, the cached answers of {@code invalidates} are dropped
     * (whatever the outcome: a partly applied write changes what the reads should show).
     */
    public CompletableFuture<GatheredAnswer> write(String method, Map<String, Object> payload, Gathering gathering,
                                                   List<String> invalidates) {
        QueryOperators.requireAllowed(payload);
        RawJson request = codec.write(payload);
        return fanOut.askAll(method, request)
                .whenComplete((replies, failure) -> invalidates.forEach(cache::invalidate))
                .thenApply(replies -> gathering.gather(replies, codec));
    }

    private CompletableFuture<GatheredAnswer> ask(String method, RawJson request, Gathering gathering) {
        return fanOut.askAll(method, request).thenApply(replies -> gathering.gather(replies, codec));
    }
}
