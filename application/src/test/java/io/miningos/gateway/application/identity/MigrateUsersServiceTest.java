package io.miningos.gateway.application.identity;

import io.miningos.gateway.application.identity.port.in.ListedUser;
import io.miningos.gateway.domain.identity.PermissionSet;
import io.miningos.gateway.domain.identity.Role;
import io.miningos.gateway.domain.identity.RoleCatalog;
import io.miningos.gateway.domain.testing.MutableClock;
import io.miningos.gateway.domain.user.Email;
import io.miningos.gateway.domain.user.NewUser;
import io.miningos.gateway.domain.user.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrateUsersServiceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final RecordingTransactions transactions = new RecordingTransactions();
    private MigrateUsersService migration;

    @BeforeEach
    void setUp() {
        users.ensureSuperAdmin(new Email("admin@example.com"), clock.instant());
        migration = new MigrateUsersService(users, RoleCatalog.defaults(), audit, transactions, clock);
    }

    @Test
    void listedPeopleBecomeOperatorsOrReadersByTheirWriteFlag() {
        List<User> created = migration.migrate(List.of(
                new ListedUser(new Email("writer@example.com"), true),
                new ListedUser(new Email("reader@example.com"), false)));

        assertEquals(2, created.size());
        assertEquals("site_operator", users.findByEmail(new Email("writer@example.com")).orElseThrow().role());
        assertEquals("read_only_user", users.findByEmail(new Email("reader@example.com")).orElseThrow().role());
        assertEquals(2, audit.latest(100).size());
        assertEquals("USER_CREATE", audit.latest(100).getLast().action());
        assertEquals(MigrateUsersService.ACTOR, audit.latest(100).getLast().actorEmail());
        assertEquals(1, transactions.started, "all or nothing");
    }

    @Test
    void theSuperAdminAndRepeatedEntriesAreSkipped() {
        List<User> created = migration.migrate(List.of(
                new ListedUser(new Email("admin@example.com"), true),
                new ListedUser(new Email("same@example.com"), true),
                new ListedUser(new Email("same@example.com"), false)));

        assertEquals(1, created.size());
        assertEquals("site_operator", created.getFirst().role());
        assertEquals(2, users.findAll().size());
    }

    @Test
    void nothingHappensOnceTheSiteHasOtherUsers() {
        users.insert(new NewUser(new Email("existing@example.com"), null, "site_manager"), clock.instant());
        List<User> created = migration.migrate(List.of(new ListedUser(new Email("new@example.com"), true)));

        assertTrue(created.isEmpty());
        assertTrue(users.findByEmail(new Email("new@example.com")).isEmpty());
        assertTrue(audit.latest(1).isEmpty());
    }

    @Test
    void aSecondStartCreatesNothingMore() {
        List<ListedUser> listed = List.of(new ListedUser(new Email("writer@example.com"), true));
        assertEquals(1, migration.migrate(listed).size());
        assertTrue(migration.migrate(listed).isEmpty());
        assertEquals(2, users.findAll().size());
    }

    @Test
    void aRoleTheSiteDoesNotHaveIsSkipped() {
        RoleCatalog readersOnly = new RoleCatalog(
                Map.of("read_only_user", new Role("read_only_user", PermissionSet.parse(List.of("miner:r")))),
                Map.of(), null);
        MigrateUsersService narrow = new MigrateUsersService(users, readersOnly, audit, transactions, clock);

        List<User> created = narrow.migrate(List.of(
                new ListedUser(new Email("writer@example.com"), true),
                new ListedUser(new Email("reader@example.com"), false)));

        assertEquals(List.of("reader@example.com"), created.stream().map(u -> u.email().value()).toList());
    }
}
