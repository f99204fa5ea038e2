package io.miningos.gateway.adapters.persistence;

import io.miningos.gateway.domain.user.Email;
import io.miningos.gateway.domain.user.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What several gateways starting on one PostgreSQL database at once must not trip over. */
class PostgresUserRepositoryTest {

    @BeforeAll
    static void needsTheServer() {
        TestPostgres.admin(); // fails without one; with -DnoPostgres skips the class (no @AfterEach on nothing)
    }


    @Test
    void gatewaysStartingAtOnceEnsureOneSuperAdmin() throws Exception {
        int gateways = 4;
        try (TestPostgres.Scratch schema = TestPostgres.schema()) {
            List<PostgresDatabase> dbs = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(gateways);
            try {
                for (int i = 0; i < gateways; i++) {
                    dbs.add(schema.open());
                }
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> done = new ArrayList<>();
                for (PostgresDatabase db : dbs) {
                    done.add(pool.submit(() -> {
                        start.await();
                        return new JooqUserRepository(db).ensureSuperAdmin(new Email("root@example.com"),
                                Instant.now());
                    }));
                }
                start.countDown();
                for (Future<Boolean> f : done) {
                    assertEquals(false, f.get(), "nobody's e-mail changed");
                }
                List<User> users = new JooqUserRepository(dbs.getFirst()).findAll();
                assertEquals(1, users.size());
                assertEquals(User.SUPER_ADMIN_ID, users.getFirst().id());
            } finally {
                pool.shutdownNow();
                dbs.forEach(PostgresDatabase::close);
            }
        }
    }
}
