package io.miningos.gateway.application.globaldata;

import io.miningos.gateway.application.cache.CacheTimings;
import io.miningos.gateway.application.cache.ResponseCache;
import io.miningos.gateway.application.globaldata.port.in.GlobalDataQuery;
import io.miningos.gateway.application.globaldata.port.out.GlobalDataStore;
import io.miningos.gateway.application.globaldata.port.out.RecordScan;
import io.miningos.gateway.application.shared.port.out.AuditLog;
import io.miningos.gateway.application.shared.port.out.Change;
import io.miningos.gateway.application.shared.port.out.Transactions;
import io.miningos.gateway.domain.audit.AuditEntry;
import io.miningos.gateway.domain.caller.Caller;
import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.globaldata.GlobalDataType;
import io.miningos.gateway.domain.globaldata.GlobalRecord;
import io.miningos.gateway.domain.globaldata.KeyRange;
import io.miningos.gateway.domain.globaldata.RecordKey;
import io.miningos.gateway.domain.globaldata.SiteName;
import io.miningos.gateway.domain.identity.RoleCatalog;
import io.miningos.gateway.domain.token.ClientIp;
import io.miningos.gateway.domain.token.TokenGrant;
import io.miningos.gateway.domain.user.Email;
import io.miningos.gateway.domain.user.User;
import io.miningos.gateway.query.JsonPath;
import io.miningos.gateway.query.MongoFilter;
import io.miningos.gateway.query.Projection;
import io.miningos.gateway.query.SortSpec;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GlobalDataServiceTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    /**
     * Counts storage reads, so tests can tell a cached answer from a fresh one, and can hold a scan after it has
     * read (to race a write against it).
     */
    private static final class CountingStore implements GlobalDataStore {
        final InMemoryGlobalDataStore inner = new InMemoryGlobalDataStore();
        final AtomicInteger reads = new AtomicInteger();
        final List<RecordScan> scans = new ArrayList<>();
        volatile CountDownLatch scanned;
        volatile CountDownLatch release;

        @Override
        public void put(GlobalRecord record, Instant now) {
            inner.put(record, now);
        }

        @Override
        public Optional<Map<String, Object>> find(GlobalDataType type, String site, RecordKey key) {
            reads.incrementAndGet();
            return inner.find(type, site, key);
        }

        @Override
        public <T> T scan(RecordScan scan, Function<Iterable<Map<String, Object>>, T> reader) {
            reads.incrementAndGet();
            synchronized (scans) {
                scans.add(scan);
            }
            T result = inner.scan(scan, reader);
            CountDownLatch hold = release;
            if (hold != null) {
                release = null;
                scanned.countDown();
                try {
                    hold.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return result;
        }
    }

    /** Runs work directly; after-commit actions run only when the work returned normally. */
    private static final class DirectTransactions implements Transactions {
        private List<Runnable> pending;

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            pending = new ArrayList<>();
            T result = work.get();
            List<Runnable> actions = pending;
            pending = null;
            actions.forEach(Runnable::run);
            return result;
        }

        @Override
        public void afterCommit(Runnable action) {
            if (pending == null) {
                action.run();
            } else {
                pending.add(action);
            }
        }
    }

    private static final class ListAuditLog implements AuditLog {
        final List<AuditEntry> entries = new ArrayList<>();

        @Override
        public void record(AuditEntry entry) {
            entries.add(entry);
        }

        @Override
        public List<AuditEntry> latest(int limit) {
            return entries.reversed().stream().limit(limit).toList();
        }
    }

    private final CountingStore store = new CountingStore();
    private final ListAuditLog audit = new ListAuditLog();
    private final List<Change> published = new ArrayList<>();
    private final GlobalDataService service = new GlobalDataService(store, audit, new DirectTransactions(),
            new ResponseCache(1 << 20, Duration.ofSeconds(2)),
            new CacheTimings(Map.of(GlobalDataService.FEATURES_ROUTE, Duration.ofMinutes(15)), Duration.ofMinutes(15)),
            new SiteName("site-01"), Executors.newVirtualThreadPerTaskExecutor(), Clock.fixed(NOW, ZoneOffset.UTC),
            published::add);

    private static Caller caller(long id, String role) {
        User user = new User(id, new Email("u" + id + "@example.com"), null, role, NOW);
        TokenGrant grant = new TokenGrant("h" + id, id, List.of(role), Set.of(ClientIp.parse("127.0.0.1")), NOW,
                NOW.plusSeconds(600));
        return new Caller(user, RoleCatalog.defaults().permissionsOf(role), grant);
    }

    private static final Caller ADMIN = caller(2, "admin");
    private static final Caller OPERATOR = caller(3, "site_operator");

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static GlobalDataQuery query(GlobalDataType type, String... identity) {
        return new GlobalDataQuery(type, KeyRange.ALL, Optional.empty(), null, null, null, 0,
                GlobalDataQuery.UNLIMITED, Optional.empty(), List.of(identity));
    }

    private void writeMonth(int year, int month, long energyCosts) {
        service.write(ADMIN, GlobalDataType.PRODUCTION_COSTS,
                map("year", year, "month", month, "energyCostsUSD", energyCosts));
    }

    @Test
    void seedingWritesOnlyWhileTheSiteHasNoRecordOfTheTypeAndIsAuditedAsTheSystem() {
        List<Object> costs = List.of(map("year", 2025, "month", 12, "energyCost", 54000, "operationalCost", 12000),
                map("year", 2026, "month", 1, "energyCost", 55000, "operationalCost", 12000));
        assertEquals(List.of(), service.query(query(GlobalDataType.PRODUCTION_COSTS), false));
        assertTrue(service.seedIfNone(GlobalDataType.PRODUCTION_COSTS, costs, "demo"));
        assertEquals(2, ((List<?>) service.query(query(GlobalDataType.PRODUCTION_COSTS), false)).size(),
                "the cached empty answer was dropped");
        AuditEntry entry = audit.entries.getLast();
        assertEquals(null, entry.actorId());
        assertEquals("demo", entry.actorEmail());
        assertEquals("GLOBAL_DATA_SEED", entry.action());

        service.write(ADMIN, GlobalDataType.PRODUCTION_COSTS, map("year", 2026, "month", 1, "energyCost", 1));
        assertEquals(false, service.seedIfNone(GlobalDataType.PRODUCTION_COSTS, costs, "demo"));
        assertEquals(1, store.inner.find(GlobalDataType.PRODUCTION_COSTS, "site-01", RecordKey.ofNumber(202601))
                .orElseThrow().get("energyCost"), "an operator's record is never replaced");
        assertThrows(DomainException.class, () -> service.seedIfNone(GlobalDataType.SITE_ENERGY,
                List.of(map("energyExclusionThresholdMwh", -1)), "demo"));
        assertEquals(List.of(), service.query(query(GlobalDataType.SITE_ENERGY), true));
    }

    @Test
    void aWriteIsVisibleToTheNextReadEvenThoughReadsAreCached() {
        writeMonth(2024, 10, 100);
        GlobalDataQuery all = query(GlobalDataType.PRODUCTION_COSTS);
        assertEquals(List.of(map("site", "site-01", "year", 2024, "month", 10, "energyCostsUSD", 100L)),
                service.query(all, false));
        assertEquals(service.query(all, false), service.query(all, false));
        assertEquals(1, store.reads.get(), "repeated reads are answered from the cache");

        writeMonth(2024, 10, 250);
        assertEquals(List.of(map("site", "site-01", "year", 2024, "month", 10, "energyCostsUSD", 250L)),
                service.query(all, false));
        assertEquals(2, store.reads.get());
    }

    @Test
    void aReadThatRacedAWriteIsNotKeptInTheCache() throws Exception {
        writeMonth(2024, 10, 100);
        GlobalDataQuery all = query(GlobalDataType.PRODUCTION_COSTS);
        store.scanned = new CountDownLatch(1);
        store.release = new CountDownLatch(1);
        CountDownLatch release = store.release;
        CompletableFuture<Object> racing = CompletableFuture.supplyAsync(() -> service.query(all, false));
        store.scanned.await();
        writeMonth(2024, 10, 250); // commits while the read holds the old rows
        release.countDown();
        assertEquals(List.of(100L), field(racing.get(), "energyCostsUSD"), "the raced read answers what it read");
        assertEquals(List.of(250L), field(service.query(all, false), "energyCostsUSD"),
                "but is not served to reads that start after the write");
    }

    @Test
    void everyWriteIsPublishedForTheOtherInstancesAndTheirWritesDropOurCachedReads() {
        writeMonth(2024, 1, 1);
        assertEquals(List.of(Change.globalData(GlobalDataType.PRODUCTION_COSTS)), published);

        GlobalDataQuery costs = query(GlobalDataType.PRODUCTION_COSTS);
        service.query(costs, false);
        service.globalDataWritten("containerSettings");
        service.userRevoked(7);
        service.query(costs, false);
        assertEquals(1, store.reads.get(), "another type's write, or a user change, keeps the cached read");
        service.globalDataWritten("productionCosts");
        service.query(costs, false);
        assertEquals(2, store.reads.get());
        service.missedChanges();
        service.query(costs, false);
        assertEquals(3, store.reads.get(), "missed notifications drop every cached read");
        service.globalDataWritten("typeOfANewerGateway");
        service.query(costs, false);
        assertEquals(4, store.reads.get(), "a type this version does not know drops everything");
    }

    @Test
    void onStorageSharedWithOtherInstancesEveryReadGoesToStorageSoAnotherInstancesWriteIsReadAtOnce() {
        GlobalDataService shared = new GlobalDataService(store, audit, new DirectTransactions(),
                new ResponseCache(1 << 20, Duration.ofSeconds(2)),
                new CacheTimings(Map.of(), Duration.ofMinutes(15)), new SiteName("site-01"),
                Executors.newVirtualThreadPerTaskExecutor(), Clock.fixed(NOW, ZoneOffset.UTC), published::add, false);
        GlobalDataQuery costs = query(GlobalDataType.PRODUCTION_COSTS);
        assertEquals(List.of(), field(shared.query(costs, false), "energyCostsUSD"));
        // another instance writes the same database: no notification has arrived here yet
        writeMonth(2024, 1, 300);
        assertEquals(List.of(300L), field(shared.query(costs, false), "energyCostsUSD"));
        assertEquals(2, store.reads.get(), "each read went to storage");
    }

    @Test
    void aWriteDropsOnlyItsOwnTypesCachedReads() {
        GlobalDataQuery costs = query(GlobalDataType.PRODUCTION_COSTS);
        service.query(costs, false);
        service.write(ADMIN, GlobalDataType.CONTAINER_SETTINGS, map("model", "m"));
        service.query(costs, false);
        assertEquals(1, store.reads.get());
        writeMonth(2024, 1, 1);
        service.query(costs, false);
        assertEquals(2, store.reads.get());
    }

    @Test
    void differentParametersAreCachedApartAndRefreshReadsAgain() {
        service.query(query(GlobalDataType.PRODUCTION_COSTS, "a"), false);
        service.query(query(GlobalDataType.PRODUCTION_COSTS, "b"), false);
        assertEquals(2, store.reads.get());
        service.query(query(GlobalDataType.PRODUCTION_COSTS, "a"), true);
        assertEquals(3, store.reads.get());
        service.query(query(GlobalDataType.PRODUCTION_COSTS, "a"), false);
        assertEquals(3, store.reads.get());
    }

    @Test
    void featuresAreAnEmptyObjectUntilSavedAndFreshOnBothRoutesAfterASave() {
        assertEquals(Map.of(), service.features(false));
        assertEquals(Map.of(), service.query(query(GlobalDataType.FEATURES), false));
        service.write(ADMIN, GlobalDataType.FEATURES, map("experimentalDashboard", true, "advancedMetrics", false));
        Map<String, Object> saved = map("experimentalDashboard", true, "advancedMetrics", false);
        assertEquals(saved, service.features(false));
        assertEquals(saved, service.query(query(GlobalDataType.FEATURES), false));
        service.write(ADMIN, GlobalDataType.FEATURES, map("autoScaling", true));
        assertEquals(map("autoScaling", true), service.features(false));
        assertEquals(map("autoScaling", true), service.query(query(GlobalDataType.FEATURES), false));
    }

    @Test
    void writesNeedFeaturesWriteAndAreRefusedBeforeAnythingIsStored() {
        DomainException e = assertThrows(DomainException.class, () -> service.write(OPERATOR,
                GlobalDataType.PRODUCTION_COSTS, map("year", 2024, "month", 1)));
        assertEquals("ERR_AUTH_FAIL_NO_PERMS", e.code());
        e = assertThrows(DomainException.class,
                () -> service.write(OPERATOR, GlobalDataType.FEATURES, "not even an object"));
        assertEquals("ERR_AUTH_FAIL_NO_PERMS", e.code());
        assertEquals(List.of(), service.query(query(GlobalDataType.PRODUCTION_COSTS), true));
        assertTrue(audit.entries.isEmpty());
    }

    @Test
    void invalidDataChangesNothing() {
        writeMonth(2024, 1, 5);
        assertEquals("ERR_INVALID_MONTH", assertThrows(DomainException.class, () -> service.write(ADMIN,
                GlobalDataType.PRODUCTION_COSTS, map("year", 2024, "month", 13))).code());
        assertEquals(1, ((List<?>) service.query(query(GlobalDataType.PRODUCTION_COSTS), true)).size());
        assertEquals(1, audit.entries.size());
    }

    @Test
    void everyWriteLeavesAnAuditEntry() {
        writeMonth(2024, 10, 1);
        service.write(ADMIN, GlobalDataType.CONTAINER_SETTINGS, map("model", "MicroBT-D40"));
        assertEquals(List.of("productionCosts:202410", "containerSettings:MicroBT-D40"),
                audit.entries.stream().map(AuditEntry::target).toList());
        AuditEntry first = audit.entries.getFirst();
        assertEquals(GlobalDataService.AUDIT_ACTION, first.action());
        assertEquals(2L, first.actorId());
        assertEquals("success", first.outcome());
        assertEquals(NOW, first.at());
    }

    @Test
    void rangesApplyToProductionCostsAndAnEmptyRangeNeedsNoRead() {
        for (int m = 1; m <= 12; m++) {
            writeMonth(2024, m, m);
        }
        GlobalDataQuery secondHalf = new GlobalDataQuery(GlobalDataType.PRODUCTION_COSTS,
                KeyRange.of(202406L, null, null, null), Optional.empty(), null, null, null, 1, 2, Optional.empty(),
                List.of("second half"));
        assertEquals(List.of(8, 9), ((List<?>) service.query(secondHalf, false)).stream()
                .map(d -> ((Map<?, ?>) d).get("month")).toList());
        int reads = store.reads.get();
        GlobalDataQuery none = new GlobalDataQuery(GlobalDataType.PRODUCTION_COSTS,
                KeyRange.of(null, 202412L, null, 202401L), Optional.empty(), null, null, null, 0,
                GlobalDataQuery.UNLIMITED, Optional.empty(), List.of("none"));
        assertEquals(List.of(), service.query(none, false));
        assertEquals(reads, store.reads.get());
    }

    @Test
    void containerSettingsAreThisSitesFilteredByModelAndIgnoreKeyRanges() {
        service.write(ADMIN, GlobalDataType.CONTAINER_SETTINGS, map("site", "site-01", "model", "MicroBT-D40"));
        service.write(ADMIN, GlobalDataType.CONTAINER_SETTINGS, map("model", "Bitdeer-A1346"));
        store.inner.put(new GlobalRecord(GlobalDataType.CONTAINER_SETTINGS, "site-02", RecordKey.ofName("x"),
                map("site", "site-02", "model", "x")), NOW);
        GlobalDataQuery d40 = new GlobalDataQuery(GlobalDataType.CONTAINER_SETTINGS, KeyRange.of(null, 5L, null, 1L),
                Optional.of("MicroBT-D40"), null, null, null, 0, GlobalDataQuery.UNLIMITED, Optional.empty(),
                List.of("d40"));
        assertEquals(List.of(map("site", "site-01", "model", "MicroBT-D40")), service.query(d40, false));
        assertEquals(2, ((List<?>) service.query(query(GlobalDataType.CONTAINER_SETTINGS), false)).size());
    }

    @Test
    void siteEnergyIsAListOfTheOneDocument() {
        assertEquals(List.of(), service.query(query(GlobalDataType.SITE_ENERGY), false));
        service.write(ADMIN, GlobalDataType.SITE_ENERGY, map("site", "Site-01", "energyExclusionThresholdMwh", 100));
        service.write(ADMIN, GlobalDataType.SITE_ENERGY, map("site", "Site-01", "energyExclusionThresholdMwh", 2));
        assertEquals(List.of(map("site", "Site-01", "energyExclusionThresholdMwh", 2)),
                service.query(query(GlobalDataType.SITE_ENERGY), false));
    }

    @Test
    void queryWindowsAreValidated() {
        assertEquals("ERR_OFFSET_INVALID", assertThrows(DomainException.class, () -> window(-1, 1)).code());
        for (int limit : new int[]{0, -1, GlobalDataQuery.MAX_LIMIT + 1}) {
            assertEquals("ERR_LIMIT_INVALID", assertThrows(DomainException.class, () -> window(0, limit)).code());
        }
    }

    private static GlobalDataQuery window(int offset, int limit) {
        return new GlobalDataQuery(GlobalDataType.PRODUCTION_COSTS, KeyRange.ALL, Optional.empty(), null, null, null,
                offset, limit, Optional.empty(), List.of());
    }

    private static GlobalDataQuery costs(Object filter, Object fields, Object sort, int offset, int limit,
                                         String groupBy) {
        return new GlobalDataQuery(GlobalDataType.PRODUCTION_COSTS, KeyRange.of(null, 202401L, null, 202412L),
                Optional.empty(), MongoFilter.compile(filter, "ERR_QUERY_INVALID"),
                Projection.compile(fields, "ERR_FIELDS_INVALID"),
                SortSpec.compile(sort, SortSpec.Ordering.MONGO, "ERR_SORT_INVALID"), offset, limit,
                Optional.ofNullable(groupBy).map(path -> JsonPath.parse(path, "ERR_GROUP_BY_INVALID")),
                List.of(String.valueOf(filter), String.valueOf(fields), String.valueOf(sort), offset + "/" + limit,
                        String.valueOf(groupBy)));
    }

    private void writeYear() {
        for (int m = 1; m <= 12; m++) {
            service.write(ADMIN, GlobalDataType.PRODUCTION_COSTS, map("year", 2024, "month", m,
                    "energyCostsUSD", m * 10, "operationalCostsUSD", 100 - m, "quarter", "Q" + ((m - 1) / 3 + 1)));
        }
        writeMonth(2023, 12, 1);
    }

    private static List<Object> field(Object answer, String name) {
        return ((List<?>) answer).stream().map(d -> ((Map<?, ?>) d).get(name)).map(Object.class::cast).toList();
    }

    @Test
    void filterSortWindowAndProjectionRunOverTheKeyRange() {
        writeYear();
        Object answer = service.query(costs(map("energyCostsUSD", map("$gte", 50)), map("month", 1),
                map("operationalCostsUSD", 1), 1, 3, null), false);
        assertEquals(List.of(map("month", 11), map("month", 10), map("month", 9)), answer);
    }

    @Test
    void groupByAnswersAnObjectOfArraysInFirstSeenOrder() {
        writeYear();
        @SuppressWarnings("unchecked")
        Map<String, List<Object>> byQuarter = (Map<String, List<Object>>) service.query(
                costs(map("month", map("$lte", 6)), map("month", 1, "quarter", 1), null, 0,
                        GlobalDataQuery.UNLIMITED, "quarter"), false);
        assertEquals(List.of("Q1", "Q2"), List.copyOf(byQuarter.keySet()));
        assertEquals(List.of(4, 5, 6), field(byQuarter.get("Q2"), "month"));
        assertEquals(Map.of(), service.query(new GlobalDataQuery(GlobalDataType.PRODUCTION_COSTS,
                KeyRange.of(5L, null, 5L, null), Optional.empty(), null, null, null, 0, GlobalDataQuery.UNLIMITED,
                Optional.of(JsonPath.parse("quarter", "ERR_GROUP_BY_INVALID")), List.of("empty")), false));
    }

    @Test
    void aPlainWindowIsCutByStorageAndAFilteredOneByTheEngine() {
        writeYear();
        assertEquals(List.of(3, 4), field(service.query(costs(null, null, null, 2, 2, null), false), "month"));
        RecordScan plain = store.scans.getLast();
        assertEquals(2, plain.skip());
        assertEquals(2, plain.limit());
        assertEquals(new KeyRange(202401, 202412), plain.range());

        assertEquals(List.of(4, 5), field(service.query(costs(map("month", map("$gt", 1)), null, null, 2, 2, null),
                false), "month"));
        RecordScan filtered = store.scans.getLast();
        assertEquals(0, filtered.skip());
        assertEquals(Long.MAX_VALUE, filtered.limit());
        assertEquals(new KeyRange(202401, 202412), filtered.range());
    }
}
