package io.miningos.gateway.application.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.miningos.gateway.domain.error.DomainException;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * A token bucket per key (a user, a client address): {@code burst} actions at once, then {@code perMinute}. Buckets
 * live in memory, at most {@value #MAX_KEYS} of them (the least recently used go first, which only forgives), and
 * a bucket untouched for as long as it takes to fill up again is dropped: it would be full anyway.
 */
public final class RateLimiter {

    public static final String RATE_LIMITED = "ERR_RATE_LIMITED";
    static final int MAX_KEYS = 100_000;

    /**
     * @param burst     actions allowed at once
     * @param perMinute actions allowed per minute once the burst is spent
     */
    public record Limit(int burst, int perMinute) {
        public Limit {
            if (burst < 1 || perMinute < 1) {
                throw new IllegalArgumentException("a rate limit allows at least 1 at once and 1 a minute");
            }
        }

        long millisPerAction() {
            return Math.max(1, 60_000L / perMinute);
        }
    }

    /** Tokens left and when they were last counted; guarded by its own lock. */
    private static final class Bucket {
        double tokens;
        long countedAt;

        Bucket(double tokens, long countedAt) {
            this.tokens = tokens;
            this.countedAt = countedAt;
        }
    }

    private final Limit limit;
    private final Clock clock;
    private final Cache<String, Bucket> buckets;

    public RateLimiter(Limit limit, Clock clock) {
        this.limit = Objects.requireNonNull(limit, "limit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.buckets = Caffeine.newBuilder()
                .maximumSize(MAX_KEYS)
                .expireAfterAccess(Duration.ofMillis(limit.burst() * limit.millisPerAction()))
                .build();
    }

    /** Takes one action's allowance for {@code key}, or throws 429 {@code ERR_RATE_LIMITED} with when to retry. */
    public void acquire(String key) {
        long waitMillis = take(key, true);
        if (waitMillis > 0) {
            throw DomainException.rateLimited(RATE_LIMITED, seconds(waitMillis));
        }
    }

    /** Throws 429 {@code ERR_RATE_LIMITED} if {@code key} has nothing left, without spending anything. */
    public void requireAllowance(String key) {
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket == null) {
            return;
        }
        long waitMillis;
        synchronized (bucket) {
            refill(bucket, clock.millis());
            waitMillis = bucket.tokens >= 1 ? 0 : millisUntilOne(bucket);
        }
        if (waitMillis > 0) {
            throw DomainException.rateLimited(RATE_LIMITED, seconds(waitMillis));
        }
    }

    /** Spends one action's allowance for {@code key} whether any is left (a failure that already happened). */
    public void spend(String key) {
        take(key, false);
    }

    /** @return 0 when taken, else the milliseconds until one is available (nothing taken) */
    private long take(String key, boolean onlyIfAvailable) {
        long now = clock.millis();
        Bucket bucket = buckets.get(key, k -> new Bucket(limit.burst(), now));
        synchronized (bucket) {
            refill(bucket, now);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            if (!onlyIfAvailable) {
                bucket.tokens = 0;
                return 0;
            }
            return millisUntilOne(bucket);
        }
    }

    private void refill(Bucket bucket, long now) {
        long elapsed = Math.max(0, now - bucket.countedAt);
        bucket.tokens = Math.min(limit.burst(), bucket.tokens + (double) elapsed / limit.millisPerAction());
        bucket.countedAt = now;
    }

    private long millisUntilOne(Bucket bucket) {
        return (long) Math.ceil((1 - bucket.tokens) * limit.millisPerAction());
    }

    private static long seconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }
}
