package io.miningos.gateway.application.identity.port.in;

import io.miningos.gateway.domain.user.Email;

import java.util.Objects;

/**
 * A person listed in a Node gateway's sign-in configuration ({@code users}), from before it kept users itself.
 *
 * @param write whether that person could change things; decides the role they are migrated with
 */
public record ListedUser(Email email, boolean write) {
    public ListedUser {
        Objects.requireNonNull(email, "email");
    }
}
