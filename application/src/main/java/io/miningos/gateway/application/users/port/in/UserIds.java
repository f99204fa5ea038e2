package io.miningos.gateway.application.users.port.in;

import io.miningos.gateway.domain.error.DomainException;

/** User ids in requests: positive integers. */
public final class UserIds {
    public static final String INVALID = "ERR_USER_ID_INVALID";

    private UserIds() {
    }

    public static long check(long id) {
        if (id <= 0) {
            throw DomainException.invalid(INVALID);
        }
        return id;
    }
}
