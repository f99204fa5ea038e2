package io.miningos.gateway.bootstrap;

import io.miningos.gateway.application.cache.CacheTimings;
import io.miningos.gateway.application.ork.OrkFanOut;

import java.time.Duration;

/**
 * How the gateway asks its ORKs and keeps their answers ({@code common.json: gateway.*}, our additions).
 *
 * @param orkConcurrency  ORKs asked at once by one request ({@code gateway.orkConcurrency})
 * @param cacheMaxBytes   memory the cached answers may hold ({@code gateway.cacheMaxBytes}); every entry also
 *                        counts a fixed overhead, which bounds the number of entries too. By default a quarter of
 *                        the JVM's maximum heap, at most {@link #DEFAULT_CACHE_MAX_BYTES_CAP}
 * @param partialCacheTtl how long an answer some ORK failed to contribute to is kept
 *                        ({@code gateway.partialCacheTtl}, e.g. {@code "5s"}; {@code "0s"} keeps none)
 * @param alertsInterval  how often live alerts are gathered from the ORKs for WebSocket subscribers
 *                        ({@code gateway.alertsInterval}, e.g. {@code "5s"})
 * @param maxOrkAnswerBytes the largest answer one ORK call may return ({@code gateway.maxOrkAnswerBytes}); a
 *                        larger one is that ORK's failure ({@code too_large})
 * @param maxResponseBytes the largest response the ORKs' answers may be gathered into
 *                        ({@code gateway.maxResponseBytes}); a larger one is 502 {@code ERR_RESPONSE_TOO_LARGE}
 * @param mergeOrks       the merged view ({@code gateway.mergeOrks}): reads and writes whose answers merge exactly
 *                        answer as one ORK holding every ORK's racks would (one slot, one entry), so that a UI
 *                        reading only the first slot sees the whole site
 * @param orkCallsPerUser  uncached ORK fan-outs one user's requests run at once ({@code gateway.orkCallsPerUser});
 *                        (0, the default: no cap); the next wait in line until a slot frees or their deadline
 *                        passes (504), and beyond a line of 16 get 429 {@code ERR_RATE_LIMITED}
 */
