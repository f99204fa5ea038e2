package io.miningos.gateway.application.globaldata.port.out;

import io.miningos.gateway.domain.globaldata.GlobalDataType;
import io.miningos.gateway.domain.globaldata.GlobalRecord;
import io.miningos.gateway.domain.globaldata.RecordKey;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Where site-wide data records live: one document per (type, site, key). */
public interface GlobalDataStore {

    /**
     * Stores {@code record}, replacing the one with the same type, site and key. Joins the caller's transaction
     * when one is open. Writers of different keys never overwrite each other.
     */
    void put(GlobalRecord record, Instant now);

    /** The document stored under exactly this type, site and key. */
    Optional<Map<String, Object>> find(GlobalDataType type, String site, RecordKey key);

    /**
     * Hands {@code reader} the documents {@code scan} selects, in key order (number, then name). Documents are
     * read as the reader iterates, so a reader that stops early leaves the rest unread; the iterable is valid only
     * during the call and may be iterated once.
     */
    <T> T scan(RecordScan scan, Function<Iterable<Map<String, Object>>, T> reader);
}
