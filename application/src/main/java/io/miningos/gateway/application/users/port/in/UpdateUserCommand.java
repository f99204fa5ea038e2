package io.miningos.gateway.application.users.port.in;

import io.miningos.gateway.domain.user.Email;

import java.util.Objects;

/** {@code PUT /auth/users}: replaces e-mail, name and role of user {@code id}. */
public record UpdateUserCommand(long id, Email email, String name, String role) {
    public UpdateUserCommand {
        UserIds.check(id);
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(role, "role");
        UserNames.check(name);
    }
}
