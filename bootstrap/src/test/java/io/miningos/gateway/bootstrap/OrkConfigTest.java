package io.miningos.gateway.bootstrap;

import io.miningos.gateway.adapters.ork.OrkTransportRegistry;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ORK and fan-out configuration: transport selection, our {@code gateway.*} keys, cache timings. */
class OrkConfigTest {

    @TempDir
    Path dir;

    private GatewayConfig load(String commonJson) throws IOException {
        Path config = dir.resolve("config");
        Files.createDirectories(config);
        Files.writeString(config.resolve("common.json"), commonJson);
        return ConfigLoader.load(Optional.of(config));
    }

    /** A provider that records which ORKs it opened, with which options. */
    private static final class Recording implements OrkTransportProvider {
        private final String name;
        final List<OrkTransportContext> opened = new ArrayList<>();

        Recording(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public OrkTransport open(OrkTransportContext context) {
            if (context.options().get("rpcPublicKey") instanceof String key && key.length() != 64) {
                throw new IllegalArgumentException("rpcPublicKey: must be 64 hex characters");
            }
            opened.add(context);
            return new FakeOrk().transport();
        }
    }

    @Test
    void anUnknownTransportStopsTheStartNamingTheInstalledOnes() throws IOException {
        GatewayConfig config = load("{\"orks\": {\"cluster-1\": {\"transport\": \"sim\"},"
                + " \"cluster-2\": {\"transport\": \"carrier-pigeon\"}}}");
        Recording sim = new Recording("sim");
        OrkTransportRegistry registry = new OrkTransportRegistry(List.of(sim, new Recording("hrpc")));
        try (Gateway gateway = Gateway.open(config, dir.resolve("data"), Clock.systemUTC())) {
            ConfigException e = assertThrows(ConfigException.class, () -> gateway.serve(0, registry));
            assertEquals("common.json: orks.cluster-2.transport: unknown transport 'carrier-pigeon'"
                    + " (installed: hrpc, sim)", e.getMessage());
            assertEquals(1, sim.opened.size());
        }
    }

