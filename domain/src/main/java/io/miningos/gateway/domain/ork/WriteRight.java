package io.miningos.gateway.domain.ork;

import io.miningos.gateway.domain.caller.Caller;

/** What a caller must hold for the gateway to relay an ORK write ({@link OrkMethod#right()}). */
public enum WriteRight {
    /**
     * "write" in the API: the super admin or {@code actions:w}; refused with {@code ERR_WRITE_PERM_REQUIRED}. The
     * ORK then checks the caller's own permissions ({@code authPerms}) against what the write touches.
     */
    WRITE(null),
    /** {@code comments:w}; refused with {@code ERR_AUTH_FAIL_NO_PERMS}. */
    COMMENTS("comments:w"),
    /** {@code features:w}; refused with {@code ERR_AUTH_FAIL_NO_PERMS}. */
    FEATURES("features:w"),
    /** {@code miner:w}; refused with {@code ERR_AUTH_FAIL_NO_PERMS}. */
    MINERS("miner:w");

    private final String permission;

    WriteRight(String permission) {
        this.permission = permission;
    }

    /** Passes if {@code caller} holds this right; throws the 403 {@code DomainException} otherwise. */
    public void check(Caller caller) {
        if (permission == null) {
            caller.requireWrite();
        } else {
            caller.require(permission);
        }
    }
}
