package io.miningos.gateway.application.globaldata;

import io.miningos.gateway.application.globaldata.port.out.GlobalDataStore;
import io.miningos.gateway.application.globaldata.port.out.RecordScan;
import io.miningos.gateway.domain.globaldata.GlobalDataType;
import io.miningos.gateway.domain.globaldata.GlobalRecord;
import io.miningos.gateway.domain.globaldata.KeyRange;
import io.miningos.gateway.domain.globaldata.RecordKey;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link GlobalDataStore} must do; each implementation's test extends this. */
public abstract class GlobalDataStoreContract {

    protected static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    protected static final String SITE = "site-01";

    /** The store under test, empty. */
    protected abstract GlobalDataStore store();

    protected static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    protected static GlobalRecord month(String site, int year, int month, Object energyCosts) {
        return new GlobalRecord(GlobalDataType.PRODUCTION_COSTS, site, RecordKey.ofNumber(year * 100L + month),
                map("site", site, "year", year, "month", month, "energyCostsUSD", energyCosts));
    }

    protected static GlobalRecord container(String site, String model) {
        return new GlobalRecord(GlobalDataType.CONTAINER_SETTINGS, site, RecordKey.ofName(model),
                map("site", site, "model", model, "parameters", map("startTemp", 25)));
    }

    protected List<Map<String, Object>> scan(RecordScan scan) {
        return store().scan(scan, documents -> {
            List<Map<String, Object>> out = new ArrayList<>();
            documents.forEach(out::add);
            return out;
        });
    }

    protected List<Object> months(KeyRange range) {
        return scan(new RecordScan(GlobalDataType.PRODUCTION_COSTS, SITE, range, Optional.empty(), 0, Long.MAX_VALUE))
                .stream().map(d -> d.get("year") + "-" + d.get("month")).map(Object.class::cast).toList();
    }

    @Test
    void aStoredDocumentComesBackEqualWithItsFieldOrderAndExactDecimals() {
        Map<String, Object> document = map("site", SITE, "year", 2024, "month", 10,
                "energyCostsUSD", new BigDecimal("1000.00"),
                "nested", map("list", List.of(1, "two", true, 12_345_678_901L),
                        "none", null), "operationalCostsUSD", new BigDecimal("0.10"));
        store().put(new GlobalRecord(GlobalDataType.PRODUCTION_COSTS, SITE, RecordKey.ofNumber(202410), document), NOW);
        Map<String, Object> read = store().find(GlobalDataType.PRODUCTION_COSTS, SITE, RecordKey.ofNumber(202410))
                .orElseThrow();
        assertEquals(document, read);
        assertEquals(List.copyOf(document.keySet()), List.copyOf(read.keySet()));
        assertEquals("1000.00", read.get("energyCostsUSD").toString());
    }

    @Test
    void writingTheSameKeyAgainReplacesTheRecord() {
        store().put(month(SITE, 2024, 10, 1), NOW);
        store().put(month(SITE, 2024, 10, 2), NOW.plusSeconds(1));
        assertEquals(List.of(2), scan(RecordScan.all(GlobalDataType.PRODUCTION_COSTS, SITE)).stream()
                .map(d -> d.get("energyCostsUSD")).toList());
    }

    @Test
    void nothingStoredIsEmpty() {
        assertTrue(store().find(GlobalDataType.FEATURES, SITE, RecordKey.SINGLE).isEmpty());
        assertEquals(List.of(), scan(RecordScan.all(GlobalDataType.PRODUCTION_COSTS, SITE)));
    }

    @Test
    void scansAreInKeyOrderWhateverTheWriteOrder() {
        store().put(month(SITE, 2025, 1, 1), NOW);
        store().put(month(SITE, 2024, 12, 1), NOW);
        store().put(month(SITE, 2024, 2, 1), NOW);
        store().put(month(SITE, 2024, 10, 1), NOW);
        assertEquals(List.of("2024-2", "2024-10", "2024-12", "2025-1"), months(KeyRange.ALL));
    }

