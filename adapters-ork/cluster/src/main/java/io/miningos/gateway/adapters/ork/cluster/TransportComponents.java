package io.miningos.gateway.adapters.ork.cluster;

import io.miningos.gateway.adapters.ork.spi.OrkTransportProvider;
import io.miningos.gateway.adapters.ork.spi.TransportHealth;
import io.miningos.gateway.application.health.port.out.ComponentProbe;

import java.util.ArrayList;
import java.util.List;

/**
 * What the transports in use run to reach their ORKs, as their plugins report it ({@link OrkTransportProvider#health}).
 * A plugin that breaks the contract and throws is reported as its own component, down, instead of failing the check.
 */
public final class TransportComponents implements ComponentProbe {

    private final List<OrkTransportProvider> providers;

    /** @param providers the transports some configured ORK uses ({@link OrkTransportRegistry#usedBy}) */
    public TransportComponents(List<OrkTransportProvider> providers) {
        this.providers = List.copyOf(providers);
    }

    @Override
    public List<ComponentState> components() {
        List<ComponentState> states = new ArrayList<>();
        for (OrkTransportProvider provider : providers) {
            try {
                for (TransportHealth health : provider.health()) {
                    states.add(new ComponentState(health.component(), health.up(), health.detail()));
                }
            } catch (RuntimeException e) {
                states.add(new ComponentState("transport:" + provider.name(), false, "its health check failed"));
            }
        }
        return states;
    }
}
