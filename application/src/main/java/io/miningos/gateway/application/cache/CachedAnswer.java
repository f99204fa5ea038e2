package io.miningos.gateway.application.cache;

/** A value the {@link ResponseCache} can hold: it knows its size and whether it is a complete answer. */
public interface CachedAnswer {

    /** Approximate memory held, in bytes; the cache's byte bound uses it. */
    long sizeBytes();

    /**
     * False when some sources failed and the answer is partial; such answers are kept only briefly so the next
     * request soon asks the failed sources again.
     */
    boolean isComplete();
}
