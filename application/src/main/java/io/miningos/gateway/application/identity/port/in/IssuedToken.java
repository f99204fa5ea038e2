package io.miningos.gateway.application.identity.port.in;

import io.miningos.gateway.domain.token.TokenGrant;

import java.util.Objects;

/** A freshly issued token: the text, handed out exactly once, and what is stored about it. */
public record IssuedToken(String text, TokenGrant grant) {
    public IssuedToken {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(grant, "grant");
    }

    @Override
    public String toString() {
        return "IssuedToken[user=" + grant.userId() + "]"; // never log the text
    }
}
