package io.miningos.gateway.application.ork;

import io.miningos.gateway.domain.ork.OrkMethod;

import java.util.Map;
import java.util.Objects;

/** One ORK read of a computed route: asked of every ORK. */
public record OrkCall(OrkMethod method, Map<String, Object> payload) {

    public OrkCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(payload, "payload");
    }
}
