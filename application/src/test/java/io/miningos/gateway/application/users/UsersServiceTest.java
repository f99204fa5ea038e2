package io.miningos.gateway.application.users;

import io.miningos.gateway.application.identity.IdentityService;
import io.miningos.gateway.application.identity.IdentitySettings;
import io.miningos.gateway.application.identity.InMemoryAuditLog;
import io.miningos.gateway.application.identity.InMemoryTokenStore;
import io.miningos.gateway.application.identity.InMemoryUserRepository;
import io.miningos.gateway.application.identity.port.in.IssuedToken;
import io.miningos.gateway.application.shared.InMemoryTransactions;
import io.miningos.gateway.application.users.port.in.CreateUserCommand;
import io.miningos.gateway.application.users.port.in.UpdateUserCommand;
import io.miningos.gateway.application.users.port.in.UserView;
import io.miningos.gateway.domain.audit.AuditEntry;
import io.miningos.gateway.domain.caller.Caller;
import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.error.ErrorKind;
import io.miningos.gateway.domain.identity.RoleCatalog;
import io.miningos.gateway.domain.testing.MutableClock;
import io.miningos.gateway.domain.token.ClientIp;
import io.miningos.gateway.domain.user.Email;
import io.miningos.gateway.domain.user.NewUser;
import io.miningos.gateway.domain.user.User;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsersServiceTest {

    private static final Set<ClientIp> LOCAL = Set.of(ClientIp.parse("::1"));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T10:00:00Z"));
    private final InMemoryUserRepository repository = new InMemoryUserRepository();
    private final InMemoryTokenStore tokens = new InMemoryTokenStore();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final IdentityService identity = new IdentityService(repository, tokens, RoleCatalog.defaults(),
            new IdentitySettings(3600, 300), transactions, clock);
    private final UsersService users = new UsersService(repository, new InMemoryUserSettingsStore(), identity, audit,
            RoleCatalog.defaults(), transactions, clock);

    private final Caller root;
    private final Caller admin;
    private final Caller manager;

    UsersServiceTest() {
        repository.ensureSuperAdmin(new Email("root@example.com"), clock.instant());
        root = login("root@example.com");
        users.createFromConsole(new NewUser(new Email("admin@example.com"), "Ad Min", "admin"));
        admin = login("admin@example.com");
        users.createFromConsole(new NewUser(new Email("manager@example.com"), null, "site_manager"));
        manager = login("manager@example.com");
    }

    private Caller login(String email) {
        IssuedToken token = identity.issueFor(new Email(email), LOCAL, OptionalLong.empty());
        return identity.authenticate(token.text(), "::1");
    }

    private static void assertRefused(ErrorKind kind, String code, Runnable call) {
        DomainException e = assertThrows(DomainException.class, call::run);
        assertEquals(kind, e.kind());
        assertEquals(code, e.code());
    }

    private AuditEntry lastAudit() {
        return audit.latest(1).getFirst();
    }

    private long idOf(String email) {
        return repository.findByEmail(new Email(email)).orElseThrow().id();
    }

    @Test
    void createsUsersOfManageableRolesAndAuditsIt() {
        users.create(admin, new CreateUserCommand(new Email("op@example.com"), "Op", "site_operator"));
        User op = repository.findByEmail(new Email("op@example.com")).orElseThrow();
        assertEquals("site_operator", op.role());
        AuditEntry entry = lastAudit();
        assertEquals("USER_CREATE", entry.action());
        assertEquals("success", entry.outcome());
        assertEquals(admin.userId(), entry.actorId());
        assertEquals("op@example.com", entry.target());
        assertEquals("site_operator", entry.details().get("role"));
    }

    @Test
    void refusesCreatingBadOrForeignRolesAndDuplicates() {
        assertRefused(ErrorKind.INVALID_INPUT, "ERR_INVALID_ROLE",
                () -> users.create(admin, new CreateUserCommand(new Email("a@example.com"), null, "wizard")));
        assertRefused(ErrorKind.INVALID_INPUT, "ERR_INVALID_ROLE",
                () -> users.create(root, new CreateUserCommand(new Email("a@example.com"), null, "*")));
        assertRefused(ErrorKind.FORBIDDEN, "ERR_AUTH_FAIL_NO_PERMS",
                () -> users.create(admin, new CreateUserCommand(new Email("a@example.com"), null, "admin")));
        assertEquals("denied", lastAudit().outcome());
        assertRefused(ErrorKind.FORBIDDEN, "ERR_AUTH_FAIL_NO_PERMS",
                () -> users.create(manager, new CreateUserCommand(new Email("a@example.com"), null, "dev")));
        assertRefused(ErrorKind.CONFLICT, "ERR_USER_EXISTS",
                () -> users.create(root, new CreateUserCommand(Email.parse("MANAGER@example.com"), null, "dev")));
        assertEquals("conflict", lastAudit().outcome());
        assertTrue(repository.findByEmail(new Email("a@example.com")).isEmpty());
        // the super admin may create any configured role, admins included
        users.create(root, new CreateUserCommand(new Email("admin2@example.com"), null, "admin"));
    }

    @Test
    void listsOnlyManageableUsersAndNeverTheSuperAdmin() {
        users.create(root, new CreateUserCommand(new Email("dev@example.com"), null, "dev"));
        List<UserView> forRoot = users.list(root);
        assertEquals(List.of("admin@example.com", "manager@example.com", "dev@example.com"),
                forRoot.stream().map(UserView::email).toList());
        List<UserView> forAdmin = users.list(admin);
        assertEquals(List.of("manager@example.com", "dev@example.com"),
                forAdmin.stream().map(UserView::email).toList());
        assertEquals(List.of(), users.list(manager));
    }

    @Test
    void updatesChangeTheUserAndRevokeItsTokens() {
        long managerId = idOf("manager@example.com");
        IssuedToken managersToken = identity.issueFor(new Email("manager@example.com"), LOCAL, OptionalLong.empty());
        users.update(admin, new UpdateUserCommand(managerId, new Email("mgr@example.com"), "Mgr", "site_operator"));
        User updated = repository.findById(managerId).orElseThrow();
        assertEquals("mgr@example.com", updated.email().value());
        assertEquals("site_operator", updated.role());
        assertRefused(ErrorKind.UNAUTHENTICATED, "ERR_AUTH_FAIL",
                () -> identity.authenticate(managersToken.text(), "::1"));
        AuditEntry entry = lastAudit();
        assertEquals("USER_UPDATE", entry.action());
        assertEquals("site_manager", entry.details().get("oldRole"));
        assertEquals("site_operator", entry.details().get("newRole"));
    }

    @Test
    void theSuperAdminCannotBeUpdatedAndTheAttemptIsAudited() {
        assertRefused(ErrorKind.FORBIDDEN, "ERR_NOT_ALLOWED", () -> users.update(root,
                new UpdateUserCommand(1, new Email("other@example.com"), null, "admin")));
        AuditEntry entry = lastAudit();
        assertEquals("SUPER_ADMIN_MODIFICATION_ATTEMPT", entry.action());
        assertEquals("denied", entry.outcome());
        assertEquals("root@example.com", repository.findById(1).orElseThrow().email().value());
    }

    @Test
    void updateChecksExistenceBothRolesAndEmailClashes() {
        long managerId = idOf("manager@example.com");
        assertRefused(ErrorKind.NOT_FOUND, "ERR_USER_NOT_FOUND", () -> users.update(admin,
                new UpdateUserCommand(999, new Email("x@example.com"), null, "dev")));
        assertEquals("not_found", lastAudit().outcome());
        assertRefused(ErrorKind.FORBIDDEN, "ERR_AUTH_FAIL_NO_PERMS", () -> users.update(admin,
                new UpdateUserCommand(managerId, new Email("manager@example.com"), null, "admin")));
        long adminId = idOf("admin@example.com");
        assertRefused(ErrorKind.FORBIDDEN, "ERR_AUTH_FAIL_NO_PERMS", () -> users.update(admin,
                new UpdateUserCommand(adminId, new Email("admin@example.com"), null, "dev")));
        assertRefused(ErrorKind.CONFLICT, "ERR_USER_EXISTS", () -> users.update(root,
                new UpdateUserCommand(managerId, new Email("admin@example.com"), null, "dev")));
        assertRefused(ErrorKind.INVALID_INPUT, "ERR_INVALID_ROLE", () -> users.update(root,
                new UpdateUserCommand(managerId, new Email("m@example.com"), null, "wizard")));
        assertEquals("site_manager", repository.findById(managerId).orElseThrow().role());
    }

    @Test
    void deleteRefusesSelfSuperAdminUnknownAndForeignRoles() {
        assertRefused(ErrorKind.FORBIDDEN, "ERR_AUTH_FAIL_NO_PERMS", () -> users.delete(admin, admin.userId()));
        assertRefused(ErrorKind.FORBIDDEN, "ERR_AUTH_FAIL_NO_PERMS", () -> users.delete(root, 1));
        assertRefused(ErrorKind.FORBIDDEN, "ERR_NOT_ALLOWED", () -> users.delete(admin, 1));
        assertEquals("SUPER_ADMIN_DELETE_ATTEMPT", lastAudit().action());
        assertRefused(ErrorKind.NOT_FOUND, "ERR_USER_NOT_FOUND", () -> users.delete(admin, 999));
        users.create(root, new CreateUserCommand(new Email("admin2@example.com"), null, "admin"));
        assertRefused(ErrorKind.FORBIDDEN, "ERR_AUTH_FAIL_NO_PERMS",
                () -> users.delete(admin, idOf("admin2@example.com")));
        assertRefused(ErrorKind.INVALID_INPUT, "ERR_USER_ID_INVALID", () -> users.delete(admin, 0));
    }

    @Test
    void deleteRemovesTheUserAndItsTokens() {
        long managerId = idOf("manager@example.com");
        IssuedToken token = identity.issueFor(new Email("manager@example.com"), LOCAL, OptionalLong.empty());
        users.delete(admin, managerId);
        assertTrue(repository.findById(managerId).isEmpty());
        assertRefused(ErrorKind.UNAUTHENTICATED, "ERR_AUTH_FAIL", () -> identity.authenticate(token.text(), "::1"));
        AuditEntry entry = lastAudit();
        assertEquals("USER_DELETE", entry.action());
        assertEquals("success", entry.outcome());
        assertEquals("manager@example.com", entry.details().get("email"));
    }

    @Test
    void consoleCreationValidatesTheRoleAndUniqueness() {
        assertRefused(ErrorKind.INVALID_INPUT, "ERR_INVALID_ROLE",
                () -> users.createFromConsole(new NewUser(new Email("z@example.com"), null, "wizard")));
        assertRefused(ErrorKind.CONFLICT, "ERR_USER_EXISTS",
                () -> users.createFromConsole(new NewUser(new Email("admin@example.com"), null, "dev")));
        User created = users.createFromConsole(new NewUser(new Email("z@example.com"), null, "dev"));
        assertEquals("console", lastAudit().actorEmail());
        assertEquals(Long.toString(created.id()), lastAudit().details().get("userId"));
    }

    @Test
    void settingsAreEachCallersOwn() {
        assertEquals(Map.of(), users.settingsOf(manager));
        users.save(manager, Map.of("theme", "dark"));
        assertEquals(Map.of("theme", "dark"), users.settingsOf(manager));
        assertEquals(Map.of(), users.settingsOf(admin));
    }

    @Test
    void namesAreOptionalButBounded() {
        assertRefused(ErrorKind.INVALID_INPUT, "ERR_INVALID_NAME",
                () -> new CreateUserCommand(new Email("n@example.com"), "x".repeat(201), "dev"));
        assertRefused(ErrorKind.INVALID_INPUT, "ERR_INVALID_NAME",
                () -> new CreateUserCommand(new Email("n@example.com"), "bad\u0000name", "dev"));
    }
}
