package io.miningos.gateway.application.health.port.out;

import java.util.List;
import java.util.Objects;

/** The state of what the gateway runs to reach its ORKs (e.g. a bridge process), read without calling any ORK. */
public interface ComponentProbe {

    ComponentProbe NONE = List::of;

    /** One entry per component; must answer at once and never throw. */
    List<ComponentState> components();

    /**
     * @param name   unique among the checks, e.g. {@code hrpc-bridge}
     * @param up     whether it works now
     * @param detail a short text for the operator, never a secret
     */
    record ComponentState(String name, boolean up, String detail) {
        public ComponentState {
            Objects.requireNonNull(name, "name");
            detail = detail == null ? "" : detail;
        }
    }
}
