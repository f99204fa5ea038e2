package io.miningos.gateway.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import io.miningos.gateway.adapters.ork.hrpc.HrpcTestNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built jar with an hrpc ORK, run as an operator runs it: the key command, the key in the welcome output,
 * reads through the bridge unpacked from the shaded jar, and a one-line refusal to start without Node.js.
 */
class HrpcJarIT {

    @TempDir
    Path dataDir;
    @TempDir
    Path configDir;

    private static void writeConfig(Path folder, Map<String, Object> ork) throws IOException {
        Map<String, Object> common = new LinkedHashMap<>();
        common.put("orks", Map.of("cluster-1", ork));
        common.put("gateway", Map.of("host", "127.0.0.1"));
        Files.writeString(folder.resolve("common.json"), FakeOrk.JSON.writeValueAsString(common));
    }

    @Test
    void theKeyCommandNamesTheKeyTheServerUsesAndTheOrkAnswersThroughTheJar() throws Exception {
        GatewayProcess.Run key = GatewayProcess.run("hrpc-key", "--data-dir", dataDir.toString());
        assertEquals(0, key.exit(), key.stderr());
        String clientKey = key.lastLine();
        assertTrue(clientKey.matches("[0-9a-f]{64}"), key.stdout());

        try (HrpcTestNetwork network = HrpcTestNetwork.builder().allow(clientKey).start()) {
            Map<String, Object> ork = new LinkedHashMap<>(network.orkOptions());
            ork.put("transport", "hrpc");
            writeConfig(configDir, ork);
            try (GatewayProcess gateway = GatewayProcess.serve("--data-dir", dataDir.toString(),
                    "--config", configDir.toString())) {
                assertTrue(gateway.awaitLine(line -> line.equals("hrpc client key (allow it on your ORKs): "
                        + clientKey)), "prints the key the ORK must allow: " + gateway.output());
                ProcessHandle bridge = HrpcBridgeProcess.of(gateway.process.toHandle(), dataDir);

                String token = GatewayProcess.run("token", "--data-dir", dataDir.toString(), "--config",
                        configDir.toString(), "--email", "admin@example.com").lastLine();
                HttpResponse<String> things = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port + "/auth/list-things"))
                                .header("Authorization", "Bearer " + token).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, things.statusCode(), things.body());
                JsonNode slots = FakeOrk.JSON.readTree(things.body());
                assertEquals(2, slots.get(0).size(), things.body());
                assertEquals("AM-S21-0001", slots.get(0).get(0).path("code").asText(), things.body());

                assertEquals(0, gateway.terminate(), "stops gracefully on SIGTERM: " + gateway.output());
                bridge.onExit().get(10, TimeUnit.SECONDS);
                assertFalse(bridge.isAlive(), "the bridge stops with the gateway");
            }
        }
    }

    @Test
    void withoutNodeJsServeStopsWithOneLineSayingWhatToInstall(@TempDir Path emptyPath) throws Exception {
        writeConfig(configDir, Map.of("rpcPublicKey", "d".repeat(64)));

        GatewayProcess.Run serve = GatewayProcess.run(Map.of("PATH", emptyPath.toString()), "serve", "--port", "0",
                "--data-dir", dataDir.toString(), "--config", configDir.toString());

        assertEquals(1, serve.exit(), serve.stdout() + serve.stderr());
        List<String> lines = serve.stderr().lines().toList();
        assertEquals(1, lines.size(), serve.stderr());
        assertTrue(lines.getFirst().startsWith("error: ORK cluster-1: hrpc transport needs Node.js >= 20 (found none"),
                lines.getFirst());
        assertTrue(lines.getFirst().endsWith("install Node.js 20 or newer and put 'node' on the PATH"),
                lines.getFirst());
        assertFalse(serve.stdout().contains("Exception") || serve.stdout().contains("\tat "), serve.stdout());
    }
}
