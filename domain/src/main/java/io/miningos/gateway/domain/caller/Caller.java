package io.miningos.gateway.domain.caller;

import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.error.ErrorCodes;
import io.miningos.gateway.domain.identity.Permission;
import io.miningos.gateway.domain.identity.PermissionSet;
import io.miningos.gateway.domain.token.TokenGrant;
import io.miningos.gateway.domain.user.User;

import java.util.Objects;

/** The authenticated user behind a request, with the permissions of the role the token carries. */
public record Caller(User user, PermissionSet permissions, TokenGrant token) {

    public Caller {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(permissions, "permissions");
        Objects.requireNonNull(token, "token");
    }

    public long userId() {
        return user.id();
    }

    public String email() {
        return user.email().value();
    }

    public String role() {
        return user.role();
    }

    public boolean isSuperAdmin() {
        return user.isSuperAdmin();
    }

    /** Holds a {@code resource:level} permission such as {@code users:w}; the super admin holds all. */
    public boolean has(String requirement) {
        return isSuperAdmin() || permissions.allows(requirement);
    }

    /** "write" in the API: super admin or {@code actions:w}. */
    public boolean canWrite() {
        return isSuperAdmin() || permissions.allows("actions:w");
    }

    public void require(String requirement) {
        if (!has(requirement)) {
            throw DomainException.forbidden(ErrorCodes.AUTH_FAIL_NO_PERMS);
        }
    }

    /**
     * Holds a route's declared permission, and nothing more is asked: a read route that declares {@code miner:r}
     * needs {@code miner:r} only (the Node gateway also demanded the write flag, {@code actions:w}, so a read-only
     * user could not open a read route). {@code ERR_AUTH_FAIL_NO_PERMS} (403) otherwise.
     */
    public void require(Permission declared) {
        if (!isSuperAdmin() && !permissions.allows(declared)) {
            throw DomainException.forbidden(ErrorCodes.AUTH_FAIL_NO_PERMS);
        }
    }

    public void requireWrite() {
        if (!canWrite()) {
            throw DomainException.forbidden(ErrorCodes.WRITE_PERM_REQUIRED);
        }
    }
}