    @Test
    void aNodeGatewayEntryIsReachedWithHrpcAndItsOptionErrorsNameTheOrk() throws IOException {
        String key = "a".repeat(64);
        GatewayConfig config = load("{\"orks\": {\"cluster-1\": {\"rpcPublicKey\": \"" + key + "\"}},"
                + " \"rpcTimeout\": 2000}");
        Recording hrpc = new Recording("hrpc");
        try (Gateway gateway = Gateway.open(config, dir.resolve("data"), Clock.systemUTC())) {
            gateway.serve(0, new OrkTransportRegistry(List.of(hrpc)));
            assertEquals(Map.of("rpcPublicKey", key), hrpc.opened.getFirst().options());
            assertEquals("cluster-1", hrpc.opened.getFirst().orkId());
        }

        GatewayConfig bad = load("{\"orks\": {\"north\": {\"rpcPublicKey\": \"short\"}}}");
        try (Gateway gateway = Gateway.open(bad, dir.resolve("data2"), Clock.systemUTC())) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> gateway.serve(0, new OrkTransportRegistry(List.of(new Recording("hrpc")))));
            assertEquals("common.json: orks.north.rpcPublicKey: must be 64 hex characters", e.getMessage());
        }
    }

    @Test
    void theHrpcClientKeyIsNamedOnlyWhenSomeOrkIsReachedOverHrpc() throws IOException {
        GatewayConfig sims = load("{\"orks\": {\"cluster-1\": {\"transport\": \"sim\"}}}");
        Path simData = dir.resolve("sim-data");
        try (Gateway gateway = Gateway.open(sims, simData, Clock.systemUTC())) {
            gateway.serve(0, new OrkTransportRegistry(List.of(new Recording("sim"))));
            assertEquals(Optional.empty(), gateway.hrpcClientKey());
        }
        assertFalse(Files.exists(simData.resolve(GatewayKeys.FILE_NAME)), "no key pair for a site without hrpc");

        GatewayConfig mixed = load("{\"orks\": {\"cluster-1\": {\"transport\": \"sim\"},"
                + " \"cluster-2\": {\"rpcPublicKey\": \"" + "b".repeat(64) + "\"}}}");
        Path mixedData = dir.resolve("mixed-data");
        try (Gateway gateway = Gateway.open(mixed, mixedData, Clock.systemUTC())) {
            assertEquals(Optional.empty(), gateway.hrpcClientKey(), "nothing is reached before serve");
            gateway.serve(0, new OrkTransportRegistry(List.of(new Recording("sim"), new Recording("hrpc"))));
            assertEquals(Optional.of(GatewayKeys.loadOrCreate(mixedData).publicKeyHex()), gateway.hrpcClientKey());
        }
    }

    @Test
    void withoutNodeJsAnHrpcOrkStopsTheStartSayingWhatToInstall() throws IOException {
        GatewayConfig config = load("{\"orks\": {\"cluster-1\": {\"transport\": \"sim\"},"
                + " \"north\": {\"rpcPublicKey\": \"" + "c".repeat(64) + "\"}}}");
        Recording sim = new Recording("sim");
        OrkTransportRegistry registry = new OrkTransportRegistry(List.of(sim,
                new HrpcTransportProvider(dir.resolve("no-such-node").toString())));
        try (Gateway gateway = Gateway.open(config, dir.resolve("data"), Clock.systemUTC())) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> gateway.serve(0, registry));
            assertTrue(e.getMessage().startsWith("ORK north: hrpc transport needs Node.js >= 20 (found none: "),
                    e.getMessage());
            assertTrue(e.getMessage().endsWith("install Node.js 20 or newer and put 'node' on the PATH"),
                    e.getMessage());
            assertEquals(1, sim.opened.size(), "cluster-1, listed first, was opened before north failed");
        }
    }

    @Test
    void fanOutSettingsAreReadFromGatewayKeys() throws IOException {
        GatewayConfig config = load("{\"gateway\": {\"port\": 3100, \"orkConcurrency\": 4,"
                + " \"cacheMaxBytes\": 2097152, \"partialCacheTtl\": \"2s\"}}");
        assertEquals(new FanOutConfig(4, 2_097_152, Duration.ofSeconds(2)), config.fanOut());
        assertEquals(3100, config.http().port());
        assertEquals(FanOutConfig.defaults(), load("{}").fanOut());
        assertTrue(FanOutConfig.defaults().orkConcurrency() >= 8);
    }

    @Test
    void badFanOutSettingsStopTheStart() throws IOException {
        assertEquals("common.json: gateway.orkConcurrency: must be an integer between 1 and 256",
                assertThrows(ConfigException.class, () -> load("{\"gateway\": {\"orkConcurrency\": 0}}"))
                        .getMessage());
        assertTrue(assertThrows(ConfigException.class, () -> load("{\"gateway\": {\"partialCacheTtl\": \"soon\"}}"))
                .getMessage().startsWith("common.json: gateway.partialCacheTtl: "));
        assertTrue(assertThrows(ConfigException.class, () -> load("{\"gateway\": {\"partialCacheTtl\": \"1h\"}}"))
                .getMessage().startsWith("common.json: gateway.partialCacheTtl: must be between"));
        assertEquals(Duration.ofMillis(500), load("{\"gateway\": {\"alertsInterval\": \"500ms\"}}").fanOut()
                .alertsInterval());
        assertEquals(FanOutConfig.DEFAULT_ALERTS_INTERVAL, load("{}").fanOut().alertsInterval());
        assertTrue(assertThrows(ConfigException.class, () -> load("{\"gateway\": {\"alertsInterval\": \"10ms\"}}"))
                .getMessage().startsWith("common.json: gateway.alertsInterval: must be between"));
        assertEquals("common.json: gateway.orkConcurency: unknown key",
                assertThrows(ConfigException.class, () -> load("{\"gateway\": {\"orkConcurency\": 8}}"))
                        .getMessage());
    }

    @Test
    void cacheTimingsAreCheckedWhenLoaded() throws IOException {
        assertEquals(Map.of("/auth/list-things", "15s", "/auth/actions", "10s"),
                load("{\"cacheTiming\": {\"/auth/list-things\": \"15s\", \"/auth/actions\": \"10s\"}}").cacheTiming());
        assertTrue(assertThrows(ConfigException.class,
                () -> load("{\"cacheTiming\": {\"/auth/list-things\": \"15 seconds\"}}")).getMessage()
                .startsWith("common.json: cacheTiming./auth/list-things: not a duration"));
    }

    @Test
    void theEmbeddedDemoSiteUsesSimulatedOrksAndTheNodeCacheTimings() {
        GatewayConfig demo = ConfigLoader.embeddedDefault();
        demo.orks().values().forEach(ork -> assertEquals("sim", ork.get("transport")));
        assertEquals("15s", demo.cacheTiming().get("/auth/list-things"));
        assertEquals("15s", demo.cacheTiming().get("/auth/tail-log"));
        assertEquals("30s", demo.cacheTiming().get("/auth/actions/:type/:id"));
        assertEquals(FanOutConfig.defaults(), demo.fanOut());
    }
}
