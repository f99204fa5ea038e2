package io.miningos.gateway.application.health.port.out;

/** Proves storage takes writes. */
public interface StorageProbe {

    /** Writes and commits a tiny change; throws when storage can't take it. */
    void checkWritable();
}
