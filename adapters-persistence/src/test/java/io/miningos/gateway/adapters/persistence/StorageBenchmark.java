package io.miningos.gateway.adapters.persistence;

import io.miningos.gateway.application.identity.IdentityService;
import io.miningos.gateway.application.identity.IdentitySettings;
import io.miningos.gateway.application.shared.port.out.Change;
import io.miningos.gateway.application.shared.port.out.ChangeNotifier;
import io.miningos.gateway.application.shared.port.out.Telemetry;
import io.miningos.gateway.domain.audit.AuditEntry;
import io.miningos.gateway.domain.globaldata.GlobalDataType;
import io.miningos.gateway.domain.globaldata.GlobalRecord;
import io.miningos.gateway.domain.globaldata.SiteName;
import io.miningos.gateway.domain.identity.RoleCatalog;
import io.miningos.gateway.domain.token.ClientIp;
import io.miningos.gateway.domain.user.Email;
import io.miningos.gateway.domain.user.NewUser;
import io.miningos.gateway.domain.user.User;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Writes on SQLite against PostgreSQL, and how long a revocation takes to reach another instance. Not a test
 * (surefire does not run it): {@code bench/storage.sh} starts a throwaway PostgreSQL server and runs it.
 *
 * <ul>
 *   <li>production-cost upserts as {@code POST /auth/global/data} makes them: the record and its audit entry in one
 *       transaction (plus the change notification on PostgreSQL), {@code WRITERS} threads, distinct months;</li>
 *   <li>user updates as {@code PUT /auth/users} makes them: the row, the user's tokens revoked and the notification,
 *       in one transaction;</li>
 *   <li>revocation delay: two identity services on two pools and two listeners of one PostgreSQL database (two
 *       instances in one JVM); a token resolved and cached on B, revoked through A; the time from A's commit to B
 *       being told (its sessions dropped, sockets closed), over {@code TRIALS} trials.</li>
 * </ul>
 */
public final class StorageBenchmark {

