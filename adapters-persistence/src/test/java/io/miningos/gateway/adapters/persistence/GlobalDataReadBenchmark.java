package io.miningos.gateway.adapters.persistence;

import io.miningos.gateway.application.cache.CacheTimings;
import io.miningos.gateway.application.cache.ResponseCache;
import io.miningos.gateway.application.globaldata.GlobalDataService;
import io.miningos.gateway.application.globaldata.port.in.GlobalDataQuery;
import io.miningos.gateway.domain.globaldata.GlobalDataType;
import io.miningos.gateway.domain.globaldata.GlobalRecord;
import io.miningos.gateway.domain.globaldata.KeyRange;
import io.miningos.gateway.domain.globaldata.SiteName;
import io.miningos.gateway.query.MongoFilter;
import io.miningos.gateway.query.SortSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the cost of a production-costs read grows: with the answer (key range, model and plain windows are
 * selected in SQL) or with the table (a filter without a range reads every month). Reads go through the service
 * with caching off, against a real SQLite file holding 1,200 and then 120,000 months. Not a test (surefire does
 * not run it); run it by hand:
 *
 * <pre>
 * mvn -q -pl adapters-persistence -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java --enable-native-access=ALL-UNNAMED \
 *     -cp "$(cat /tmp/cp.txt):adapters-persistence/target/classes:adapters-persistence/target/test-classes" \
 *     io.miningos.gateway.adapters.persistence.GlobalDataReadBenchmark
 * </pre>
 */
public final class GlobalDataReadBenchmark {

    private static final String SITE = "site-01";
    private static final int WARM_UP_PASSES = 30;
    private static final int TIMED_PASSES = 51;

    private GlobalDataReadBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        System.out.printf("%s, %d cores%n", Runtime.version(), Runtime.getRuntime().availableProcessors());
        for (int years : new int[]{100, 10_000}) {
            Path dir = Files.createTempDirectory("global-data-bench");
            try (SqliteDatabase db = SqliteDatabase.open(dir)) {
                run(db, years);
            }
        }
    }

    private static void run(SqliteDatabase db, int years) {
        JooqGlobalDataStore store = new JooqGlobalDataStore(db);
        long started = System.nanoTime();
        db.run(() -> {
            for (int year = 0; year < years; year++) {
                for (int month = 1; month <= 12; month++) {
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("year", year);
                    data.put("month", month);
                    data.put("energyCostsUSD", (year * 7 + month * 13) % 1000);
                    data.put("operationalCostsUSD", 100);
                    store.put(GlobalRecord.written(GlobalDataType.PRODUCTION_COSTS, new SiteName(SITE), data),
                            Instant.EPOCH);
                }
            }
        });
        System.out.printf("%n%,d months stored in %.0f ms%n", years * 12, (System.nanoTime() - started) / 1e6);

        GlobalDataService service = new GlobalDataService(store, new JooqAuditLog(db), db,
                new ResponseCache(1 << 20, Duration.ofSeconds(1)), new CacheTimings(Map.of(), Duration.ZERO),
                new SiteName(SITE), Runnable::run, Clock.systemUTC());
        int year = years / 2;
        KeyRange oneYear = KeyRange.of(null, year * 100L + 1, null, year * 100L + 12);
        scenario("gte/lte one year (12 months)", service,
                query(oneYear, null, null, 0, GlobalDataQuery.UNLIMITED));
        scenario("gte/lte one year + query energyCostsUSD >= 500", service,
                query(oneYear, "energyCostsUSD", null, 0, GlobalDataQuery.UNLIMITED));
        scenario("gte/lte one year + sort energyCostsUSD desc, limit 3", service,
                query(oneYear, null, "energyCostsUSD", 0, 3));
        scenario("no range, limit 12 (first year)", service,
                query(KeyRange.ALL, null, null, 0, 12));
        scenario("no range + query energyCostsUSD >= 500, limit 12", service,
                query(KeyRange.ALL, "energyCostsUSD", null, 0, 12));
        scenario("contrast: no range + query {year: Y} (reads every month)", service,
                new GlobalDataQuery(GlobalDataType.PRODUCTION_COSTS, KeyRange.ALL, Optional.empty(),
                        MongoFilter.compile(Map.of("year", year), "ERR_QUERY_INVALID"), null, null, 0,
                        GlobalDataQuery.UNLIMITED, Optional.empty(), List.of()));
    }

    private static GlobalDataQuery query(KeyRange range, String atLeast500, String sortDescending, int offset,
                                         int limit) {
        MongoFilter filter = atLeast500 == null ? null
                : MongoFilter.compile(Map.of(atLeast500, Map.of("$gte", 500)), "ERR_QUERY_INVALID");
        SortSpec sort = sortDescending == null ? null
                : SortSpec.compile(Map.of(sortDescending, -1), SortSpec.Ordering.MONGO, "ERR_SORT_INVALID");
        return new GlobalDataQuery(GlobalDataType.PRODUCTION_COSTS, range, Optional.empty(), filter, null, sort,
                offset, limit, Optional.empty(), List.of());
    }

    private static void scenario(String name, GlobalDataService service, GlobalDataQuery query) {
        int size = 0;
        for (int i = 0; i < WARM_UP_PASSES; i++) {
            size = ((List<?>) service.query(query, true)).size();
        }
        long[] nanos = new long[TIMED_PASSES];
        for (int i = 0; i < TIMED_PASSES; i++) {
            long start = System.nanoTime();
            service.query(query, true);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("  %-58s %5d rows  best %8.3f ms  median %8.3f ms%n", name, size, nanos[0] / 1e6,
                nanos[TIMED_PASSES / 2] / 1e6);
    }
}
