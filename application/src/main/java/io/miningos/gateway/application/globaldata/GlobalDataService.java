package io.miningos.gateway.application.globaldata;

import io.miningos.gateway.application.cache.CacheKey;
import io.miningos.gateway.application.cache.CacheTimings;
import io.miningos.gateway.application.cache.ResponseCache;
import io.miningos.gateway.application.globaldata.port.in.GlobalDataQuery;
import io.miningos.gateway.application.globaldata.port.in.QueryGlobalDataUseCase;
import io.miningos.gateway.application.globaldata.port.in.SeedGlobalDataUseCase;
import io.miningos.gateway.application.globaldata.port.in.WriteGlobalDataUseCase;
import io.miningos.gateway.application.globaldata.port.out.GlobalDataStore;
import io.miningos.gateway.application.globaldata.port.out.RecordScan;
import io.miningos.gateway.application.shared.port.in.PeerChanges;
import io.miningos.gateway.application.shared.port.out.AuditLog;
import io.miningos.gateway.application.shared.port.out.Change;
import io.miningos.gateway.application.shared.port.out.ChangeNotifier;
import io.miningos.gateway.application.shared.port.out.Transactions;
import io.miningos.gateway.domain.audit.AuditEntry;
import io.miningos.gateway.domain.caller.Caller;
import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.globaldata.GlobalDataType;
import io.miningos.gateway.domain.globaldata.GlobalRecord;
import io.miningos.gateway.domain.globaldata.KeyRange;
import io.miningos.gateway.domain.globaldata.RecordKey;
import io.miningos.gateway.domain.globaldata.SiteName;
import io.miningos.gateway.query.DocumentQuery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * This site's stored data: reads through the response cache (straight from storage when other instances share
 * it), writes in one transaction with their audit entry,
 * and invalidation of the written type's cached reads once the write has committed (so no read that starts after
 * a write returned can be served the old value, and a read that raced the write is not kept).
 *
 * <p>Cache entries are filed per type ({@code /auth/global/data?type=productionCosts}...) so a write drops only
 * its own type's answers; their lifetime is the one configured for {@code /auth/global/data}. Feature flags are
 * also cached under {@code /auth/features}.
 *
 * <p>With several instances on one storage, each write is published with its transaction ({@link ChangeNotifier})
 * and the others drop the type's cached reads when told ({@link #globalDataWritten}).
 */
