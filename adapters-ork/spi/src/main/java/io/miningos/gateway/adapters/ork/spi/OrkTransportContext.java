package io.miningos.gateway.adapters.ork.spi;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a transport gets when it is opened for one ORK.
 *
 * @param orkId   the ORK's key in configuration, e.g. {@code cluster-1}
 * @param options that ORK's configuration object without the {@code transport} key; values are plain Java
 *                JSON values (Map, List, String, Number, Boolean, null)
 * @param dataDir the gateway's data directory, for state a transport keeps (keys, simulated site state)
 * @param clock   the gateway clock
 */
public record OrkTransportContext(String orkId, Map<String, Object> options, Path dataDir, Clock clock) {
    public OrkTransportContext {
        Objects.requireNonNull(orkId, "orkId");
        options = Map.copyOf(options);
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(clock, "clock");
    }
}
