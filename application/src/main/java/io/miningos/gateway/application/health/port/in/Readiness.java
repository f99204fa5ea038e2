package io.miningos.gateway.application.health.port.in;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of the readiness check.
 *
 * @param ready  whether the gateway can serve (see the service for the rule)
 * @param checks each check by name, in a stable order: {@code storage}, one {@code ork:<id>} per configured ORK, then
 *               the transports' components (e.g. {@code hrpc-bridge})
 */
public record Readiness(boolean ready, Map<String, Check> checks) {

    public Readiness {
        checks = Collections.unmodifiableMap(new LinkedHashMap<>(checks));
    }

    public enum Status {
        UP,
        DOWN,
        /** Not known yet, e.g. an ORK no request has asked since the start. */
        UNKNOWN
    }

    /**
     * One check.
     *
     * @param status what it found
     * @param detail a short word or phrase: for an ORK the outcome of its last call ({@code ok}, {@code timeout},
     *               {@code unavailable}, {@code bad_answer} or its error code); never a secret, never a host name
     * @param at     when it was found, if known
     */
    public record Check(Status status, String detail, Instant at) {
        public Check {
            Objects.requireNonNull(status, "status");
            detail = detail == null ? "" : detail;
        }
    }
}
