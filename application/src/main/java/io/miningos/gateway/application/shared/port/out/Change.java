package io.miningos.gateway.application.shared.port.out;

import io.miningos.gateway.domain.globaldata.GlobalDataType;

import java.util.Objects;

/**
 * Something one gateway instance changed in shared storage that others may hold in memory: what kind, and of what
 * (a user id, a global data type's wire name). Small on purpose: it travels as a notification payload.
 *
 * @param kind    what changed
 * @param subject of what: a user id, a global data type's wire name
 */
public record Change(Kind kind, String subject) {

    public enum Kind {
        /** Every token of the user revoked (a user revoked, changed or deleted): drop its sessions, close sockets. */
        USER_REVOKED,
        /** Some of the user's tokens revoked (over the cap): drop its cached sessions. */
        TOKENS_REVOKED,
        /** A global data type written: drop its cached reads. */
        GLOBAL_DATA
    }

    public Change {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        if (subject.isEmpty() || subject.length() > 100 || subject.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a change's subject is one short word: " + subject);
        }
    }

    public static Change userRevoked(long userId) {
        return new Change(Kind.USER_REVOKED, Long.toString(userId));
    }

    public static Change tokensRevoked(long userId) {
        return new Change(Kind.TOKENS_REVOKED, Long.toString(userId));
    }

    public static Change globalData(GlobalDataType type) {
        return new Change(Kind.GLOBAL_DATA, type.wireName());
    }

    /** The user id of a user or token change. */
    public long userId() {
        return Long.parseLong(subject);
    }
}
