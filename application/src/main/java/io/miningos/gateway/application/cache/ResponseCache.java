package io.miningos.gateway.application.cache;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import io.miningos.gateway.application.shared.port.out.Telemetry;
import io.miningos.gateway.application.shared.port.out.Telemetry.CacheEviction;
import io.miningos.gateway.application.shared.port.out.Telemetry.CacheLookup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Caches answers of read routes with a TTL per entry, coalesces identical concurrent requests into one load,
 * and is bounded by bytes (each entry also counts a fixed overhead, which bounds the number of entries).
 *
 * <ul>
 *   <li>Identical concurrent requests share one in-flight load; its waiters all get the same value or the same
 *       failure. Failed loads are never kept.</li>
 *   <li>{@code refresh} (the API's {@code overwriteCache=true}) starts a fresh load and stores it, unless a load
 *       for that key is already in flight, which it joins.</li>
 *   <li>{@link #invalidate(String)} drops every entry of a route at once, and a load that was in flight when the
 *       route was invalidated is handed to its waiters but not kept, so a write is never hidden by a read that
 *       raced it.</li>
 *   <li>Partial answers ({@link CachedAnswer#isComplete()} false) live at most {@code partialTtl}.</li>
 *   <li>An answer larger than a sixteenth of the byte bound is handed to its waiters but not kept: one huge
 *       answer must not push every other answer out.</li>
 * </ul>
 * Every lookup (hit, miss, coalesced) and every eviction is reported to {@link Telemetry} by route.
 */
public final class ResponseCache {

    private static final Logger LOG = LoggerFactory.getLogger(ResponseCache.class);

    /** Per-entry bookkeeping counted against the byte bound, so many tiny entries are bounded too. */
    static final long ENTRY_OVERHEAD_BYTES = 512;

    /**
     * A finished load: a value, or the failure its waiters get. Failures are kept as values (and dropped at once)
     * rather than as failed futures, because Caffeine logs a warning with a stack trace for every failed load,
     * which would flood the log during an ORK outage.
     */
    private record Entry(CachedAnswer value, Duration ttl, Throwable failure) {
        long weight() {
            return ENTRY_OVERHEAD_BYTES + (value == null ? 0 : value.sizeBytes());
        }
    }

    /** What part of the byte bound one answer may take; a larger answer is handed to its waiters, not kept. */
    static final int LARGEST_ENTRY_FRACTION = 16;

    private final AsyncCache<CacheKey, Entry> cache;
    private final Duration partialTtl;
    private final ConcurrentHashMap<String, AtomicLong> generations = new ConcurrentHashMap<>();
    private final Telemetry telemetry;
    private final long largestEntryBytes;

    public ResponseCache(long maxBytes, Duration partialTtl) {
        this(maxBytes, partialTtl, Telemetry.NONE);
    }

    public ResponseCache(long maxBytes, Duration partialTtl, Telemetry telemetry) {
        this(maxBytes, partialTtl, Ticker.systemTicker(), telemetry);
    }

    ResponseCache(long maxBytes, Duration partialTtl, Ticker ticker) {
        this(maxBytes, partialTtl, ticker, Telemetry.NONE);
    }

    ResponseCache(long maxBytes, Duration partialTtl, Ticker ticker, Telemetry telemetry) {
        if (maxBytes < ENTRY_OVERHEAD_BYTES) {
            throw new IllegalArgumentException("maxBytes must be at least " + ENTRY_OVERHEAD_BYTES);
        }
        this.partialTtl = Objects.requireNonNull(partialTtl, "partialTtl");
        this.largestEntryBytes = Math.max(ENTRY_OVERHEAD_BYTES, maxBytes / LARGEST_ENTRY_FRACTION);
        Telemetry events = Objects.requireNonNull(telemetry, "telemetry");
        this.telemetry = events;
        this.cache = Caffeine.newBuilder()
                .ticker(ticker)
                .evictionListener((CacheKey key, Entry entry, RemovalCause cause) -> {
                    // failures are kept for no time at all: their expiry is no eviction of an answer
                    if (key != null && entry != null && kept(entry)) {
                        events.cacheEviction(key.route(),
                                cause == RemovalCause.EXPIRED ? CacheEviction.EXPIRED : CacheEviction.SIZE);
                    }
                })
                .maximumWeight(maxBytes)
                // An answer that is not kept weighs only its bookkeeping, so it never pushes kept ones out.
                .weigher((CacheKey key, Entry entry) ->
                        (int) Math.min(Integer.MAX_VALUE, kept(entry) ? entry.weight() : ENTRY_OVERHEAD_BYTES))
                .expireAfter(new Expiry<CacheKey, Entry>() {
                    @Override
                    public long expireAfterCreate(CacheKey key, Entry entry, long now) {
                        return lifetimeNanos(entry);
                    }

                    @Override
                    public long expireAfterUpdate(CacheKey key, Entry entry, long now, long remaining) {
                        return lifetimeNanos(entry);
                    }

                    @Override
                    public long expireAfterRead(CacheKey key, Entry entry, long now, long remaining) {
                        return remaining;
                    }
                })
                .buildAsync();
    }

    /** Failures are never kept, nor answers larger than a sixteenth of the bound (they would evict all others). */
    private boolean kept(Entry entry) {
        return entry.failure() == null && entry.weight() <= largestEntryBytes;
    }

    private long lifetimeNanos(Entry entry) {
        if (!kept(entry)) {
            return 0;
        }
        Duration ttl = entry.value().isComplete() || entry.ttl().compareTo(partialTtl) <= 0
                ? entry.ttl() : partialTtl;
        return ttl.toNanos();
    }

    /**
     * The cached answer for {@code key}, or the result of {@code load} (shared with identical concurrent
     * requests) which is then kept for {@code ttl}. A zero TTL bypasses the cache entirely.
     */
    @SuppressWarnings("unchecked")
    public <V extends CachedAnswer> CompletableFuture<V> get(CacheKey key, Duration ttl, boolean refresh,
                                                             Supplier<CompletableFuture<V>> load) {
        if (ttl.isZero() || ttl.isNegative()) {
            return load.get();
        }
        long generation = generation(key.route()).get();
        CompletableFuture<Entry> shared;
        boolean[] loaded = {false}; // the mapping functions run on this thread, before compute/get return
        if (refresh) {
            shared = cache.asMap().compute(key, (k, existing) -> {
                if (existing != null && !existing.isDone()) {
                    return existing;
                }
                loaded[0] = true;
                return start(load, ttl);
            });
        } else {
            shared = cache.get(key, (k, executor) -> {
                loaded[0] = true;
                return start(load, ttl);
            });
        }
        telemetry.cacheLookup(key.route(), loaded[0] ? CacheLookup.MISS
                : shared.isDone() ? CacheLookup.HIT : CacheLookup.COALESCED);
        shared.whenComplete((entry, failure) -> {
            if (failure != null || !kept(entry) || generation(key.route()).get() != generation) {
                cache.asMap().remove(key, shared);
            }
        });
        return shared.thenCompose(entry -> entry.failure() == null
                ? CompletableFuture.completedFuture((V) entry.value())
                : CompletableFuture.failedFuture(entry.failure()));
    }

    private static <V extends CachedAnswer> CompletableFuture<Entry> start(Supplier<CompletableFuture<V>> load,
                                                                         Duration ttl) {
        CompletableFuture<V> loading;
        try {
            loading = load.get();
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new Entry(null, ttl, e));
        } catch (Throwable e) {
            // An Error while starting the load (out of memory, stack overflow): its waiters get it as their failure,
            // rather than the caller's thread dying with it; logged here, once.
            LOG.error("starting a cached load failed inside the gateway", e);
            return CompletableFuture.completedFuture(new Entry(null, ttl, e));
        }
        return loading.handle((value, failure) -> failure == null ? new Entry(value, ttl, null)
                : new Entry(null, ttl, failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure));
    }

    /** Drops every cached answer of {@code route}, including ones still loading. */
    public void invalidate(String route) {
        generation(route).incrementAndGet();
        cache.asMap().keySet().removeIf(key -> key.route().equals(route));
    }

    /** Number of entries, for diagnostics and tests. */
    public long size() {
        return cache.synchronous().estimatedSize();
    }

    /** The bytes the finished answers hold per route (each counting its overhead), for metrics. */
    public Map<String, Long> bytesByRoute() {
        Map<String, Long> bytes = new HashMap<>();
        cache.asMap().forEach((key, pending) -> {
            Entry entry = pending.isDone() && !pending.isCompletedExceptionally() ? pending.join() : null;
            if (entry != null && entry.failure() == null) {
                bytes.merge(key.route(), entry.weight(), Long::sum);
            }
        });
        return bytes;
    }

    /** Runs pending evictions now (they otherwise happen as a side effect of later use). */
    public void cleanUp() {
        cache.synchronous().cleanUp();
    }

    private AtomicLong generation(String route) {
        return generations.computeIfAbsent(route, r -> new AtomicLong());
    }
}
