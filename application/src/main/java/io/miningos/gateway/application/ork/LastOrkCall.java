package io.miningos.gateway.application.ork;

import java.time.Instant;
import java.util.Objects;

/**
 * How the last call to one ORK ended.
 *
 * @param outcome   {@value #OK}, or why it failed: {@code timeout}, {@code unavailable}, {@code bad_answer} or the
 *                  ORK's error code
 * @param reachable the ORK answered (successfully or with an error of its own)
 * @param at        when the call ended
 */
public record LastOrkCall(String outcome, boolean reachable, Instant at) {

    public static final String OK = "ok";

    public LastOrkCall {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(at, "at");
    }
}
