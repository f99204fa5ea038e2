package io.miningos.gateway.adapters.persistence;

import io.miningos.gateway.application.globaldata.port.out.GlobalDataStore;
import io.miningos.gateway.domain.globaldata.KeyRange;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The store contract on PostgreSQL, plus what only a database shared by several gateways can get wrong. */
class PostgresGlobalDataStoreTest extends JooqGlobalDataStoreContract {

    @BeforeAll
    static void needsTheServer() {
        TestPostgres.admin(); // fails without one; with -DnoPostgres skips the class (no @AfterEach on nothing)
    }


    private TestPostgres.Scratch schema;
    private PostgresDatabase db;
    private JooqGlobalDataStore store;

    @BeforeEach
    void open() {
        schema = TestPostgres.schema();
        db = schema.open();
        store = new JooqGlobalDataStore(db);
    }

    @AfterEach
    void close() {
        db.close();
        schema.close();
    }

    @Override
    protected GlobalDataStore store() {
        return store;
    }

    @Override
    protected Database database() {
        return db;
    }

    @Test
    void writersOfTwoGatewaysOnOneDatabaseNeverLoseEachOthersMonths() throws Exception {
        int perWriter = 24;
        try (PostgresDatabase other = PostgresDatabase.open(schema.settings())) {
            List<GlobalDataStore> stores = List.of(store, new JooqGlobalDataStore(other),
                    store, new JooqGlobalDataStore(other));
            ExecutorService pool = Executors.newFixedThreadPool(stores.size());
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<Void>> done = new ArrayList<>();
                for (int w = 0; w < stores.size(); w++) {
                    GlobalDataStore writer = stores.get(w);
                    int firstYear = 2000 + w * 2;
                    Callable<Void> work = () -> {
                        start.await();
                        for (int i = 0; i < perWriter; i++) {
                            writer.put(month(SITE, firstYear + i / 12, i % 12 + 1, i), NOW);
                        }
                        return null;
                    };
                    done.add(pool.submit(work));
                }
                start.countDown();
                for (Future<Void> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(stores.size() * perWriter, months(KeyRange.ALL).size());
        }
    }

    @Test
    void twoGatewaysStartingOnOneEmptyDatabaseMigrateItOnce() throws Exception {
        db.close();
        schema.close();
        schema = TestPostgres.schema();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<PostgresDatabase> a = pool.submit(() -> PostgresDatabase.open(schema.settings()));
            Future<PostgresDatabase> b = pool.submit(() -> PostgresDatabase.open(schema.settings()));
            db = a.get();
            b.get().close();
        } finally {
            pool.shutdownNow();
        }
        assertEquals(SchemaMigrations.POSTGRES_STEPS.size(), db.dsl().fetchCount(DSL.table("schema_migrations")));
        store = new JooqGlobalDataStore(db);
        store.put(month(SITE, 2024, 1, 1), NOW);
        assertEquals(List.of("2024-1"), months(KeyRange.ALL));
    }
}
