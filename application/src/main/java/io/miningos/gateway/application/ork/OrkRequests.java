package io.miningos.gateway.application.ork;

import io.miningos.gateway.application.cache.CacheKey;
import io.miningos.gateway.application.cache.CacheTimings;
import io.miningos.gateway.application.cache.ResponseCache;
import io.miningos.gateway.application.ork.port.GatheredAnswer;
import io.miningos.gateway.application.ork.port.OrkFailure;
import io.miningos.gateway.application.ork.port.OrksUnavailableException;
import io.miningos.gateway.application.ork.port.RawJson;
import io.miningos.gateway.application.ork.port.out.JsonCodec;
import io.miningos.gateway.domain.analytics.JsonView;
import io.miningos.gateway.domain.ork.OrkMethod;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * What the ORK-backed use cases build on: one request to every ORK, gathered in one of the API's styles, cached
 * for reads (keyed by route and the exact payload sent, which holds precisely the parameters the answer depends
 * on), and with route invalidation after writes. Which route caches a read and which routes a write makes stale
 * is the ORK method catalogue's ({@link OrkMethod}), so no use case names a route or an ORK method by its text.
 * Every payload is screened for code-running query operators and absurd numbers ({@link OrkPayloadScreen}) before
 * anything else: a refused request reaches no ORK and no cache.
 */
public final class OrkRequests {

    private static final long LOAD_BACKSTOP_MILLIS = 5_000;

    private final OrkFanOut fanOut;
    private final JsonCodec codec;
    private final ResponseCache cache;
    private final CacheTimings timings;
    private final long maxResponseBytes;
    private final boolean mergeOrks;

    public OrkRequests(OrkFanOut fanOut, JsonCodec codec, ResponseCache cache, CacheTimings timings) {
        this(fanOut, codec, cache, timings, Gathering.MAX_BODY_BYTES);
    }

    /** @param maxResponseBytes the largest response the ORKs' answers are gathered into (else 502) */
    public OrkRequests(OrkFanOut fanOut, JsonCodec codec, ResponseCache cache, CacheTimings timings,
                       long maxResponseBytes) {
        this(fanOut, codec, cache, timings, maxResponseBytes, false);
    }

    /**
     * @param mergeOrks the merged view ({@code gateway.mergeOrks}): gatherings that merge exactly answer as one
     *                  ORK holding every ORK's racks would ({@link Gathering})
     */
    public OrkRequests(OrkFanOut fanOut, JsonCodec codec, ResponseCache cache, CacheTimings timings,
                       long maxResponseBytes, boolean mergeOrks) {
        this.fanOut = Objects.requireNonNull(fanOut, "fanOut");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.timings = Objects.requireNonNull(timings, "timings");
        if (maxResponseBytes < 1) {
            throw new IllegalArgumentException("maxResponseBytes must be positive");
        }
        this.maxResponseBytes = maxResponseBytes;
        this.mergeOrks = mergeOrks;
    }

    /** Whether answers are merged across ORKs where they merge exactly ({@code gateway.mergeOrks}). */
    public boolean mergesOrks() {
        return mergeOrks;
    }

    public JsonCodec codec() {
        return codec;
    }

    /**
     * A cached read: its answers are kept under the method's {@link OrkMethod#cacheRoute() cache route} for that
     * route's {@code cacheTiming}. Identical concurrent reads share one fan-out; {@code refresh} fetches anew and
     * stores the result.
     *
     * @throws IllegalArgumentException for a write, or a read the catalogue never caches (a programming error)
     */
    public CompletableFuture<GatheredAnswer> cachedRead(OrkMethod method, Map<String, Object> payload,
                                                        Gathering gathering, boolean refresh) {
        String route = method.cacheRoute().orElseThrow(() -> new IllegalArgumentException(
                method.wireName() + " has no cached route in the ORK method catalogue"));
        OrkPayloadScreen.screen(payload);
        RawJson request = codec.write(payload);
        CacheKey key = CacheKey.of(route, method.wireName(), request.text());
        return cache.get(key, timings.ttlFor(route), refresh, () -> ask(method, request, gathering));
    }

    /** A read that is not cached. */
    public CompletableFuture<GatheredAnswer> read(OrkMethod method, Map<String, Object> payload, Gathering gathering) {
        requireRead(method);
        OrkPayloadScreen.screen(payload);
        return ask(method, codec.write(payload), gathering);
    }

    /**
     * A write to every ORK. Once every ORK has answered or failed, the cached answers of the routes the method
     * {@link OrkMethod#invalidates() makes stale} are dropped (whatever the outcome: a partly applied write changes
     * what the reads should show). The caller's right to send it is the use case's to check first
     * ({@link OrkMethod#authorize}).
     */
    public CompletableFuture<GatheredAnswer> write(OrkMethod method, Map<String, Object> payload, Gathering gathering) {
        requireWrite(method);
        OrkPayloadScreen.screen(payload);
        RawJson request = codec.write(payload);
        return fanOut.askAll(method.wireName(), request)
                .whenComplete((replies, failure) -> method.invalidates().forEach(cache::invalidate))
                .thenApply(replies -> gathering.gather(replies, codec, maxResponseBytes, mergeOrks));
    }

