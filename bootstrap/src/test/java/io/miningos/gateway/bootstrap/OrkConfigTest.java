package io.miningos.gateway.bootstrap;

import io.miningos.gateway.adapters.ork.cluster.OrkTransportRegistry;
import io.miningos.gateway.adapters.ork.spi.OrkTransport;
import io.miningos.gateway.adapters.ork.spi.OrkTransportContext;
import io.miningos.gateway.adapters.ork.spi.OrkTransportException;
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

    /** A provider that records which ORKs it opened, with which options, and which data dirs it gave notes for. */
    private static final class Recording implements OrkTransportProvider {
        private final String name;
        private final String cannotRun;
        final List<OrkTransportContext> opened = new ArrayList<>();
        final List<Path> notesAskedFor = new ArrayList<>();

        Recording(String name) {
            this(name, null);
        }

        /** @param cannotRun when not null, {@link #open} fails with it as a transport that can't run here */
        Recording(String name, String cannotRun) {
            this.name = name;
            this.cannotRun = cannotRun;
        }

        @Override
        public List<String> startupNotes(Path dataDir) {
            notesAskedFor.add(dataDir);
            return List.of(name + " note 1", name + " note 2");
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
            if (cannotRun != null) {
                throw new OrkTransportException(cannotRun);
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
            assertEquals(0, sim.opened.size(), "every entry is checked before any ORK opens");
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
    void startupNotesComeOnlyFromTheTransportsSomeOrkUses() throws IOException {
        GatewayConfig sims = load("{\"orks\": {\"cluster-1\": {\"transport\": \"sim\"}}}");
        Recording unused = new Recording("hrpc");
        try (Gateway gateway = Gateway.open(sims, dir.resolve("sim-data"), Clock.systemUTC())) {
            gateway.serve(0, new OrkTransportRegistry(List.of(new Recording("sim"), unused)));
            assertEquals(List.of("sim note 1", "sim note 2"), gateway.startupNotes());
        }
        assertEquals(List.of(), unused.notesAskedFor, "a transport no ORK uses is not asked");

        GatewayConfig mixed = load("{\"orks\": {\"cluster-1\": {\"rpcPublicKey\": \"" + "b".repeat(64) + "\"},"
                + " \"cluster-2\": {\"transport\": \"sim\"}, \"cluster-3\": {\"transport\": \"sim\"}}}");
        Path mixedData = dir.resolve("mixed-data");
        Recording sim = new Recording("sim");
        try (Gateway gateway = Gateway.open(mixed, mixedData, Clock.systemUTC())) {
            assertEquals(List.of(), gateway.startupNotes(), "nothing is reached before serve");
            gateway.serve(0, new OrkTransportRegistry(List.of(sim, new Recording("hrpc"))));
            assertEquals(List.of("hrpc note 1", "hrpc note 2", "sim note 1", "sim note 2"), gateway.startupNotes(),
                    "in the order the ORKs first use each transport");
        }
        assertEquals(List.of(mixedData.toAbsolutePath()), sim.notesAskedFor, "once per start, with the data dir");
    }

    @Test
    void aTransportThatCannotRunHereStopsTheStartNamingTheOrk() throws IOException {
        GatewayConfig config = load("{\"orks\": {\"cluster-1\": {\"transport\": \"sim\"},"
                + " \"north\": {\"transport\": \"pigeon\"}}}");
        Recording sim = new Recording("sim");
        OrkTransportRegistry registry = new OrkTransportRegistry(List.of(sim,
                new Recording("pigeon", "pigeon transport needs a loft; build one")));
        try (Gateway gateway = Gateway.open(config, dir.resolve("data"), Clock.systemUTC())) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> gateway.serve(0, registry));
            assertEquals("ORK north: pigeon transport needs a loft; build one", e.getMessage());
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
    void theCacheBoundDefaultsToAQuarterOfTheHeapAtMost32MiB() {
        long mib = 1024 * 1024;
        assertEquals(32 * mib, FanOutConfig.defaultCacheMaxBytes(6_028 * mib), "java -jar on a 24 GB machine");
        assertEquals(32 * mib, FanOutConfig.defaultCacheMaxBytes(128 * mib), "the launcher's heap");
        assertEquals(16 * mib, FanOutConfig.defaultCacheMaxBytes(64 * mib));
        assertEquals(mib, FanOutConfig.defaultCacheMaxBytes(2 * mib), "never below the configurable minimum");
        assertEquals(32 * mib, FanOutConfig.defaultCacheMaxBytes(Long.MAX_VALUE), "a JVM without a heap limit");
        assertEquals(FanOutConfig.defaultCacheMaxBytes(Runtime.getRuntime().maxMemory()),
                FanOutConfig.defaults().cacheMaxBytes());
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
