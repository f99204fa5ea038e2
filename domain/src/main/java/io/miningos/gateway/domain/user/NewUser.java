package io.miningos.gateway.domain.user;

import io.miningos.gateway.domain.identity.Role;

import java.util.Objects;

/** A user about to be created: everything but the id, which storage assigns. */
public record NewUser(Email email, String name, String role) {
    public NewUser {
        Objects.requireNonNull(email, "email");
        if (!Role.isValidName(role)) {
            throw new IllegalArgumentException("new users need a configured role, not " + role);
        }
    }
}
