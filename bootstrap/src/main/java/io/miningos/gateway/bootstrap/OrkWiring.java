package io.miningos.gateway.bootstrap;

import io.miningos.gateway.adapters.ork.cluster.OrkTransportRegistry;
import io.miningos.gateway.adapters.ork.cluster.TransportOrkCluster;
import io.miningos.gateway.adapters.ork.spi.OrkTransport;
import io.miningos.gateway.adapters.ork.spi.OrkTransportException;
import io.miningos.gateway.adapters.ork.spi.OrkTransportProvider;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Opens a transport for every configured ORK. A bad entry stops the start with a {@link ConfigException} naming
 * the file, the ORK and the key; a transport that cannot run on this machine (e.g. {@code hrpc} without Node.js)
 * with an {@link IllegalStateException} naming the ORK and saying what to install.
 */
final class OrkWiring {

    private OrkWiring() {
    }

    static TransportOrkCluster openCluster(Map<String, Map<String, Object>> orks, OrkTransportRegistry registry,
                                           Path dataDir, Clock clock, long maxAnswerBytes) {
        Map<String, OrkTransport> opened = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, Map<String, Object>> ork : orks.entrySet()) {
                try {
                    opened.put(ork.getKey(), registry.open(ork.getKey(), ork.getValue(), dataDir, clock));
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(ConfigLoader.COMMON + ": orks." + ork.getKey() + "." + e.getMessage(), e);
                } catch (OrkTransportException e) {
                    throw new IllegalStateException("ORK " + ork.getKey() + ": " + e.getMessage(), e);
                }
            }
        } catch (RuntimeException e) {
            new TransportOrkCluster(opened).close();
            throw e;
        }
        return new TransportOrkCluster(opened, maxAnswerBytes);
    }

    /**
     * The start-up notes of the transports some ORK uses, in the order of first use. A transport that fails to give
     * them stops the start like one that cannot open.
     */
    static List<String> startupNotes(Map<String, Map<String, Object>> orks, OrkTransportRegistry registry,
                                     Path dataDir) {
        List<String> notes = new ArrayList<>();
        for (OrkTransportProvider provider : registry.usedBy(orks.values())) {
            try {
                notes.addAll(provider.startupNotes(dataDir));
            } catch (OrkTransportException e) {
                throw new IllegalStateException("transport " + provider.name() + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(notes);
    }
}
