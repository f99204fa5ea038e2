package io.miningos.gateway.adapters.persistence;

import io.miningos.gateway.domain.token.ClientIp;
import io.miningos.gateway.domain.token.TokenGrant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The live-token cap holds when two gateways on one PostgreSQL database issue tokens to one user at once. */
class PostgresTokenCapTest {

    @BeforeAll
    static void needsTheServer() {
        TestPostgres.admin(); // fails without one; with -DnoPostgres skips the class (no @AfterEach on nothing)
    }


    private static final int KEEP = 5;
    private TestPostgres.Scratch schema;
    private PostgresDatabase a;
    private PostgresDatabase b;

    @BeforeEach
    void open() {
        schema = TestPostgres.schema();
        a = TempDatabase.withUsers(schema.open());
        b = schema.open();
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
        schema.close();
    }

    @Test
    void concurrentIssuesOnTwoInstancesNeverLeaveMoreThanTheCap() throws Exception {
        int perWriter = 15;
        List<Database> writers = List.of(a, b, a, b);
        ExecutorService pool = Executors.newFixedThreadPool(writers.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> revokedCounts = new ArrayList<>();
            for (int w = 0; w < writers.size(); w++) {
                Database db = writers.get(w);
                JooqTokenStore tokens = new JooqTokenStore(db);
                int writer = w;
                revokedCounts.add(pool.submit(() -> {
                    start.await();
                    int revoked = 0;
                    for (int i = 0; i < perWriter; i++) {
                        TokenGrant grant = new TokenGrant("w" + writer + "-" + i, 2, List.of("dev"),
                                Set.of(ClientIp.parse("127.0.0.1")), Instant.now(), Instant.now().plusSeconds(600));
                        revoked += db.inTransaction(() -> {
                            tokens.save(grant);
                            return tokens.deleteOldest(2, KEEP).size();
                        });
                    }
                    return revoked;
                }));
            }
            start.countDown();
            int revoked = 0;
            for (Future<Integer> f : revokedCounts) {
                revoked += f.get();
            }
            int live = a.dsl().fetchCount(JooqTokenStore.TOKENS, JooqTokenStore.USER_ID.eq(2L));
            assertEquals(KEEP, live);
            assertEquals(writers.size() * perWriter - KEEP, revoked, "each token revoked once");
        } finally {
            pool.shutdownNow();
        }
    }
}
