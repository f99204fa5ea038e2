package io.miningos.gateway.adapters.persistence;

import io.miningos.gateway.application.globaldata.GlobalDataStoreContract;
import io.miningos.gateway.application.globaldata.port.out.RecordScan;
import io.miningos.gateway.domain.globaldata.GlobalDataType;
import io.miningos.gateway.domain.globaldata.KeyRange;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The store contract plus what the jOOQ store can get wrong on either database: a write inside a transaction that
 * fails afterwards, and readers that give up while holding a pooled connection.
 */
abstract class JooqGlobalDataStoreContract extends GlobalDataStoreContract {

    /** The database the {@linkplain #store() store} writes to. */
    protected abstract Database database();

    @Test
    void aWriteInsideAFailedTransactionIsRolledBack() {
        assertThrows(IllegalStateException.class, () -> database().run(() -> {
            store().put(month(SITE, 2024, 1, 1), NOW);
            throw new IllegalStateException("audit failed");
        }));
        assertEquals(List.of(), months(KeyRange.ALL));
    }

    @Test
    void readersThatStopEarlyOrFailGiveTheirConnectionBack() {
        for (int m = 1; m <= 12; m++) {
            store().put(month(SITE, 2024, m, m), NOW);
        }
        for (int i = 0; i < 20; i++) { // far more than the pool's 4 connections
            Object first = store().scan(RecordScan.all(GlobalDataType.PRODUCTION_COSTS, SITE),
                    documents -> documents.iterator().next().get("month"));
            assertEquals(1, first);
            assertThrows(IllegalArgumentException.class, () -> store().scan(
                    RecordScan.all(GlobalDataType.PRODUCTION_COSTS, SITE), documents -> {
                        throw new IllegalArgumentException("reader gave up");
                    }));
        }
        assertEquals(12, months(KeyRange.ALL).size());
    }
}
