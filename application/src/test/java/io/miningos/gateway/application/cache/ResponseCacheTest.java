package io.miningos.gateway.application.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import io.miningos.gateway.application.shared.RecordingTelemetry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResponseCacheTest {

    private record Answer(String text, boolean isComplete) implements CachedAnswer {
        @Override
        public long sizeBytes() {
            return text.length();
        }
    }

    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;
    private final RecordingTelemetry telemetry = new RecordingTelemetry();
    private final ResponseCache cache = new ResponseCache(10_000_000, Duration.ofSeconds(2), ticker, telemetry);
    private final AtomicInteger loads = new AtomicInteger();

    private CompletableFuture<Answer> load(String text) {
        loads.incrementAndGet();
        return CompletableFuture.completedFuture(new Answer(text, true));
    }

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Test
    void keepsAnAnswerForItsTtlThenLoadsAgain() {
        CacheKey key = CacheKey.of("/auth/list-things", "q");
        assertEquals("a", cache.get(key, Duration.ofSeconds(30), false, () -> load("a")).join().text());
        assertEquals("a", cache.get(key, Duration.ofSeconds(30), false, () -> load("b")).join().text());
        assertEquals(1, loads.get());
        advance(Duration.ofSeconds(31));
        assertEquals("c", cache.get(key, Duration.ofSeconds(30), false, () -> load("c")).join().text());
        assertEquals(2, loads.get());
    }

    @Test
    void coalescesIdenticalConcurrentRequestsIntoOneLoad() {
        CacheKey key = CacheKey.of("/auth/list-things", "q");
        CompletableFuture<Answer> pending = new CompletableFuture<>();
        List<CompletableFuture<Answer>> waiters = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            waiters.add(cache.get(key, Duration.ofSeconds(30), false, () -> {
                loads.incrementAndGet();
                return pending;
            }));
        }
        Answer answer = new Answer("x", true);
        pending.complete(answer);
        for (CompletableFuture<Answer> w : waiters) {
            assertSame(answer, w.join());
        }
        assertEquals(1, loads.get());
    }

    @Test
    void anAnswerLargerThanASixteenthOfTheBoundIsServedButNotKept() {
        ResponseCache small = new ResponseCache(16_000, Duration.ofSeconds(2), ticker);
        CacheKey big = CacheKey.of("/auth/tail-log", "big");
        CacheKey kept = CacheKey.of("/auth/tail-log", "kept");
        small.get(kept, Duration.ofSeconds(30), false, () -> load("k".repeat(100))).join();
        String huge = "h".repeat(1_000); // with the entry overhead, more than 16,000 / 16
        assertEquals(huge, small.get(big, Duration.ofSeconds(30), false, () -> load(huge)).join().text());
        assertEquals("again", small.get(big, Duration.ofSeconds(30), false, () -> load("again")).join().text());
        assertEquals("k".repeat(100), small.get(kept, Duration.ofSeconds(30), false, () -> load("other")).join()
                .text(), "the large answer pushed nothing out");
    }

    @Test
    void anErrorStartingALoadIsItsWaitersFailureAndIsNotKept() {
        CacheKey key = CacheKey.of("/auth/global-config", "q");
        OutOfMemoryError fault = new OutOfMemoryError("thrown inside the gateway");
        CompletableFuture<Answer> failed = cache.get(key, Duration.ofSeconds(30), false, () -> {
            throw fault;
        });
        assertSame(fault, assertThrows(CompletionException.class, failed::join).getCause());
        assertEquals("fresh", cache.get(key, Duration.ofSeconds(30), false, () -> load("fresh")).join().text());
    }

    @Test
    void waitersShareAFailureAndTheFailureIsNotKept() {
        CacheKey key = CacheKey.of("/auth/actions", "q");
        CompletableFuture<Answer> pending = new CompletableFuture<>();
        CompletableFuture<Answer> first = cache.get(key, Duration.ofSeconds(30), false, () -> pending);
        CompletableFuture<Answer> second = cache.get(key, Duration.ofSeconds(30), false, () -> load("never"));
        IllegalStateException boom = new IllegalStateException("ork down");
        pending.completeExceptionally(boom);
        assertSame(boom, assertThrows(CompletionException.class, first::join).getCause());
        assertSame(boom, assertThrows(CompletionException.class, second::join).getCause());
        assertEquals(0, loads.get());
        assertEquals("fresh", cache.get(key, Duration.ofSeconds(30), false, () -> load("fresh")).join().text());
    }

    @Test
    void refreshLoadsAgainAndKeepsTheNewAnswer() {
        CacheKey key = CacheKey.of("/auth/features");
        cache.get(key, Duration.ofSeconds(30), false, () -> load("old")).join();
        assertEquals("new", cache.get(key, Duration.ofSeconds(30), true, () -> load("new")).join().text());
        assertEquals("new", cache.get(key, Duration.ofSeconds(30), false, () -> load("other")).join().text());
        assertEquals(2, loads.get());
    }

    @Test
    void refreshJoinsALoadAlreadyInFlight() {
        CacheKey key = CacheKey.of("/auth/features");
        CompletableFuture<Answer> pending = new CompletableFuture<>();
        CompletableFuture<Answer> first = cache.get(key, Duration.ofSeconds(30), false, () -> pending);
        CompletableFuture<Answer> refreshed = cache.get(key, Duration.ofSeconds(30), true, () -> load("second"));
        pending.complete(new Answer("first", true));
        assertEquals("first", first.join().text());
        assertEquals("first", refreshed.join().text());
        assertEquals(0, loads.get());
    }

    @Test
    void invalidateDropsEveryEntryOfTheRouteOnly() {
        CacheKey a = CacheKey.of("/auth/global/data", "productionCosts");
        CacheKey b = CacheKey.of("/auth/global/data", "siteEnergy");
        CacheKey other = CacheKey.of("/auth/list-things", "q");
        cache.get(a, Duration.ofMinutes(15), false, () -> load("a")).join();
        cache.get(b, Duration.ofMinutes(15), false, () -> load("b")).join();
        cache.get(other, Duration.ofMinutes(15), false, () -> load("o")).join();
        cache.invalidate("/auth/global/data");
        assertEquals("a2", cache.get(a, Duration.ofMinutes(15), false, () -> load("a2")).join().text());
        assertEquals("b2", cache.get(b, Duration.ofMinutes(15), false, () -> load("b2")).join().text());
        assertEquals("o", cache.get(other, Duration.ofMinutes(15), false, () -> load("o2")).join().text());
    }

    @Test
    void aLoadThatRacedAnInvalidationIsNotKept() {
        CacheKey key = CacheKey.of("/auth/global/data", "productionCosts");
        CompletableFuture<Answer> stale = new CompletableFuture<>();
        CompletableFuture<Answer> reader = cache.get(key, Duration.ofMinutes(15), false, () -> stale);
        cache.invalidate("/auth/global/data"); // a write landed while the read was in flight
        stale.complete(new Answer("before-write", true));
        assertEquals("before-write", reader.join().text()); // the racing reader still gets its answer...
        assertEquals("after-write",
                cache.get(key, Duration.ofMinutes(15), false, () -> load("after-write")).join().text()); // ...not kept
    }

    @Test
    void partialAnswersLiveOnlyBriefly() {
        CacheKey key = CacheKey.of("/auth/list-things", "q");
        cache.get(key, Duration.ofSeconds(30), false,
                () -> CompletableFuture.completedFuture(new Answer("partial", false))).join();
        advance(Duration.ofSeconds(1));
        assertEquals("partial", cache.get(key, Duration.ofSeconds(30), false, () -> load("x")).join().text());
        advance(Duration.ofSeconds(2));
        assertEquals("complete", cache.get(key, Duration.ofSeconds(30), false, () -> load("complete")).join().text());
    }

    @Test
    void zeroTtlBypassesTheCache() {
        CacheKey key = CacheKey.of("/auth/settings");
        cache.get(key, Duration.ZERO, false, () -> load("a")).join();
        cache.get(key, Duration.ZERO, false, () -> load("b")).join();
        assertEquals(2, loads.get());
        assertEquals(0, cache.size());
    }

    @Test
    void staysWithinItsByteBound() {
        ResponseCache small = new ResponseCache(20 * (ResponseCache.ENTRY_OVERHEAD_BYTES + 1000), Duration.ofSeconds(2),
                ticker);
        String kilobyte = "x".repeat(1000);
        for (int i = 0; i < 200; i++) {
            small.get(CacheKey.of("/auth/list-things", Integer.toString(i)), Duration.ofMinutes(5), false,
                    () -> CompletableFuture.completedFuture(new Answer(kilobyte, true))).join();
        }
        small.cleanUp();
        assertTrue(small.size() <= 20, "entries kept: " + small.size());
    }

    @Test
    void aLoaderThatThrowsFailsOnlyThatRequest() {
        CacheKey key = CacheKey.of("/auth/list-things", "q");
        CompletableFuture<Answer> failed = cache.get(key, Duration.ofSeconds(30), false, () -> {
            throw new IllegalArgumentException("bad");
        });
        assertTrue(failed.isCompletedExceptionally());
        assertEquals("ok", cache.get(key, Duration.ofSeconds(30), false, () -> load("ok")).join().text());
    }

    @Test
    void reportsHitsMissesAndCoalescedLookupsByRoute() {
        CacheKey key = CacheKey.of("/auth/list-things", "q");
        CompletableFuture<Answer> pending = new CompletableFuture<>();
        cache.get(key, Duration.ofSeconds(30), false, () -> pending);
        cache.get(key, Duration.ofSeconds(30), false, () -> load("never"));
        cache.get(key, Duration.ofSeconds(30), true, () -> load("never")); // overwriteCache joins the load too
        pending.complete(new Answer("x", true));
        cache.get(key, Duration.ofSeconds(30), false, () -> load("never")).join();
        cache.get(key, Duration.ofSeconds(30), true, () -> load("fresh")).join();
        cache.get(CacheKey.of("/auth/settings"), Duration.ZERO, false, () -> load("uncached")).join();
        assertEquals(List.of("cache /auth/list-things MISS", "cache /auth/list-things COALESCED",
                "cache /auth/list-things COALESCED", "cache /auth/list-things HIT", "cache /auth/list-things MISS"),
                telemetry.events(), "a route without caching is no lookup");
    }

    @Test
    void reportsEvictionsForRoom() {
        // room for 16 answers of a kilobyte (a larger share of the bound would not be kept at all)
        ResponseCache small = new ResponseCache(16 * (ResponseCache.ENTRY_OVERHEAD_BYTES + 1000),
                Duration.ofSeconds(2), ticker, telemetry);
        String kilobyte = "x".repeat(1000);
        for (int i = 0; i < 22; i++) {
            small.get(CacheKey.of("/auth/list-things", Integer.toString(i)), Duration.ofMinutes(5), false,
                    () -> CompletableFuture.completedFuture(new Answer(kilobyte, true))).join();
        }
        small.cleanUp();
        assertTrue(telemetry.count("evicted /auth/list-things SIZE") >= 6, telemetry.events().toString());
        assertEquals(0, telemetry.count("evicted /auth/list-things EXPIRED"));
    }

    @Test
    void reportsExpiriesAndTheBytesHeldPerRoute() {
        cache.get(CacheKey.of("/auth/list-things", "a"), Duration.ofMinutes(5), false, () -> load("x".repeat(1000)));
        cache.get(CacheKey.of("/auth/list-things", "b"), Duration.ofMinutes(5), false, () -> load("y".repeat(10)));
        cache.get(CacheKey.of("/auth/tail-log", "a"), Duration.ofSeconds(10), false, () -> load("z".repeat(100)));
        assertEquals(Map.of("/auth/list-things", 2 * ResponseCache.ENTRY_OVERHEAD_BYTES + 1010,
                "/auth/tail-log", ResponseCache.ENTRY_OVERHEAD_BYTES + 100), cache.bytesByRoute());

        advance(Duration.ofSeconds(11));
        cache.cleanUp();
        assertEquals(List.of("evicted /auth/tail-log EXPIRED"),
                telemetry.events().stream().filter(e -> e.startsWith("evicted")).toList());
        assertEquals(Map.of("/auth/list-things", 2 * ResponseCache.ENTRY_OVERHEAD_BYTES + 1010), cache.bytesByRoute());
    }

    @Test
    void aFailedLoadIsNoEviction() {
        CacheKey key = CacheKey.of("/auth/actions", "q");
        cache.get(key, Duration.ofSeconds(30), false,
                () -> CompletableFuture.<Answer>failedFuture(new IllegalStateException("down")));
        advance(Duration.ofSeconds(1));
        cache.cleanUp();
        assertTrue(telemetry.events().stream().noneMatch(e -> e.startsWith("evicted")), telemetry.events().toString());
    }
}
