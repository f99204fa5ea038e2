package io.miningos.gateway.application.users.port.in;

import io.miningos.gateway.domain.user.User;

/** A user as the users list shows it: {@code {id, email, name, role}}. */
public record UserView(long id, String email, String name, String role) {
    public static UserView of(User user) {
        return new UserView(user.id(), user.email().value(), user.name(), user.role());
    }
}
