package io.miningos.gateway.application.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.miningos.gateway.application.identity.port.out.RateBuckets;
import io.miningos.gateway.domain.error.DomainException;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * A token bucket per key (a user, a client address): {@code burst} actions at once, then {@code perMinute}. Buckets
 * live in memory, at most {@value #MAX_KEYS} of them (the least recently used go first, which only forgives), and
 * a bucket untouched for as long as it takes to fill up again is dropped: it would be full anyway. With several
 * instances on one storage they live in storage instead ({@link RateBuckets}), changed under its lock, so the limit
 * holds across instances.
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

    private final Limit limit;
    private final Clock clock;
    private final Cache<String, RateBuckets.State> buckets;
    private final String name;
    private final RateBuckets shared;

    public RateLimiter(Limit limit, Clock clock) {
        this(limit, clock, "", null);
    }

    /**
     * @param name   the limit's name in shared storage
     * @param shared buckets every instance sees, or null to keep them in this instance's memory
     */
    public RateLimiter(Limit limit, Clock clock, String name, RateBuckets shared) {
        this.limit = Objects.requireNonNull(limit, "limit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.name = Objects.requireNonNull(name, "name");
        this.shared = shared;
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
        if (shared != null) {
            long now = clock.millis();
            long wait = shared.find(name, key).map(state -> {
                refill(state, now);
                return state.tokens >= 1 ? 0 : millisUntilOne(state);
            }).orElse(0L);
            if (wait > 0) {
                throw DomainException.rateLimited(RATE_LIMITED, seconds(wait));
            }
            return;
        }
        RateBuckets.State bucket = buckets.getIfPresent(key); // in memory: guarded by its own lock
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
        if (shared != null) {
            return shared.change(name, key, limit.burst(), now, state -> take(state, now, onlyIfAvailable));
        }
        RateBuckets.State bucket = buckets.get(key, k -> new RateBuckets.State(limit.burst(), now));
        synchronized (bucket) {
            return take(bucket, now, onlyIfAvailable);
        }
    }

    private long take(RateBuckets.State bucket, long now, boolean onlyIfAvailable) {
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

    private void refill(RateBuckets.State bucket, long now) {
        long elapsed = Math.max(0, now - bucket.countedAt);
        bucket.tokens = Math.min(limit.burst(), bucket.tokens + (double) elapsed / limit.millisPerAction());
        bucket.countedAt = Math.max(bucket.countedAt, now); // instances' clocks may differ a little
    }

    private long millisUntilOne(RateBuckets.State bucket) {
        return (long) Math.ceil((1 - bucket.tokens) * limit.millisPerAction());
    }

    private static long seconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }
}
