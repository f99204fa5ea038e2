package io.miningos.gateway.application.identity;

import io.miningos.gateway.application.identity.port.out.UserRepository;
import io.miningos.gateway.domain.identity.Role;
import io.miningos.gateway.domain.user.Email;
import io.miningos.gateway.domain.user.NewUser;
import io.miningos.gateway.domain.user.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link UserRepository} must do; run against each implementation. */
public abstract class UserRepositoryContract {

    protected static final Instant NOW = Instant.parse("2026-11-01T10:00:00.123Z");
    private UserRepository users;

    protected abstract UserRepository newRepository();

    @BeforeEach
    void createRepository() {
        users = newRepository();
    }

    @Test
    void insertsAndFindsUsers() {
        User created = users.insert(new NewUser(new Email("op@example.com"), "Op Erator", "site_operator"), NOW);
        assertTrue(created.id() > 1, "ids of ordinary users never collide with the super admin");
        assertEquals(created, users.findById(created.id()).orElseThrow());
        assertEquals(created, users.findByEmail(new Email("op@example.com")).orElseThrow());
        assertEquals(NOW, created.createdAt());
        assertTrue(users.findById(999).isEmpty());
        assertTrue(users.findByEmail(new Email("nobody@example.com")).isEmpty());
    }

    @Test
    void listsByIdAndKeepsNamesOptional() {
        User a = users.insert(new NewUser(new Email("a@example.com"), null, "dev"), NOW);
        User b = users.insert(new NewUser(new Email("b@example.com"), "Bee", "read_only_user"), NOW);
        assertEquals(List.of(a, b), users.findAll());
        assertEquals(null, users.findById(a.id()).orElseThrow().name());
    }

    @Test
    void updatesAndDeletes() {
        User a = users.insert(new NewUser(new Email("a@example.com"), null, "dev"), NOW);
        User changed = a.withDetails(new Email("a2@example.com"), "A Two", "site_manager");
        users.update(changed, NOW.plusSeconds(5));
        assertEquals(changed, users.findById(a.id()).orElseThrow());
        assertTrue(users.findByEmail(new Email("a@example.com")).isEmpty());
        assertTrue(users.delete(a.id()));
        assertFalse(users.delete(a.id()));
        assertTrue(users.findById(a.id()).isEmpty());
    }

    @Test
    void deletedIdsAreNotReused() {
        User a = users.insert(new NewUser(new Email("a@example.com"), null, "dev"), NOW);
        users.delete(a.id());
        User b = users.insert(new NewUser(new Email("b@example.com"), null, "dev"), NOW);
        assertTrue(b.id() > a.id());
    }

    @Test
    void superAdminIsCreatedOnceAndFollowsTheConfiguredEmail() {
        assertFalse(users.ensureSuperAdmin(new Email("root@example.com"), NOW));
        User admin = users.findById(User.SUPER_ADMIN_ID).orElseThrow();
        assertEquals("root@example.com", admin.email().value());
        assertEquals(Role.SUPER_ADMIN, admin.role());
        assertFalse(users.ensureSuperAdmin(new Email("root@example.com"), NOW));
        assertTrue(users.ensureSuperAdmin(new Email("boss@example.com"), NOW));
        assertEquals("boss@example.com", users.findById(1).orElseThrow().email().value());
        User other = users.insert(new NewUser(new Email("taken@example.com"), null, "dev"), NOW);
        assertTrue(other.id() > 1);
        IllegalStateException clash = assertThrows(IllegalStateException.class,
                () -> users.ensureSuperAdmin(new Email("taken@example.com"), NOW));
        assertTrue(clash.getMessage().contains("taken@example.com"));
        assertEquals("boss@example.com", users.findById(1).orElseThrow().email().value());
    }
}
