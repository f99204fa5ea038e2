package io.miningos.gateway.domain.ork;

import io.miningos.gateway.domain.error.DomainException;

import java.util.Arrays;

/** Where an ORK keeps an action, by its lifecycle stage (the {@code type} of action queries). */
public enum ActionStore {
    VOTING, READY, EXECUTING, DONE;

    public static final String TYPE_INVALID = "ERR_TYPE_INVALID";

    /** The name on the wire, e.g. {@code voting}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static boolean isWireName(Object text) {
        return Arrays.stream(values()).anyMatch(s -> s.wireName().equals(text));
    }

    public static ActionStore parse(String text) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(text)).findFirst()
                .orElseThrow(() -> DomainException.invalid(TYPE_INVALID));
    }
}
