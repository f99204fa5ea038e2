package io.miningos.gateway.application.users.port.in;

import io.miningos.gateway.domain.error.DomainException;

/** The optional display name of a user: any text up to 200 characters without control characters. */
public final class UserNames {
    public static final String INVALID = "ERR_INVALID_NAME";
    private static final int MAX = 200;

    private UserNames() {
    }

    static void check(String name) {
        if (name == null) {
            return;
        }
        if (name.length() > MAX || name.chars().anyMatch(Character::isISOControl)) {
            throw DomainException.invalid(INVALID);
        }
    }
}
