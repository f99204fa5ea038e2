package io.miningos.gateway.adapters.persistence;

import io.miningos.gateway.application.identity.MigrateUsersService;
import io.miningos.gateway.application.identity.port.in.ListedUser;
import io.miningos.gateway.domain.identity.RoleCatalog;
import io.miningos.gateway.domain.user.Email;
import io.miningos.gateway.domain.user.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What several gateways starting on one PostgreSQL database at once must not trip over. */
class PostgresUserRepositoryTest {

    @BeforeAll
    static void needsTheServer() {
        TestPostgres.admin(); // fails without one; with -DnoPostgres skips the class (no @AfterEach on nothing)
    }

    @Test
    void gatewaysStartingAtOnceEnsureOneSuperAdmin() throws Exception {
        try (TestPostgres.Scratch schema = TestPostgres.schema(); Gateways gateways = new Gateways(schema, 4)) {
            for (boolean changed : gateways.atOnce(db -> new JooqUserRepository(db)
                    .ensureSuperAdmin(new Email("root@example.com"), Instant.now()))) {
                assertEquals(false, changed, "nobody's e-mail changed");
            }
            List<User> users = new JooqUserRepository(gateways.first()).findAll();
            assertEquals(1, users.size());
            assertEquals(User.SUPER_ADMIN_ID, users.getFirst().id());
        }
    }

    @Test
    void gatewaysStartingAtOnceCreateTheListedUsersOnce() throws Exception {
        // Each gateway's clock is first read after it looked for existing users: there every migration waits for
        // the others (2 s at most), so without a lock all of them find only the super admin and insert the list
        int count = 3;
        List<ListedUser> listed = List.of(new ListedUser(new Email("ops@example.com"), true),
                new ListedUser(new Email("viewer@example.com"), false));
        CyclicBarrier looked = new CyclicBarrier(count);
        try (TestPostgres.Scratch schema = TestPostgres.schema(); Gateways gateways = new Gateways(schema, count)) {
            new JooqUserRepository(gateways.first()).ensureSuperAdmin(new Email("root@example.com"), Instant.now());
            int created = 0;
            // a second insert of a listed e-mail would fail on the key
            for (int one : gateways.atOnce(db -> new MigrateUsersService(new JooqUserRepository(db),
                    RoleCatalog.defaults(), new JooqAuditLog(db), db, new MeetingClock(looked)).migrate(listed)
                    .size())) {
                created += one;
            }
            assertEquals(listed.size(), created, "one gateway created the listed users, the others none");
            assertEquals(1 + listed.size(), new JooqUserRepository(gateways.first()).findAll().size());
        }
    }

    /** What one gateway does with its own connection pool. */
    @FunctionalInterface
    private interface OnGateway<T> {
        T run(PostgresDatabase db) throws Exception;
    }

    /** Several gateways' connection pools on one schema, and a thread for each to start on them at the same moment. */
    private static final class Gateways implements AutoCloseable {
        private final List<PostgresDatabase> dbs = new ArrayList<>();
        private final ExecutorService pool;

        Gateways(TestPostgres.Scratch schema, int count) {
            pool = Executors.newFixedThreadPool(count);
            try {
                for (int i = 0; i < count; i++) {
                    dbs.add(schema.open());
                }
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }

        PostgresDatabase first() {
            return dbs.getFirst();
        }

        /** Runs {@code work} on every gateway at once; what each returned, in the gateways' order. */
        <T> List<T> atOnce(OnGateway<T> work) throws Exception {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> done = new ArrayList<>();
            for (PostgresDatabase db : dbs) {
                done.add(pool.submit(() -> {
                    start.await();
                    return work.run(db);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : done) {
                results.add(f.get());
            }
            return results;
        }

        @Override
        public void close() {
            pool.shutdownNow();
            dbs.forEach(PostgresDatabase::close);
        }
    }

    /** The system clock, whose first reading on each thread waits (2 s at most) until every gateway reads it. */
    private static final class MeetingClock extends Clock {
        private final CyclicBarrier meeting;
        private final ThreadLocal<Boolean> met = ThreadLocal.withInitial(() -> false);

        MeetingClock(CyclicBarrier meeting) {
            this.meeting = meeting;
        }

        @Override
        public Instant instant() {
            if (!met.get()) {
                met.set(true);
                try {
                    meeting.await(2, TimeUnit.SECONDS);
                } catch (TimeoutException | BrokenBarrierException e) {
                    // the others are held elsewhere (by the lock): go on
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Instant.now();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