public final class GlobalDataService implements QueryGlobalDataUseCase, WriteGlobalDataUseCase,
        SeedGlobalDataUseCase, PeerChanges {

    public static final String DATA_ROUTE = "/auth/global/data";
    public static final String FEATURES_ROUTE = "/auth/features";
    static final String AUDIT_ACTION = "GLOBAL_DATA_WRITE";
    static final String SEED_AUDIT_ACTION = "GLOBAL_DATA_SEED";

    private final GlobalDataStore store;
    private final AuditLog audit;
    private final Transactions transactions;
    private final ResponseCache cache;
    private final boolean cacheReads;
    private final CacheTimings timings;
    private final SiteName site;
    private final Executor loader;
    private final Clock clock;
    private final ChangeNotifier notifier;

    /**
     * @param loader runs storage reads for the cache, so identical concurrent reads wait on one load instead of
     *               each holding a cache lock while reading (a virtual-thread executor suits)
     */
    public GlobalDataService(GlobalDataStore store, AuditLog audit, Transactions transactions, ResponseCache cache,
                             CacheTimings timings, SiteName site, Executor loader, Clock clock) {
        this(store, audit, transactions, cache, timings, site, loader, clock, ChangeNotifier.NONE);
    }

    /** @param notifier told of every write, for the other instances on the same storage */
    public GlobalDataService(GlobalDataStore store, AuditLog audit, Transactions transactions, ResponseCache cache,
                             CacheTimings timings, SiteName site, Executor loader, Clock clock,
                             ChangeNotifier notifier) {
        this(store, audit, transactions, cache, timings, site, loader, clock, notifier, true);
    }

    /**
     * @param cacheReads false when other instances write the same storage (PostgreSQL): every read then goes to
     *                   storage, so a write acknowledged by any instance is what the next read anywhere returns
     *                   (a cached or coalesced read could predate it by the notification's few milliseconds)
     */
    public GlobalDataService(GlobalDataStore store, AuditLog audit, Transactions transactions, ResponseCache cache,
                             CacheTimings timings, SiteName site, Executor loader, Clock clock,
                             ChangeNotifier notifier, boolean cacheReads) {
        this.cacheReads = cacheReads;
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.store = store;
        this.audit = audit;
        this.transactions = transactions;
        this.cache = cache;
        this.timings = timings;
        this.site = site;
        this.loader = loader;
        this.clock = clock;
    }

    /** The cache route under which answers of {@code type} are filed (and dropped when it is written). */
    public static String cacheRoute(GlobalDataType type) {
        return DATA_ROUTE + "?type=" + type.wireName();
    }

    @Override
    public Object query(GlobalDataQuery query, boolean refresh) {
        CacheKey key = new CacheKey(cacheRoute(query.type()), query.identity());
        return cached(key, timings.ttlFor(DATA_ROUTE), refresh, () -> answer(query));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> features(boolean refresh) {
        return (Map<String, Object>) cached(CacheKey.of(FEATURES_ROUTE), timings.ttlFor(FEATURES_ROUTE), refresh,
                this::storedFeatures);
    }

    @Override
    public void write(Caller caller, GlobalDataType type, Object data) {
        caller.require(PERMISSION);
        GlobalRecord record = GlobalRecord.written(type, site, data);
        transactions.run(() -> {
            Instant now = clock.instant();
            store.put(record, now);
            Map<String, String> details = new LinkedHashMap<>();
            details.put("type", type.wireName());
            details.put("key", record.key().toString());
            audit.record(new AuditEntry(now, caller.userId(), caller.email(), AUDIT_ACTION,
                    type.wireName() + ":" + record.key(), "success", details));
            notifier.publish(Change.globalData(type));
            transactions.afterCommit(() -> invalidate(type));
        });
    }

    @Override
    public boolean seedIfNone(GlobalDataType type, List<?> documents, String actor) {
        List<GlobalRecord> records = documents.stream().map(data -> GlobalRecord.written(type, site, data)).toList();
        return transactions.inTransaction(() -> {
            RecordScan any = new RecordScan(type, site.value(), KeyRange.ALL, Optional.empty(), 0, 1);
            if (store.scan(any, found -> found.iterator().hasNext())) {
                return false;
            }
            Instant now = clock.instant();
            records.forEach(record -> store.put(record, now));
            audit.record(new AuditEntry(now, null, actor, SEED_AUDIT_ACTION, type.wireName(), "success",
                    Map.of("type", type.wireName(), "records", Integer.toString(records.size()))));
            notifier.publish(Change.globalData(type));
            transactions.afterCommit(() -> invalidate(type));
            return true;
        });
    }

    /** Another instance wrote a type: its cached reads here go (a read in flight is not kept). */
    @Override
    public void globalDataWritten(String wireName) {
        GlobalDataType type;
        try {
            type = GlobalDataType.parse(wireName);
        } catch (DomainException e) {
            missedChanges(); // a type this version does not know (a newer instance): drop everything to be safe
            return;
        }
        invalidate(type);
    }

    @Override
    public void missedChanges() {
        for (GlobalDataType type : GlobalDataType.values()) {
            invalidate(type);
        }
    }

    private void invalidate(GlobalDataType type) {
        cache.invalidate(cacheRoute(type));
        if (type == GlobalDataType.FEATURES) {
            cache.invalidate(FEATURES_ROUTE);
        }
    }

    private Object cached(CacheKey key, Duration ttl, boolean refresh, Supplier<Object> read) {
        if (!cacheReads) {
            return read.get();
        }
        try {
            return cache.get(key, ttl, refresh,
                    () -> CompletableFuture.supplyAsync(() -> GlobalDataAnswer.of(read.get()), loader)).join().body();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /**
     * Storage selects the key range and model; when there is nothing to filter or reorder it also cuts the
     * window, so the rows read are the rows returned. Otherwise rows stream through the query engine, which stops
     * reading once an unsorted page is full and keeps only the best {@code offset + limit} of a sorted one.
     */
    private Object answer(GlobalDataQuery query) {
        if (query.type().isSingleObject()) {
            return storedFeatures();
        }
        if (query.type().isRangeKeyed() && query.range().isEmpty()) {
            return group(query, List.of());
        }
        boolean windowInStorage = query.isWindowOfKeyOrder();
        RecordScan scan = new RecordScan(query.type(), site.value(),
                query.type().isRangeKeyed() ? query.range() : KeyRange.ALL,
                query.type() == GlobalDataType.CONTAINER_SETTINGS ? query.model() : Optional.empty(),
                windowInStorage ? query.offset() : 0,
                !windowInStorage || query.limit() == GlobalDataQuery.UNLIMITED ? Long.MAX_VALUE : query.limit());
        DocumentQuery pipeline = windowInStorage
                ? new DocumentQuery(null, query.projection(), null, 0, DocumentQuery.UNLIMITED)
                : new DocumentQuery(query.filter(), query.projection(), query.sort(), query.offset(), query.limit());
        return group(query, store.scan(scan, pipeline::run));
    }

    private static Object group(GlobalDataQuery query, List<Object> page) {
        if (query.groupBy().isPresent()) {
            return Collections.unmodifiableMap(DocumentQuery.groupBy(page, query.groupBy().get()));
        }
        return Collections.unmodifiableList(page);
    }

    private Map<String, Object> storedFeatures() {
        return store.find(GlobalDataType.FEATURES, site.value(), RecordKey.SINGLE).orElseGet(Map::of);
    }
}
