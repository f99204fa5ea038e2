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
        List<CompletableFuture<CallReplies>> rounds = new ArrayList<>();
        for (OrkCall call : calls) {
            rounds.add(call.paged() ? new Pages(call).next()
                    : fanOut.askAll(call.method().wireName(), codec.write(call.payload())).thenApply(this::decoded));
        }
        return CompletableFuture.allOf(rounds.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<CallReplies> replies = new ArrayList<>();
            Map<String, OrkFailure> failed = new LinkedHashMap<>();
            boolean anyAnswer = false;
            for (CompletableFuture<CallReplies> round : rounds) {
                CallReplies reply = round.join();
                reply.failures().forEach(f -> failed.putIfAbsent(f.orkId(), f));
                anyAnswer |= !reply.answers().isEmpty();
                replies.add(reply);
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

    private CallReplies decoded(List<OrkReply> round) {
        List<JsonView> answers = new ArrayList<>();
        List<OrkFailure> failures = new ArrayList<>();
        for (OrkReply reply : round) {
            switch (reply) {
                case OrkReply.Answered a -> answers.add(JsonView.of(codec.read(a.answer())));
                case OrkReply.Failed f -> failures.add(f.failure());
            }
        }
        return new CallReplies(answers, failures);
    }

    /**
     * A {@link OrkCall#paged() paged} {@code listThings}: page after page ({@value OrkCall#PAGE_SIZE} things per
     * rack each, as the ORK applies {@code offset} and {@code limit} per rack) of the ORKs whose last page was full,
     * until every ORK is done or {@value OrkCall#MAX_PAGES} pages were read (then the replies say
     * {@link CallReplies#truncated()}). Each ORK's answer is the concatenation of its pages; an ORK that fails a page
     * is a failed ORK (its earlier pages are dropped: a part of its things would look like all of them).
     */
    private final class Pages {
        private final OrkCall call;
        private final Map<String, List<Object>> things = new LinkedHashMap<>();
        private final Map<String, OrkFailure> failed = new LinkedHashMap<>();
        private final List<String> open;
        private int page;

        Pages(OrkCall call) {
            this.call = call;
            this.open = new ArrayList<>(fanOut.orkIds());
            open.forEach(id -> things.put(id, new ArrayList<>()));
        }

        CompletableFuture<CallReplies> next() {
            if (open.isEmpty() || page == OrkCall.MAX_PAGES) {
                return CompletableFuture.completedFuture(replies());
            }
            Map<String, Object> payload = new LinkedHashMap<>(call.payload());
            payload.put("offset", page * OrkCall.PAGE_SIZE);
            payload.put("limit", OrkCall.PAGE_SIZE);
            RawJson request = codec.write(payload);
            Map<String, RawJson> requests = new LinkedHashMap<>();
            open.forEach(id -> requests.put(id, request));
            page++;
            return fanOut.ask(call.method().wireName(), requests).thenCompose(round -> {
                for (OrkReply reply : round) {
                    switch (reply) {
                        case OrkReply.Answered a -> {
                            List<?> items = codec.read(a.answer()) instanceof List<?> list ? list : List.of();
                            things.get(a.orkId()).addAll(items);
                            if (items.size() < OrkCall.PAGE_SIZE) {
                                open.remove(a.orkId());
                            }
                        }
                        case OrkReply.Failed f -> {
                            failed.put(f.orkId(), f.failure());
                            things.remove(f.orkId());
                            open.remove(f.orkId());
                        }
                    }
                }
                return next();
            });
        }

        private CallReplies replies() {
            List<JsonView> answers = new ArrayList<>();
            things.values().forEach(list -> answers.add(JsonView.of(list)));
            return new CallReplies(answers, List.copyOf(failed.values()), !open.isEmpty());
        }
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