public record FanOutConfig(int orkConcurrency, long cacheMaxBytes, Duration partialCacheTtl,
                           Duration alertsInterval, long maxOrkAnswerBytes, long maxResponseBytes,
                           boolean mergeOrks, int orkCallsPerUser) {

    public static final int DEFAULT_ORK_CONCURRENCY = 16;
    /** Uncached ORK fan-outs one user's requests run at once by default: no cap (see {@link OrkFanOut}). */
    public static final int DEFAULT_ORK_CALLS_PER_USER = OrkFanOut.DEFAULT_PER_CALLER;
    /**
     * The most the cache takes by default: a site's repeated reads (dashboards, charts) are a few MiB; what does not
     * fit is large, rarely repeated reads, which cost an ORK call each rather than the heap of a small box.
     */
    public static final long DEFAULT_CACHE_MAX_BYTES_CAP = 32L * 1024 * 1024;
    private static final long MIN_CACHE_MAX_BYTES = 1024 * 1024;
    public static final Duration DEFAULT_PARTIAL_CACHE_TTL = Duration.ofSeconds(5);
    private static final Duration MAX_PARTIAL_CACHE_TTL = Duration.ofMinutes(5);
    public static final Duration DEFAULT_ALERTS_INTERVAL = Duration.ofSeconds(5);
    private static final Duration MIN_ALERTS_INTERVAL = Duration.ofMillis(100);
    private static final Duration MAX_ALERTS_INTERVAL = Duration.ofMinutes(5);
    /** The most one ORK answer may hold by default; less on a small heap (an eighth of it). */
    public static final long DEFAULT_MAX_ORK_ANSWER_BYTES_CAP = 64L * 1024 * 1024;
    /** The most one response may hold by default; less on a small heap (a quarter of it). */
    public static final long DEFAULT_MAX_RESPONSE_BYTES_CAP = 128L * 1024 * 1024;
    private static final long MIN_ANSWER_BYTES = 1024 * 1024;
    /** Java arrays stop a little short of 2 GiB. */
    private static final long MAX_ANSWER_BYTES = Integer.MAX_VALUE - 16;

    public FanOutConfig {
        if (orkConcurrency < 1) {
            throw new IllegalArgumentException("orkConcurrency must be at least 1");
        }
        if (orkCallsPerUser < 0) {
            throw new IllegalArgumentException("orkCallsPerUser must not be negative");
        }
        if (cacheMaxBytes < MIN_CACHE_MAX_BYTES) {
            throw new IllegalArgumentException("cacheMaxBytes must be at least 1 MiB");
        }
        if (partialCacheTtl.isNegative() || partialCacheTtl.compareTo(MAX_PARTIAL_CACHE_TTL) > 0) {
            throw new IllegalArgumentException("partialCacheTtl must be between 0s and 5m");
        }
        if (alertsInterval.compareTo(MIN_ALERTS_INTERVAL) < 0 || alertsInterval.compareTo(MAX_ALERTS_INTERVAL) > 0) {
            throw new IllegalArgumentException("alertsInterval must be between 100ms and 5m");
        }
        if (maxOrkAnswerBytes < MIN_ANSWER_BYTES || maxOrkAnswerBytes > MAX_ANSWER_BYTES) {
            throw new IllegalArgumentException("maxOrkAnswerBytes must be between 1 MiB and 2 GiB");
        }
        if (maxResponseBytes < MIN_ANSWER_BYTES || maxResponseBytes > MAX_ANSWER_BYTES) {
            throw new IllegalArgumentException("maxResponseBytes must be between 1 MiB and 2 GiB");
        }
    }

    /** Per-ORK answers (no merged view). */
    public FanOutConfig(int orkConcurrency, long cacheMaxBytes, Duration partialCacheTtl, Duration alertsInterval,
                        long maxOrkAnswerBytes, long maxResponseBytes) {
        this(orkConcurrency, cacheMaxBytes, partialCacheTtl, alertsInterval, maxOrkAnswerBytes, maxResponseBytes,
                false, DEFAULT_ORK_CALLS_PER_USER);
    }

    /** With the default answer and response bounds. */
    public FanOutConfig(int orkConcurrency, long cacheMaxBytes, Duration partialCacheTtl, Duration alertsInterval) {
        this(orkConcurrency, cacheMaxBytes, partialCacheTtl, alertsInterval, defaultMaxOrkAnswerBytes(),
                defaultMaxResponseBytes());
    }

    /** As read before live alerts were configurable: alerts every {@link #DEFAULT_ALERTS_INTERVAL}. */
    public FanOutConfig(int orkConcurrency, long cacheMaxBytes, Duration partialCacheTtl) {
        this(orkConcurrency, cacheMaxBytes, partialCacheTtl, DEFAULT_ALERTS_INTERVAL);
    }

    public static FanOutConfig defaults() {
        return new FanOutConfig(DEFAULT_ORK_CONCURRENCY, defaultCacheMaxBytes(), DEFAULT_PARTIAL_CACHE_TTL,
                DEFAULT_ALERTS_INTERVAL);
    }

    /** The cache's bound when none is configured, for this JVM's maximum heap. */
    public static long defaultCacheMaxBytes() {
        return defaultCacheMaxBytes(Runtime.getRuntime().maxMemory());
    }

    /**
     * A quarter of {@code maxHeapBytes}, between 1 MiB and {@link #DEFAULT_CACHE_MAX_BYTES_CAP}: the cache must
     * leave the heap to requests in flight, whatever heap the JVM was given ({@code java -jar} on a big machine
     * takes a quarter of its memory; the distribution's launcher gives a small, fixed heap).
     */
    static long defaultCacheMaxBytes(long maxHeapBytes) {
        return Math.max(MIN_CACHE_MAX_BYTES, Math.min(DEFAULT_CACHE_MAX_BYTES_CAP, maxHeapBytes / 4));
    }

    /** An eighth of the JVM's maximum heap, between 1 MiB and {@link #DEFAULT_MAX_ORK_ANSWER_BYTES_CAP}. */
    public static long defaultMaxOrkAnswerBytes() {
        return heapShare(DEFAULT_MAX_ORK_ANSWER_BYTES_CAP, 8);
    }

    /** A quarter of the JVM's maximum heap, between 1 MiB and {@link #DEFAULT_MAX_RESPONSE_BYTES_CAP}. */
    public static long defaultMaxResponseBytes() {
        return heapShare(DEFAULT_MAX_RESPONSE_BYTES_CAP, 4);
    }

    private static long heapShare(long cap, int divisor) {
        return Math.max(MIN_ANSWER_BYTES, Math.min(cap, Runtime.getRuntime().maxMemory() / divisor));
    }

    /** The same with other answer and response bounds. */
    public FanOutConfig withAnswerBounds(long newMaxOrkAnswerBytes, long newMaxResponseBytes) {
        return new FanOutConfig(orkConcurrency, cacheMaxBytes, partialCacheTtl, alertsInterval, newMaxOrkAnswerBytes,
                newMaxResponseBytes, mergeOrks, orkCallsPerUser);
    }

    /** The same with the merged view on or off. */
    public FanOutConfig withMergeOrks(boolean merge) {
        return new FanOutConfig(orkConcurrency, cacheMaxBytes, partialCacheTtl, alertsInterval, maxOrkAnswerBytes,
                maxResponseBytes, merge, orkCallsPerUser);
    }

    /** Reads the keys of {@code common.json: gateway} this record owns; the caller finishes the object. */
    static FanOutConfig read(ConfigObject gateway) {
        int concurrency = gateway.integer("orkConcurrency", 1, 256).map(Long::intValue)
                .orElse(DEFAULT_ORK_CONCURRENCY);
        long maxBytes = gateway.integer("cacheMaxBytes", MIN_CACHE_MAX_BYTES, 64L * 1024 * 1024 * 1024)
                .orElseGet(FanOutConfig::defaultCacheMaxBytes);
        Duration partialTtl = duration(gateway, "partialCacheTtl", Duration.ZERO, MAX_PARTIAL_CACHE_TTL)
                .orElse(DEFAULT_PARTIAL_CACHE_TTL);
        Duration alerts = duration(gateway, "alertsInterval", MIN_ALERTS_INTERVAL, MAX_ALERTS_INTERVAL)
                .orElse(DEFAULT_ALERTS_INTERVAL);
        long maxAnswer = gateway.integer("maxOrkAnswerBytes", MIN_ANSWER_BYTES, MAX_ANSWER_BYTES)
                .orElseGet(FanOutConfig::defaultMaxOrkAnswerBytes);
        long maxResponse = gateway.integer("maxResponseBytes", MIN_ANSWER_BYTES, MAX_ANSWER_BYTES)
                .orElseGet(FanOutConfig::defaultMaxResponseBytes);
        boolean merge = gateway.bool("mergeOrks").orElse(false);
        int perUser = gateway.integer("orkCallsPerUser", 0, 256).map(Long::intValue)
                .orElse(DEFAULT_ORK_CALLS_PER_USER);
        return new FanOutConfig(concurrency, maxBytes, partialTtl, alerts, maxAnswer, maxResponse, merge, perUser);
    }

    private static java.util.Optional<Duration> duration(ConfigObject gateway, String key, Duration min,
                                                         Duration max) {
        return gateway.string(key).flatMap(text -> {
            try {
                Duration value = CacheTimings.parseDuration(text);
                if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                    throw new IllegalArgumentException("must be between " + min.toMillis() + "ms and "
                            + max.toMinutes() + "m: " + text);
                }
                return java.util.Optional.of(value);
            } catch (IllegalArgumentException e) {
                gateway.problems().report(gateway.error(key, e.getMessage())); // the default applies
                return java.util.Optional.empty();
            }
        });
    }
}
