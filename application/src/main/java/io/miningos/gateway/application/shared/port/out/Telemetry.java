package io.miningos.gateway.application.shared.port.out;

import java.util.Map;
import java.util.function.Supplier;

/**
 * What the core reports for the site's operators to count and time (a metrics adapter implements it). Calls sit on
 * request paths: they must be cheap and must never throw. Every argument comes from a bounded set — ORK ids and
 * route names from configuration, outcomes from the enums here or {@link #orkCall}'s list — so a metrics adapter
 * can use them as labels.
 */
public interface Telemetry {

    /** Reports nothing: for commands, tests and wiring that has no metrics. */
    Telemetry NONE = new Telemetry() {
    };

    /** How a cached read was answered. */
    enum CacheLookup {
        /** From a stored answer. */
        HIT,
        /** By a new load (a miss, or {@code overwriteCache}). */
        MISS,
        /** By joining an identical load already in flight (request coalescing). */
        COALESCED
    }

    /** Why a stored answer left the cache before anybody dropped it. */
    enum CacheEviction {
        /** Its time was up. */
        EXPIRED,
        /** The cache needed the room ({@code gateway.cacheMaxBytes}). */
        SIZE
    }

    /** How a token came to be. */
    enum TokenIssue {
        SIGN_IN,
        REFRESH
    }

    /** Why a presented token was refused. */
    enum TokenRefusal {
        /** Not a token of ours by its shape. */
        MALFORMED,
        /** No such token (never issued, revoked, or purged). */
        UNKNOWN,
        EXPIRED,
        /** Presented from an address it is not bound to. */
        WRONG_ADDRESS
    }

    /**
     * One call to one ORK ended.
     *
     * @param outcome {@code ok}, {@code timeout}, {@code unavailable}, {@code bad_answer}, or the ORK's error code
     *                (e.g. {@code ERR_RACK_ID_INVALID}; codes come from ORKs, so an adapter must bound them itself)
     * @param nanos   how long the call took
     */
    default void orkCall(String orkId, String method, String outcome, long nanos) {
    }

    /** A cached read of {@code route} (its name in {@code cacheTiming}) was answered. */
    default void cacheLookup(String route, CacheLookup lookup) {
    }

    default void cacheEviction(String route, CacheEviction cause) {
    }

    /** Registers where to read the bytes the cache holds per route, read when metrics are collected. */
    default void cacheBytes(Supplier<Map<String, Long>> bytesByRoute) {
    }

    default void tokenIssued(TokenIssue how) {
    }

    default void tokenRefused(TokenRefusal why) {
    }

    /** Storage stayed locked by another writer for longer than its busy timeout. */
    default void storageBusy() {
    }

    /** Storage failed in any other way (disk full, I/O error, corrupt file...). */
    default void storageFailed() {
    }
}
