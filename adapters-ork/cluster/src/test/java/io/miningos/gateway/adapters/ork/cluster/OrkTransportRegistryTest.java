package io.miningos.gateway.adapters.ork.cluster;

import io.miningos.gateway.adapters.ork.spi.OrkTransport;
import io.miningos.gateway.adapters.ork.spi.OrkTransportContext;
import io.miningos.gateway.adapters.ork.spi.OrkTransportProvider;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrkTransportRegistryTest {

    private static final Path DATA = Path.of("data");
    private static final Clock CLOCK = Clock.systemUTC();

    /** A provider that records the context it was opened with. */
    static final class RecordingProvider implements OrkTransportProvider {
        private final String name;
        OrkTransportContext opened;

        RecordingProvider(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public OrkTransport open(OrkTransportContext context) {
            if (context.options().containsKey("port") && !(context.options().get("port") instanceof Integer)) {
                throw new IllegalArgumentException("port: must be a number");
            }
            opened = context;
            return ScriptedTransport.answering("[]");
        }
    }

    @Test
    void anUnknownTransportIsRefusedNamingTheInstalledOnes() {
        OrkTransportRegistry registry = new OrkTransportRegistry(List.of(new RecordingProvider("sim"),
                new RecordingProvider("hrpc")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> registry.open("cluster-1", Map.of("transport", "x"), DATA, CLOCK));
        assertEquals("transport: unknown transport 'x' (installed: hrpc, sim)", e.getMessage());
    }

    @Test
    void withNothingInstalledTheMessageSaysSo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new OrkTransportRegistry(List.of()).open("c", Map.of("transport", "sim"), DATA, CLOCK));
        assertEquals("transport: unknown transport 'sim' (installed: none)", e.getMessage());
    }

    @Test
    void aNodeGatewayEntryWithOnlyAnRpcKeyMeansHrpc() {
        RecordingProvider hrpc = new RecordingProvider("hrpc");
        OrkTransportRegistry registry = new OrkTransportRegistry(List.of(hrpc, new RecordingProvider("sim")));
        registry.open("cluster-1", Map.of("rpcPublicKey", "ab12"), DATA, CLOCK);
        assertEquals("cluster-1", hrpc.opened.orkId());
        assertEquals(Map.of("rpcPublicKey", "ab12"), hrpc.opened.options());
        assertEquals(DATA, hrpc.opened.dataDir());
    }

    @Test
    void theNamedTransportGetsItsOptionsWithoutTheTransportKey() {
        RecordingProvider sim = new RecordingProvider("sim");
        new OrkTransportRegistry(List.of(sim)).open("c", Map.of("transport", "sim", "seed", 7), DATA, CLOCK);
        assertEquals(Map.of("seed", 7), sim.opened.options());
    }

    @Test
    void aMissingOrMalformedTransportNameIsRefused() {
        OrkTransportRegistry registry = new OrkTransportRegistry(List.of(new RecordingProvider("sim")));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> registry.open("c", Map.of("seed", 1), DATA, CLOCK)).getMessage()
                .startsWith("transport: missing"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> registry.open("c", Map.of("transport", 5), DATA, CLOCK)).getMessage()
                .startsWith("transport: must be"));
    }

    @Test
    void aProvidersOptionErrorComesThroughUnchanged() {
        OrkTransportRegistry registry = new OrkTransportRegistry(List.of(new RecordingProvider("sim")));
        assertEquals("port: must be a number", assertThrows(IllegalArgumentException.class,
                () -> registry.open("c", Map.of("transport", "sim", "port", "x"), DATA, CLOCK)).getMessage());
    }

    @Test
    void twoTransportsWithOneNameAreAnInstallationError() {
        assertThrows(IllegalStateException.class, () -> new OrkTransportRegistry(
                List.of(new RecordingProvider("sim"), new RecordingProvider("sim"))));
    }

    @Test
    void theProvidersInUseAreThoseSomeOrkNamesInOrderOfFirstUse() {
        RecordingProvider sim = new RecordingProvider("sim");
        RecordingProvider hrpc = new RecordingProvider("hrpc");
        RecordingProvider other = new RecordingProvider("other");
        OrkTransportRegistry registry = new OrkTransportRegistry(List.of(other, sim, hrpc));

        assertEquals(List.of(hrpc, other, sim), registry.providers());
        assertEquals(List.of(sim, hrpc), registry.usedBy(List.of(Map.of("transport", "sim"),
                Map.of("rpcPublicKey", "k"), Map.of("transport", "sim"), Map.of("transport", "not-installed"))));
        assertEquals(List.of(), registry.usedBy(List.of()));
    }

    @Test
    void installedTransportsAreDiscoveredFromTheServiceRegistration() {
        OrkTransportRegistry installed = OrkTransportRegistry.installed();
        assertTrue(installed.names().contains(EchoTransportProvider.NAME), installed.names().toString());
        OrkTransport echo = installed.open("c", Map.of("transport", EchoTransportProvider.NAME), DATA, CLOCK);
        assertEquals("{\"echo\":1}", new String(echo.call("echo", ScriptedTransport.bytes("{\"echo\":1}"),
                java.time.Duration.ofSeconds(1)).join(), java.nio.charset.StandardCharsets.UTF_8));
    }
}
