package io.miningos.gateway.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A third-party transport added to the shipped jar by dropping its jar into a plugins folder: the benchmark's
 * {@code bench-fixed} transport ({@code bench/fixture}), compiled against the SPI in the gateway jar as its author
 * would, serves an ORK behind the real HTTP routes.
 */
class PluginsFolderIT {

    private static final Path FIXTURE = Path.of(System.getProperty("bench.fixture.dir", "../bench/fixture"))
            .resolve("FixedSiteTransportProvider.java");

    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private Path benchFixedPlugin(Path plugins) throws Exception {
        return PluginJars.build(plugins.resolve("bench-fixed.jar"), GatewayProcess.jar().toString(),
                "io.miningos.bench.FixedSiteTransportProvider", FIXTURE);
    }

    private Path config(String gatewaySection) throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve("common.json"), """
                {"site": "plugin-site",
                 "orks": {"cluster-1": {"transport": "bench-fixed", "things": 3}},
                 "gateway": {"host": "127.0.0.1"%s}}""".formatted(gatewaySection));
        return config;
    }

    private List<String> thingIds(GatewayProcess gateway, Path config, Path data) throws Exception {
        GatewayProcess.Run token = GatewayProcess.run("token", "--config", config.toString(), "--data-dir",
                data.toString(), "--email", "admin@example.com");
        assertEquals(0, token.exit(), token.stderr());
        HttpResponse<String> things = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port
                + "/auth/list-things")).header("Authorization", "Bearer " + token.lastLine()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, things.statusCode(), things.body());
        JsonNode slots = json.readTree(things.body());
        assertEquals(1, slots.size(), things.body());
        return StreamSupport.stream(slots.get(0).spliterator(), false).map(thing -> thing.get("id").asText()).toList();
    }

    @Test
    void aTransportInTheConfiguredPluginsFolderServesItsOrk() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("site-plugins"));
        Path jar = benchFixedPlugin(plugins);
        Path config = config(", \"pluginsDir\": \"" + plugins + "\"");
        Path data = dir.resolve("data");

        try (GatewayProcess gateway = GatewayProcess.serve("--config", config.toString(), "--data-dir",
                data.toString())) {
            assertEquals(List.of("cluster-1-miner-0", "cluster-1-miner-1", "cluster-1-miner-2"),
                    thingIds(gateway, config, data));
            assertTrue(gateway.output().stream().anyMatch(line ->
                    line.contains("plugin jar " + jar + " adds ORK transport(s): bench-fixed")), gateway.output()
                    .toString());
        }
    }

    @Test
    void theDistributionsPluginsFolderNextToTheJarIsUsedByDefault() throws Exception {
        Path dist = Files.createDirectories(dir.resolve("dist"));
        Path gatewayJar = Files.copy(GatewayProcess.jar(), dist.resolve("miningos-gateway.jar"));
        benchFixedPlugin(Files.createDirectories(dist.resolve("plugins")));
        Path config = config("");
        Path data = dir.resolve("data");

        try (GatewayProcess gateway = GatewayProcess.serve(gatewayJar, "--config", config.toString(), "--data-dir",
                data.toString())) {
            assertEquals(List.of("cluster-1-miner-0", "cluster-1-miner-1", "cluster-1-miner-2"),
                    thingIds(gateway, config, data));
        }
    }

    @Test
    void aPluginTakingAnInstalledTransportsNameStopsTheStartInOneLine() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("site-plugins"));
        Path source = PluginJars.providerSource(dir.resolve("src"), "com.example.sim", "OtherSimProvider", "sim");
        Path jar = PluginJars.build(plugins.resolve("other-sim.jar"), GatewayProcess.jar().toString(),
                "com.example.sim.OtherSimProvider", source);
        Path config = config(", \"pluginsDir\": \"" + plugins + "\"");

        GatewayProcess.Run serve = GatewayProcess.run("serve", "--port", "0", "--config", config.toString(),
                "--data-dir", dir.resolve("data").toString());

        assertEquals(1, serve.exit(), serve.stdout());
        List<String> errors = serve.stderr().lines().filter(line -> line.startsWith("error: ")).toList();
        assertEquals(List.of("error: plugin jar " + jar + ": transport 'sim' is already installed by the class path"
                + " (io.miningos.gateway.adapters.ork.sim.SimTransportProvider); remove one of them"), errors,
                serve.stderr());
        assertTrue(serve.stderr().lines().noneMatch(line -> line.trim().startsWith("at ")), "no stack trace");
    }
}
