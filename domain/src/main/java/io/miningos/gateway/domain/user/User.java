package io.miningos.gateway.domain.user;

import io.miningos.gateway.domain.identity.Role;

import java.time.Instant;
import java.util.Objects;

/**
 * A person who may sign in. Every user holds exactly one role. The user with id 1 is the super admin: its
 * e-mail comes from configuration and it cannot be changed or deleted through the API.
 */
public record User(long id, Email email, String name, String role, Instant createdAt) {

    public static final long SUPER_ADMIN_ID = 1L;

    public User {
        if (id <= 0) {
            throw new IllegalArgumentException("user id must be positive");
        }
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
        if (isSuperAdminId(id) != Role.SUPER_ADMIN.equals(role)) {
            throw new IllegalArgumentException("only user 1 holds the super admin role");
        }
    }

    public static boolean isSuperAdminId(long id) {
        return id == SUPER_ADMIN_ID;
    }

    public boolean isSuperAdmin() {
        return isSuperAdminId(id);
    }

    public User withDetails(Email newEmail, String newName, String newRole) {
        return new User(id, newEmail, newName, newRole, createdAt);
    }
}
