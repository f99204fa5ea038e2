package io.miningos.gateway.application.ork;

import io.miningos.gateway.application.cache.CacheTimings;
import io.miningos.gateway.application.cache.ResponseCache;
import io.miningos.gateway.application.ork.port.GatheredAnswer;
import io.miningos.gateway.application.ork.port.OrkFailure;
import io.miningos.gateway.application.ork.port.OrksUnavailableException;
import io.miningos.gateway.application.ork.port.RawJson;
import io.miningos.gateway.application.ork.port.out.JsonCodec;
import io.miningos.gateway.application.ork.port.out.OrkCallException;
import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.ork.OrkMethod;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OrkRequestsTest {

    private static final String ROUTE = "/auth/list-things";
    private static final String ACTIONS_ROUTE = "/auth/actions";
    private static final Map<String, Object> PAYLOAD = Map.of("limit", 5);

    private static OrkRequests requests(FakeOrkCluster cluster, Duration partialTtl) {
        return new OrkRequests(new OrkFanOut(cluster, 8, Duration.ofSeconds(15)), new TinyJsonCodec(),
                new ResponseCache(64L * 1024 * 1024, partialTtl), CacheTimings.parse(Map.of(ROUTE, "15s", ACTIONS_ROUTE, "15s")));
    }

    @Test
    void hundredIdenticalConcurrentReadsMakeOneOrkCall() {
        CompletableFuture<RawJson> pending = new CompletableFuture<>();
        FakeOrkCluster cluster = new FakeOrkCluster().ork("a", (m, r) -> pending);
        OrkRequests orks = requests(cluster, Duration.ofSeconds(5));
        List<CompletableFuture<GatheredAnswer>> waiters = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            waiters.add(orks.cachedRead(OrkMethod.LIST_THINGS, PAYLOAD, Gathering.map(), false));
        }
        pending.complete(RawJson.of("[{\"id\":\"m-1\"}]"));
        GatheredAnswer first = waiters.getFirst().join();
        for (CompletableFuture<GatheredAnswer> waiter : waiters) {
            assertSame(first, waiter.join());
        }
        assertEquals("[[{\"id\":\"m-1\"}]]", first.body().text());
        assertEquals(1, cluster.calls.get());
        assertEquals(List.of("a listThings {\"limit\":5}"), cluster.requests);
    }

    @Test
    void waitersOfALoadThatFoundEveryOrkDownShareTheErrorAndNothingIsKept() {
        AtomicInteger attempt = new AtomicInteger();
        CompletableFuture<RawJson> pending = new CompletableFuture<>();
        FakeOrkCluster cluster = new FakeOrkCluster().ork("a", (m, r) -> attempt.getAndIncrement() == 0 ? pending
                : CompletableFuture.completedFuture(RawJson.of("[\"back\"]")));
        OrkRequests orks = requests(cluster, Duration.ofSeconds(5));
        CompletableFuture<GatheredAnswer> one = orks.cachedRead(OrkMethod.LIST_THINGS, PAYLOAD, Gathering.map(), false);
        CompletableFuture<GatheredAnswer> two = orks.cachedRead(OrkMethod.LIST_THINGS, PAYLOAD, Gathering.map(), false);
        pending.completeExceptionally(new OrkCallException(new OrkFailure("a", OrkFailure.Cause.TIMEOUT, "")));
        Throwable first = assertThrows(CompletionException.class, one::join).getCause();
        assertInstanceOf(OrksUnavailableException.class, first);
        assertSame(first, assertThrows(CompletionException.class, two::join).getCause());
        assertEquals("[[\"back\"]]", orks.cachedRead(OrkMethod.LIST_THINGS, PAYLOAD, Gathering.map(), false).join()
                .body().text());
        assertEquals(2, cluster.calls.get());
    }

    @Test
    void aCompleteAnswerIsKeptAPartialOneOnlyForThePartialTtl() {
        FakeOrkCluster cluster = new FakeOrkCluster().answering("a", "[1]")
                .failing("b", OrkFailure.Cause.UNREACHABLE, "refused");
        OrkRequests orks = requests(cluster, Duration.ZERO);
        GatheredAnswer partial = orks.cachedRead(OrkMethod.LIST_THINGS, PAYLOAD, Gathering.map(), false).join();
        assertEquals("[[1],[]]", partial.body().text());
        orks.cachedRead(OrkMethod.LIST_THINGS, PAYLOAD, Gathering.map(), false).join();
        assertEquals(4, cluster.calls.get(), "a partial answer is not served again after its partial TTL");

        FakeOrkCluster healthy = new FakeOrkCluster().answering("a", "[1]").answering("b", "[2]");
        OrkRequests cached = requests(healthy, Duration.ZERO);
        cached.cachedRead(OrkMethod.LIST_THINGS, PAYLOAD, Gathering.map(), false).join();
        cached.cachedRead(OrkMethod.LIST_THINGS, PAYLOAD, Gathering.map(), false).join();
        assertEquals(2, healthy.calls.get());
        cached.cachedRead(OrkMethod.LIST_THINGS, PAYLOAD, Gathering.map(), true).join();
        assertEquals(4, healthy.calls.get(), "overwriteCache asks again");
    }

    @Test
    void differentParametersAreDifferentEntries() {
        FakeOrkCluster cluster = new FakeOrkCluster().answering("a", "[]");
        OrkRequests orks = requests(cluster, Duration.ofSeconds(5));
        orks.cachedRead(OrkMethod.LIST_THINGS, Map.of("limit", 5), Gathering.map(), false).join();
        orks.cachedRead(OrkMethod.LIST_THINGS, Map.of("limit", 6), Gathering.map(), false).join();
        orks.cachedRead(OrkMethod.LIST_THINGS, Map.of("limit", 5), Gathering.map(), false).join();
        assertEquals(2, cluster.calls.get());
    }

    @Test
    void aWriteDropsTheCachedReadsTheCatalogueNamesForItOnceTheOrksAnswered() {
        FakeOrkCluster cluster = new FakeOrkCluster().answering("a", "[]");
        OrkRequests orks = requests(cluster, Duration.ofSeconds(5));
        orks.cachedRead(OrkMethod.LIST_THINGS, PAYLOAD, Gathering.map(), false).join();
        orks.cachedRead(OrkMethod.QUERY_ACTIONS, PAYLOAD, Gathering.map(), false).join();
        GatheredAnswer written = orks.write(OrkMethod.SAVE_THING_COMMENT, Map.of("comment", "hi"),
                Gathering.each((reply, json) -> List.of(Map.of("success", true)))).join();
        assertEquals("[{\"success\":true}]", written.body().text());
        assertEquals(3, cluster.calls.get());
        orks.cachedRead(OrkMethod.LIST_THINGS, PAYLOAD, Gathering.map(), false).join();
        orks.cachedRead(OrkMethod.QUERY_ACTIONS, PAYLOAD, Gathering.map(), false).join();
        assertEquals(4, cluster.calls.get(), "only the named route was dropped");
    }

    @Test
    void uncachedReadsAlwaysAsk() {
        FakeOrkCluster cluster = new FakeOrkCluster().answering("a", "{}");
        OrkRequests orks = requests(cluster, Duration.ofSeconds(5));
        orks.read(OrkMethod.GET_THING_CONF, PAYLOAD, Gathering.map()).join();
        orks.read(OrkMethod.GET_THING_CONF, PAYLOAD, Gathering.map()).join();
        assertEquals(2, cluster.calls.get());
    }

    @Test
    void aRefusedPayloadReachesNoOrkAndNoCache() {
        FakeOrkCluster cluster = new FakeOrkCluster().answering("a", "[]");
        OrkRequests orks = requests(cluster, Duration.ofSeconds(5));
        Map<String, Object> payload = Map.of("queries", List.of(Map.of("type", "voting",
                "opts", Map.of("query", Map.of("$where", "sleep(1e9)")))));
        for (Runnable call : List.<Runnable>of(
                () -> orks.cachedRead(OrkMethod.QUERY_ACTIONS, payload, Gathering.map(), false),
                () -> orks.read(OrkMethod.QUERY_ACTIONS, payload, Gathering.map()),
                () -> orks.write(OrkMethod.PUSH_ACTION, payload, Gathering.map()))) {
            assertEquals("ERR_QUERY_OPERATOR_NOT_ALLOWED",
                    assertThrows(io.miningos.gateway.domain.error.DomainException.class, call::run).code());
        }
        assertEquals(0, cluster.calls.get());
    }

    @Test
    void aMethodIsSentOnlyTheWayTheCatalogueAllows() {
        FakeOrkCluster cluster = new FakeOrkCluster().answering("a", "[]");
        OrkRequests orks = requests(cluster, Duration.ofSeconds(5));
        for (Runnable call : List.<Runnable>of(
                () -> orks.cachedRead(OrkMethod.GET_THING_CONF, PAYLOAD, Gathering.map(), false),
                () -> orks.cachedRead(OrkMethod.PUSH_ACTION, PAYLOAD, Gathering.map(), false),
                () -> orks.read(OrkMethod.VOTE_ACTION, PAYLOAD, Gathering.map()),
                () -> orks.askEvery(OrkMethod.SET_GLOBAL_CONFIG, PAYLOAD),
                () -> orks.write(OrkMethod.LIST_THINGS, PAYLOAD, Gathering.map()),
                () -> orks.writeTo(OrkMethod.GET_ACTION, Map.of("a", PAYLOAD), Gathering.map()))) {
            assertThrows(IllegalArgumentException.class, call::run);
        }
        assertEquals(0, cluster.calls.get());
    }

    /** The tiny codec, decoding the two answers the computed-route test scripts. */
    private static final class ScriptedDecoding implements JsonCodec {
        private final TinyJsonCodec tiny = new TinyJsonCodec();

        @Override
        public RawJson write(Object value) {
            return tiny.write(value);
        }

        @Override
        public Object read(RawJson json) {
            return switch (json.text()) {
                case "[1,2]" -> List.of(1, 2);
                case "{\"x\":3}" -> Map.of("x", 3);
                default -> throw new IllegalArgumentException(json.text());
            };
        }
    }

    @Test
    void aComputedRouteAsksEveryCallOfEveryOrkReportsEachFailedOrkOnceAndIsCached() {
        FakeOrkCluster cluster = new FakeOrkCluster()
                .ork("a", (method, request) -> CompletableFuture.completedFuture(RawJson.of(
                        method.equals("listThings") ? "[1,2]" : "{\"x\":3}")))
                .failing("b", OrkFailure.Cause.TIMEOUT, "slow");
        OrkRequests orks = new OrkRequests(new OrkFanOut(cluster, 8, Duration.ofSeconds(15)), new ScriptedDecoding(),
                new ResponseCache(64L * 1024 * 1024, Duration.ofSeconds(5)), CacheTimings.parse(Map.of(ROUTE, "15s")));
        List<OrkCall> calls = List.of(new OrkCall(OrkMethod.LIST_THINGS, Map.of("p", 1)),
                new OrkCall(OrkMethod.LIST_RACKS, Map.of()));
        java.util.function.Function<List<CallReplies>, Object> compute = replies -> "first="
                + replies.get(0).answers().getFirst().items().size() + " second="
                + replies.get(1).answers().getFirst().get("x").asLong() + " failed="
                + (replies.get(0).failures().size() + replies.get(1).failures().size());
        GatheredAnswer answer = orks.cachedCompute(ROUTE, List.of("k"), false, calls, compute).join();
        assertEquals("\"first=2 second=3 failed=2\"", answer.body().text());
        assertEquals(List.of("b"), answer.failures().stream().map(OrkFailure::orkId).toList(), "once per ORK");
        int asked = cluster.calls.get();
        assertEquals(4, asked);
        orks.cachedCompute(ROUTE, List.of("k"), false, calls, compute).join();
        assertEquals(asked, cluster.calls.get(), "cached");
        orks.cachedCompute(ROUTE, List.of("other"), false, calls, compute).join();
        assertEquals(asked + 4, cluster.calls.get(), "another key asks again");
    }

    @Test
    void aComputedRouteWithoutAnyAnswerFails() {
        FakeOrkCluster cluster = new FakeOrkCluster().failing("a", OrkFailure.Cause.UNREACHABLE, "down");
        OrkRequests orks = requests(cluster, Duration.ofSeconds(5));
        CompletionException e = assertThrows(CompletionException.class, () -> orks.cachedCompute(ROUTE,
                List.of("k"), false, List.of(new OrkCall(OrkMethod.LIST_THINGS, Map.of())), replies -> Map.of()).join());
        assertInstanceOf(OrksUnavailableException.class, e.getCause());
        assertEquals("{}", orks.cachedCompute(ROUTE, List.of("none"), false, List.of(), replies -> Map.of()).join()
                .body().text(), "no call, nothing to fail");
    }

    @Test
    void anUncachedComputedRouteAsksEveryTimeAndAThrowingComputationFailsTheAnswer() {
        FakeOrkCluster cluster = new FakeOrkCluster().answering("a", "[1,2]");
        OrkRequests orks = new OrkRequests(new OrkFanOut(cluster, 8, Duration.ofSeconds(15)), new ScriptedDecoding(),
                new ResponseCache(64L * 1024 * 1024, Duration.ofSeconds(5)), CacheTimings.parse(Map.of()));
        List<OrkCall> calls = List.of(new OrkCall(OrkMethod.LIST_THINGS, Map.of()));
        assertEquals("1", orks.compute(calls, replies -> replies.getFirst().answers().size()).join().body().text());
        orks.compute(calls, replies -> 0).join();
        assertEquals(2, cluster.calls.get(), "not cached");
        CompletionException e = assertThrows(CompletionException.class, () -> orks.compute(calls, replies -> {
            throw DomainException.notFound("ERR_THING_NOT_FOUND");
        }).join());
        assertEquals("ERR_THING_NOT_FOUND", assertInstanceOf(DomainException.class, e.getCause()).code());
        assertThrows(DomainException.class, () -> orks.compute(List.of(new OrkCall(OrkMethod.LIST_THINGS,
                Map.of("query", Map.of("$where", "1")))), replies -> 0), "screened before any ORK is asked");
        assertThrows(IllegalArgumentException.class, () -> orks.compute(List.of(new OrkCall(
                OrkMethod.SET_WRK_EXT_DATA, Map.of())), replies -> 0), "reads only");
        assertEquals(3, cluster.calls.get());
    }
}