    /**
     * A write sent only to the given ORKs, each with its own payload (a write addressed to the ORKs that hold its
     * target); invalidation as {@link #write}.
     */
    public CompletableFuture<GatheredAnswer> writeTo(OrkMethod method, Map<String, Map<String, Object>> payloads,
                                                     Gathering gathering) {
        requireWrite(method);
        payloads.values().forEach(OrkPayloadScreen::screen);
        Map<String, RawJson> requests = new LinkedHashMap<>();
        payloads.forEach((orkId, payload) -> requests.put(orkId, codec.write(payload)));
        return fanOut.ask(method.wireName(), requests)
                .whenComplete((replies, failure) -> method.invalidates().forEach(cache::invalidate))
                .thenApply(replies -> gathering.gather(replies, codec, maxResponseBytes, mergeOrks));
    }

    /** Every ORK's reply to an uncached read a use case decides from (e.g. which ORK holds an action). */
    public CompletableFuture<List<OrkReply>> askEvery(OrkMethod method, Map<String, Object> payload) {
        requireRead(method);
        OrkPayloadScreen.screen(payload);
        return fanOut.askAll(method.wireName(), codec.write(payload));
    }

    /**
     * A cached route computed by the gateway from several ORK reads (the analytics building block): every call is
     * asked of every ORK at once, each ORK's answers are decoded, and {@code compute} turns the replies (one
     * {@link CallReplies} per call, in call order) into the answer's plain JSON value. ORKs that failed a call are
     * reported (first reason per ORK) and make the answer partial; when no call got any answer from any ORK, the
     * route fails like a map read ({@link OrksUnavailableException}). Cached under {@code route} and
     * {@code keyParts} (the route's normalised parameters) for the route's {@code cacheTiming}.
     */
    public CompletableFuture<GatheredAnswer> cachedCompute(String route, List<String> keyParts, boolean refresh,
                                                           List<OrkCall> calls,
                                                           Function<List<CallReplies>, Object> compute) {
        screen(calls);
        CacheKey key = new CacheKey(route, keyParts);
        return cache.get(key, timings.ttlFor(route), refresh, () -> gather(calls, compute));
    }

    /**
     * As {@link #cachedCompute}, not cached: for routes whose answer must be fresh. A {@code compute} that throws
     * (e.g. a {@link io.miningos.gateway.domain.error.DomainException} for "not found") fails the answer with it.
     */
    public CompletableFuture<GatheredAnswer> compute(List<OrkCall> calls, Function<List<CallReplies>, Object> compute) {
        screen(calls);
        return gather(calls, compute);
    }

    private static void screen(List<OrkCall> calls) {
        calls.forEach(call -> {
            requireRead(call.method());
            OrkPayloadScreen.screen(call.payload());
        });
    }

    private CompletableFuture<GatheredAnswer> gather(List<OrkCall> calls,
                                                     Function<List<CallReplies>, Object> compute) {
        List<CompletableFuture<List<OrkReply>>> rounds = new ArrayList<>();
        for (OrkCall call : calls) {
            rounds.add(fanOut.askAll(call.method().wireName(), codec.write(call.payload())));
        }
        return CompletableFuture.allOf(rounds.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<CallReplies> replies = new ArrayList<>();
            Map<String, OrkFailure> failed = new LinkedHashMap<>();
            boolean anyAnswer = false;
            for (CompletableFuture<List<OrkReply>> round : rounds) {
                List<JsonView> answers = new ArrayList<>();
                List<OrkFailure> failures = new ArrayList<>();
                for (OrkReply reply : round.join()) {
                    switch (reply) {
                        case OrkReply.Answered a -> answers.add(JsonView.of(codec.read(a.answer())));
                        case OrkReply.Failed f -> {
                            failures.add(f.failure());
                            failed.putIfAbsent(f.orkId(), f.failure());
                        }
                    }
                }
                anyAnswer |= !answers.isEmpty();
                replies.add(new CallReplies(answers, failures));
            }
            if (!anyAnswer && !failed.isEmpty()) {
                throw new OrksUnavailableException(List.copyOf(failed.values()));
            }
            List<OrkFailure> inOrder = new ArrayList<>();
            for (String orkId : fanOut.orkIds()) {
                if (failed.containsKey(orkId)) {
                    inOrder.add(failed.get(orkId));
                }
            }
            return new GatheredAnswer(codec.write(compute.apply(replies)), inOrder);
        }).orTimeout(fanOut.timeout().toMillis() + LOAD_BACKSTOP_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The configured ORKs, in configuration order. */
    public List<String> orkIds() {
        return fanOut.orkIds();
    }

    private CompletableFuture<GatheredAnswer> ask(OrkMethod method, RawJson request, Gathering gathering) {
        // The fan-out always ends by its deadline; the backstop makes sure a cached load that identical requests
        // share ends too, whatever happens inside, so no later request can join a load that never finishes.
        return fanOut.askAll(method.wireName(), request)
                .thenApply(replies -> gathering.gather(replies, codec, maxResponseBytes, mergeOrks))
                .orTimeout(fanOut.timeout().toMillis() + LOAD_BACKSTOP_MILLIS, TimeUnit.MILLISECONDS);
    }

    private static void requireRead(OrkMethod method) {
        if (method.isWrite()) {
            throw new IllegalArgumentException(method.wireName() + " is a write: send it with write or writeTo");
        }
    }

    private static void requireWrite(OrkMethod method) {
        if (!method.isWrite()) {
            throw new IllegalArgumentException(method.wireName() + " is a read: send it with read or cachedRead");
        }
    }
}
