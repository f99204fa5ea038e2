package io.miningos.gateway.adapters.ork.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.miningos.gateway.adapters.ork.spi.OrkTransport;
import io.miningos.gateway.adapters.ork.spi.OrkTransportContext;
import io.miningos.gateway.adapters.ork.spi.OrkTransportProvider;

import java.util.Map;

/**
 * {@code transport: "sim"}: an embedded simulated mining site that answers like a real ORK, so the gateway runs
 * with no external service. Options: see {@link SimOptions}.
 */
public final class SimTransportProvider implements OrkTransportProvider {

    @Override
    public String name() {
        return "sim";
    }

    @Override
    public void validate(String orkId, Map<String, Object> options) {
        SimOptions.parse(orkId, options);
    }

    @Override
    public OrkTransport open(OrkTransportContext context) {
        SimOptions options = SimOptions.parse(context.orkId(), context.options());
        ObjectMapper json = new ObjectMapper();
        StateFile state = options.persist()
                ? new StateFile(context.dataDir().resolve("sim").resolve(fileName(context.orkId()) + ".json"), json)
                : null;
        return new SimTransport(context.orkId(), new SimOrk(options, context.clock(), state), options, json);
    }

    /** The ORK id made safe as a file name. */
    static String fileName(String orkId) {
        String safe = orkId.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() || safe.startsWith(".") ? "ork" + safe : safe;
    }
}