    private static final int WRITERS = 4;
    private static final int WRITES_PER_WRITER = Integer.getInteger("bench.writes", 500);
    private static final int TRIALS = Integer.getInteger("bench.trials", 100);
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private StorageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("%-34s %-10s %10s %9s %9s%n", "operation", "storage", "writes/s", "p50 ms", "p99 ms");
        for (int round = 0; round < 2; round++) { // the first round warms the JIT up; the second is printed
            boolean print = round == 1;
            try (SqliteDatabase sqlite = SqliteDatabase.open(Files.createTempDirectory("storage-bench"))) {
                measureAll("sqlite", sqlite, ChangeNotifier.NONE, print);
            }
            try (TestPostgres.Scratch schema = TestPostgres.database(); PostgresDatabase pg = schema.open();
                 PostgresChangeFeed feed = PostgresChangeFeed.on(pg)) {
                measureAll("postgresql", pg, feed, print);
            }
        }
        revocationDelay();
    }

    private static void measureAll(String name, Database db, ChangeNotifier notifier, boolean print)
            throws Exception {
        TempDatabase.withUsers(db);
        JooqGlobalDataStore store = new JooqGlobalDataStore(db);
        JooqAuditLog audit = new JooqAuditLog(db);
        SiteName site = new SiteName("site-01");
        Result upserts = measure((writer, i) -> {
            Map<String, Object> month = new LinkedHashMap<>();
            month.put("year", 1000 + writer * 100 + i / 12);
            month.put("month", i % 12 + 1);
            month.put("energyCostsUSD", new BigDecimal("1234.56"));
            month.put("operationalCostsUSD", new BigDecimal("99.5"));
            GlobalRecord record = GlobalRecord.written(GlobalDataType.PRODUCTION_COSTS, site, month);
            db.run(() -> {
                store.put(record, T0);
                audit.record(new AuditEntry(T0, 1L, "root@example.com", "GLOBAL_DATA_WRITE", "productionCosts",
                        "success", Map.of("type", "productionCosts")));
                notifier.publish(Change.globalData(
                        GlobalDataType.PRODUCTION_COSTS));
            });
        });
        JooqUserRepository users = new JooqUserRepository(db);
        JooqTokenStore tokens = new JooqTokenStore(db);
        List<User> targets = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            targets.add(users.insert(new NewUser(new Email("bench" + w + "@example.com"), null, "dev"), T0));
        }
        Result updates = measure((writer, i) -> {
            User user = targets.get(writer);
            db.run(() -> {
                users.update(user.withDetails(user.email(), "name " + i, i % 2 == 0 ? "dev" : "site_operator"), T0);
                tokens.deleteByUser(user.id());
                notifier.publish(Change.userRevoked(user.id()));
            });
        });
        if (print) {
            upserts.print("productionCosts upsert (+ audit)", name);
            updates.print("user update (+ tokens revoked)", name);
        }
    }

    @FunctionalInterface
    private interface Write {
        void run(int writer, int i);
    }

    private record Result(double perSecond, double p50, double p99) {
        void print(String operation, String storage) {
            System.out.printf("%-34s %-10s %10.0f %9.2f %9.2f%n", operation, storage, perSecond, p50, p99);
        }
    }

    private static Result measure(Write write) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<long[]>> done = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            done.add(pool.submit(() -> {
                start.await();
                long[] nanos = new long[WRITES_PER_WRITER];
                for (int i = 0; i < WRITES_PER_WRITER; i++) {
                    long t = System.nanoTime();
                    write.run(writer, i);
                    nanos[i] = System.nanoTime() - t;
                }
                return nanos;
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        List<Long> all = new ArrayList<>();
        for (Future<long[]> f : done) {
            for (long n : f.get()) {
                all.add(n);
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        pool.shutdown();
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Result(sorted.length / seconds, percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6);
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static void revocationDelay() throws Exception {
        try (TestPostgres.Scratch database = TestPostgres.database(); PostgresDatabase dbA = database.open();
             PostgresDatabase dbB = database.open(); PostgresChangeFeed feedA = PostgresChangeFeed.on(dbA);
             PostgresChangeFeed feedB = PostgresChangeFeed.on(dbB)) {
            TempDatabase.withUsers(dbA);
            IdentityService a = identity(dbA, feedA);
            IdentityService b = identity(dbB, feedB);
            feedA.subscribe(a);
            feedB.subscribe(b);
            feedA.startListening();
            feedB.startListening();
            while (!feedA.listening() || !feedB.listening()) {
                Thread.sleep(50);
            }
            BlockingQueue<Long> told = new ArrayBlockingQueue<>(1);
            b.addRevocationListener(userId -> told.add(System.nanoTime()));
            long[] delays = new long[TRIALS];
            for (int t = 0; t < TRIALS; t++) {
                String token = a.issueFor(new Email("two@example.com"), Set.of(ClientIp.parse("127.0.0.1")),
                        OptionalLong.empty()).text();
                b.authenticate(token, "127.0.0.1"); // cached on b
                dbA.run(() -> a.revokeAllOf(2));
                long committed = System.nanoTime();
                Long heard = told.poll(10, TimeUnit.SECONDS);
                if (heard == null) {
                    throw new IllegalStateException("b never heard of revocation " + t);
                }
                delays[t] = Math.max(0, heard - committed);
            }
            Arrays.sort(delays);
            System.out.printf("%ncross-instance revocation delay over %d trials: median %.2f ms, p99 %.2f ms,"
                    + " max %.2f ms%n", TRIALS, percentile(delays, 0.5) / 1e6, percentile(delays, 0.99) / 1e6,
                    delays[delays.length - 1] / 1e6);
        }
    }

    private static IdentityService identity(PostgresDatabase db, PostgresChangeFeed feed) {
        return new IdentityService(new JooqUserRepository(db), new JooqTokenStore(db), RoleCatalog.defaults(),
                new IdentitySettings(3600, 300), db, Clock.systemUTC(),
                Telemetry.NONE, feed, new JooqRateBuckets(db));
    }
}
