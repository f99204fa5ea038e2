package io.miningos.gateway.application.ork.port.out;

import io.miningos.gateway.application.ork.port.OrkFailure;

import java.util.Objects;

/** How an {@link OrkCluster} call fails. Expected in operation, so it carries no stack trace. */
public final class OrkCallException extends RuntimeException {

    private final OrkFailure failure;

    public OrkCallException(OrkFailure failure) {
        super(failure.orkId() + ": " + failure.cause() + " " + failure.detail(), null, false, false);
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    public OrkFailure failure() {
        return failure;
    }
}
