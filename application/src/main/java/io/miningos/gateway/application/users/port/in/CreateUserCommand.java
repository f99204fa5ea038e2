package io.miningos.gateway.application.users.port.in;

import io.miningos.gateway.domain.user.Email;

import java.util.Objects;

/** {@code POST /auth/users}. The role is checked against the configured roles by the service. */
public record CreateUserCommand(Email email, String name, String role) {
    public CreateUserCommand {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(role, "role");
        UserNames.check(name);
    }
}
