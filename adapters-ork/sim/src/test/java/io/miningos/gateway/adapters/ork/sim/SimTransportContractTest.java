package io.miningos.gateway.adapters.ork.sim;

import io.miningos.gateway.adapters.ork.spi.OrkTransportContract;
import io.miningos.gateway.adapters.ork.spi.OrkTransportProvider;

import java.util.List;
import java.util.Map;

/** The transport contract on the sim transport: a one-miner site, silenced by its {@code latencyMs} knob. */
class SimTransportContractTest extends OrkTransportContract {

    private static final OrkTransportProvider PROVIDER = new SimTransportProvider();

    @Override
    protected OrkTransportProvider provider() {
        return PROVIDER;
    }

    @Override
    protected Target echo() {
        return new Target(Map.of("miners", 1, "persist", false), "echo");
    }

    @Override
    protected Target silent() {
        return new Target(Map.of("miners", 1, "persist", false, "latencyMs", 60_000), "listRacks");
    }

    @Override
    protected List<BadOption> badOptions() {
        return List.of(new BadOption(Map.of("miners", 0), "miners"),
                new BadOption(Map.of("failureRate", "often"), "failureRate"));
    }
}
