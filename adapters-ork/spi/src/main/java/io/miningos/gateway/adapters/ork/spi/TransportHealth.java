package io.miningos.gateway.adapters.ork.spi;

import java.util.Objects;

/**
 * The state of something a transport runs to reach its ORKs (a child process, a shared connection), as the
 * gateway's readiness check shows it.
 *
 * @param component a short lower-case name unique among the gateway's checks, e.g. {@code hrpc-bridge}
 * @param up        whether it works now; a component that is down makes the gateway not ready
 * @param detail    a short text for the operator, e.g. {@code "restarting (3rd restart in a row)"}; never a secret
 *                  (no keys, no tokens)
 */
public record TransportHealth(String component, boolean up, String detail) {
    public TransportHealth {
        Objects.requireNonNull(component, "component");
        detail = detail == null ? "" : detail;
    }
}
