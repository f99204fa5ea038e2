package io.miningos.gateway.adapters.persistence;

import io.miningos.gateway.application.globaldata.port.out.GlobalDataStore;
import io.miningos.gateway.application.globaldata.port.out.RecordScan;
import io.miningos.gateway.domain.globaldata.GlobalDataType;
import io.miningos.gateway.domain.globaldata.KeyRange;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The store contract on a real SQLite file, plus what only a shared file can get wrong. */
class JooqGlobalDataStoreTest extends JooqGlobalDataStoreContract {

    @TempDir
    Path dir;
    private SqliteDatabase db;
    private JooqGlobalDataStore store;

    @BeforeEach
    void open() {
        db = SqliteDatabase.open(dir);
        store = new JooqGlobalDataStore(db);
    }

    @AfterEach
    void close() {
        db.close();
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
    void recordsSurviveReopeningTheFile() {
        store.put(month(SITE, 2024, 10, 7), NOW);
        db.close();
        db = SqliteDatabase.open(dir);
        store = new JooqGlobalDataStore(db);
        assertEquals(List.of("2024-10"), months(KeyRange.ALL));
    }

    @Test
    void writersInTwoProcessesOnOneFileNeverLoseEachOthersMonths() throws Exception {
        int perWriter = 24;
        try (SqliteDatabase other = SqliteDatabase.open(dir)) {
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
            Integer seenByTheOther = new JooqGlobalDataStore(other).scan(
                    RecordScan.all(GlobalDataType.PRODUCTION_COSTS, SITE), documents -> {
                        int n = 0;
                        for (Object ignored : documents) {
                            n++;
                        }
                        return n;
                    });
            assertEquals(stores.size() * perWriter, seenByTheOther);
        }
    }

    @Test
    void reopeningAMigratedFileAppliesNothingTwice() {
        store.put(month(SITE, 2024, 1, 1), NOW);
        db.close();
        db = SqliteDatabase.open(dir);
        assertEquals(SchemaMigrations.STEPS.size(),
                db.dsl().fetchValue("select max(version) from schema_migrations", Integer.class));
        assertEquals(SchemaMigrations.STEPS.size(), db.dsl().fetchCount(DSL.table("schema_migrations")));
        assertEquals(1, db.dsl().fetchCount(JooqGlobalDataStore.RECORDS));
    }
}
