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

    @Test
    void gatewaysStartingAtOnceCreateTheListedUsersOnce() throws Exception {
        // Each gateway's clock is first read after it looked for existing users: there every migration waits for
        // the others (2 s at most), so without a lock all of them find only the super admin and insert the list
        int gateways = 3;
        List<ListedUser> listed = List.of(new ListedUser(new Email("ops@example.com"), true),
                new ListedUser(new Email("viewer@example.com"), false));
        CyclicBarrier looked = new CyclicBarrier(gateways);
        try (TestPostgres.Scratch schema = TestPostgres.schema()) {
            List<PostgresDatabase> dbs = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(gateways);
            try {
                for (int i = 0; i < gateways; i++) {
                    dbs.add(schema.open());
                }
                new JooqUserRepository(dbs.getFirst()).ensureSuperAdmin(new Email("root@example.com"), Instant.now());
                List<Future<Integer>> done = new ArrayList<>();
                for (PostgresDatabase db : dbs) {
                    done.add(pool.submit(() -> new MigrateUsersService(new JooqUserRepository(db),
                            RoleCatalog.defaults(), new JooqAuditLog(db), db, new MeetingClock(looked))
                            .migrate(listed).size()));
                }
                int created = 0;
                for (Future<Integer> f : done) {
                    created += f.get(); // a second insert of a listed e-mail would fail on the key
                }
                assertEquals(listed.size(), created, "one gateway created the listed users, the others none");
                assertEquals(1 + listed.size(), new JooqUserRepository(dbs.getFirst()).findAll().size());
            } finally {
                pool.shutdownNow();
                dbs.forEach(PostgresDatabase::close);
            }
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
