package io.miningos.gateway.application.identity.port.out;

import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * Rate limit buckets kept where every gateway instance sharing the storage sees them (one instance alone keeps them
 * in memory instead). A bucket is found by the limit's name and a key (a user, a client address).
 */
public interface RateBuckets {

    /** A bucket: tokens left, and when (epoch ms) they were counted. */
    final class State {
        public double tokens;
        public long countedAt;

        public State(double tokens, long countedAt) {
            this.tokens = tokens;
            this.countedAt = countedAt;
        }
    }

    /**
     * Runs {@code change} on the bucket (a new one holding {@code initialTokens} counted at {@code now} when there is
     * none) while no other instance can change it, stores what it leaves, and returns its answer.
     */
    long change(String limit, String key, double initialTokens, long now, ToLongFunction<State> change);

    /** The bucket as stored, without changing it. */
    Optional<State> find(String limit, String key);
}