    @Test
    void rangeBoundsIncludeOrExcludeTheirEdgesExactly() {
        for (int m = 1; m <= 12; m++) {
            store().put(month(SITE, 2024, m, 1), NOW);
        }
        store().put(month(SITE, 2023, 12, 1), NOW);
        store().put(month(SITE, 2025, 1, 1), NOW);
        assertEquals(12, months(KeyRange.of(null, 202401L, null, 202412L)).size());
        assertEquals(List.of("2024-2", "2024-3"), months(KeyRange.of(202401L, null, 202404L, null)));
        assertEquals(List.of("2024-12", "2025-1"), months(KeyRange.of(null, 202412L, null, null)));
        assertEquals(List.of("2023-12", "2024-1"), months(KeyRange.of(null, null, null, 202401L)));
        assertEquals(List.of(), months(KeyRange.of(202412L, null, 202501L, null)));
        assertEquals(List.of("2024-12"), months(KeyRange.of(202411L, null, 202501L, null)));
    }

    @Test
    void extremeRangeBoundsWork() {
        store().put(month(SITE, 0, 1, 1), NOW);
        store().put(month(SITE, 9999, 12, 1), NOW);
        assertEquals(2, months(new KeyRange(Long.MIN_VALUE, Long.MAX_VALUE)).size());
        assertEquals(List.of("9999-12"), months(new KeyRange(2, Long.MAX_VALUE)));
    }

    @Test
    void skipAndLimitWindowTheKeyOrder() {
        for (int m = 1; m <= 6; m++) {
            store().put(month(SITE, 2024, m, 1), NOW);
        }
        List<Object> window = scan(new RecordScan(GlobalDataType.PRODUCTION_COSTS, SITE,
                KeyRange.of(null, 202402L, null, null), Optional.empty(), 1, 2)).stream()
                .map(d -> d.get("month")).map(Object.class::cast).toList();
        assertEquals(List.of(3, 4), window);
    }

    @Test
    void containerSettingsAreOnePerModelAndSelectableByModel() {
        store().put(container(SITE, "MicroBT-D40"), NOW);
        store().put(container(SITE, "Bitdeer-A1346"), NOW);
        store().put(container(SITE, "MicroBT-D40"), NOW);
        assertEquals(List.of("Bitdeer-A1346", "MicroBT-D40"), scan(RecordScan.all(GlobalDataType.CONTAINER_SETTINGS,
                SITE)).stream().map(d -> d.get("model")).toList());
        assertEquals(List.of("MicroBT-D40"), scan(new RecordScan(GlobalDataType.CONTAINER_SETTINGS, SITE,
                KeyRange.ALL, Optional.of("MicroBT-D40"), 0, Long.MAX_VALUE)).stream().map(d -> d.get("model"))
                .toList());
        assertEquals(List.of(), scan(new RecordScan(GlobalDataType.CONTAINER_SETTINGS, SITE,
                KeyRange.ALL, Optional.of("microbt-d40"), 0, Long.MAX_VALUE)));
    }

    @Test
    void sitesAndTypesNeverSeeEachOthersRecords() {
        store().put(month(SITE, 2024, 1, 1), NOW);
        store().put(month("site-02", 2024, 1, 2), NOW);
        store().put(container(SITE, "m"), NOW);
        store().put(new GlobalRecord(GlobalDataType.SITE_ENERGY, SITE, RecordKey.SINGLE, map("site", SITE)), NOW);
        store().put(new GlobalRecord(GlobalDataType.FEATURES, SITE, RecordKey.SINGLE, map("flag", true)), NOW);
        assertEquals(List.of(1), scan(RecordScan.all(GlobalDataType.PRODUCTION_COSTS, SITE)).stream()
                .map(d -> d.get("energyCostsUSD")).toList());
        assertEquals(1, scan(RecordScan.all(GlobalDataType.SITE_ENERGY, SITE)).size());
        assertEquals(Optional.of(map("flag", true)), store().find(GlobalDataType.FEATURES, SITE, RecordKey.SINGLE));
        assertTrue(store().find(GlobalDataType.FEATURES, "site-02", RecordKey.SINGLE).isEmpty());
    }

    @Test
    void concurrentWritersOfDifferentKeysAllPersist() throws Exception {
        int writers = 8;
        int perWriter = 12;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int year = 2000 + w;
                Callable<Void> writer = () -> {
                    start.await();
                    for (int m = 1; m <= perWriter; m++) {
                        store().put(month(SITE, year, m, m), NOW);
                    }
                    return null;
                };
                done.add(pool.submit(writer));
            }
            start.countDown();
            for (Future<Void> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(writers * perWriter, months(KeyRange.ALL).size());
    }
}
