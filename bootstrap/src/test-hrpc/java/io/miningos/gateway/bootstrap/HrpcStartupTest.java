package io.miningos.gateway.bootstrap;

import io.miningos.gateway.adapters.ork.cluster.OrkTransportRegistry;
import io.miningos.gateway.adapters.ork.hrpc.GatewayKeys;
import io.miningos.gateway.adapters.ork.hrpc.HrpcTransportProvider;
import io.miningos.gateway.adapters.ork.spi.OrkTransport;
import io.miningos.gateway.adapters.ork.spi.OrkTransportContext;
import io.miningos.gateway.adapters.ork.spi.OrkTransportProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A gateway start with hrpc ORKs: the client key it prints, and what it says without Node.js. */
class HrpcStartupTest {

    @TempDir
    Path dir;

    private GatewayConfig load(String commonJson) throws IOException {
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve("common.json"), commonJson);
        return ConfigLoader.load(Optional.of(config));
    }

    /** The real hrpc provider's notes and commands, with ORKs opened in memory instead of over a bridge. */
    private static final class HrpcWithoutBridge implements OrkTransportProvider {
        private final HrpcTransportProvider real = new HrpcTransportProvider();

        @Override
        public String name() {
            return real.name();
        }

        @Override
        public OrkTransport open(OrkTransportContext context) {
            return new FakeOrk().transport();
        }

        @Override
        public List<String> startupNotes(Path dataDir) {
            return real.startupNotes(dataDir);
        }
    }

    private static OrkTransportProvider sim() {
        return new OrkTransportProvider() {
            @Override
            public String name() {
                return "sim";
            }

            @Override
            public OrkTransport open(OrkTransportContext context) {
                return new FakeOrk().transport();
            }
        };
    }

    @Test
    void theHrpcClientKeyIsNamedOnlyWhenSomeOrkIsReachedOverHrpc() throws IOException {
        GatewayConfig sims = load("{\"orks\": {\"cluster-1\": {\"transport\": \"sim\"}}}");
        Path simData = dir.resolve("sim-data");
        try (Gateway gateway = Gateway.open(sims, simData, Clock.systemUTC())) {
            gateway.serve(0, new OrkTransportRegistry(List.of(sim(), new HrpcWithoutBridge())));
            assertEquals(List.of(), gateway.startupNotes());
        }
        assertFalse(Files.exists(simData.resolve(GatewayKeys.FILE_NAME)), "no key pair for a site without hrpc");

        GatewayConfig mixed = load("{\"orks\": {\"cluster-1\": {\"transport\": \"sim\"},"
                + " \"cluster-2\": {\"rpcPublicKey\": \"" + "b".repeat(64) + "\"}}}");
        Path mixedData = dir.resolve("mixed-data");
        try (Gateway gateway = Gateway.open(mixed, mixedData, Clock.systemUTC())) {
            gateway.serve(0, new OrkTransportRegistry(List.of(sim(), new HrpcWithoutBridge())));
            assertEquals(List.of("hrpc client key (allow it on your ORKs): "
                    + GatewayKeys.loadOrCreate(mixedData).publicKeyHex()), gateway.startupNotes());
        }
    }

    @Test
    void withoutNodeJsAnHrpcOrkStopsTheStartSayingWhatToInstall() throws IOException {
        GatewayConfig config = load("{\"orks\": {\"cluster-1\": {\"transport\": \"sim\"},"
                + " \"north\": {\"rpcPublicKey\": \"" + "c".repeat(64) + "\"}}}");
        OrkTransportRegistry registry = new OrkTransportRegistry(List.of(sim(),
                new HrpcTransportProvider(dir.resolve("no-such-node").toString())));
        try (Gateway gateway = Gateway.open(config, dir.resolve("data"), Clock.systemUTC())) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> gateway.serve(0, registry));
            assertTrue(e.getMessage().startsWith("ORK north: hrpc transport needs Node.js >= 20 (found none: "),
                    e.getMessage());
            assertTrue(e.getMessage().endsWith("install Node.js 20 or newer and put 'node' on the PATH"),
                    e.getMessage());
        }
    }
}
