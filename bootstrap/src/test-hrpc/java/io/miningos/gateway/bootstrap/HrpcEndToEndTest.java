package io.miningos.gateway.bootstrap;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.miningos.gateway.adapters.ork.hrpc.GatewayKeys;
import io.miningos.gateway.adapters.ork.hrpc.HrpcTestNetwork;
import io.miningos.gateway.application.ork.OrkFanOut;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway reaching an ORK over Hyperswarm RPC, end to end: a HyperDHT test network on loopback with an
 * ORK-like {@code @hyperswarm/rpc} peer (adapters-ork's {@link HrpcTestNetwork}), a configuration folder holding
 * the Node gateway's form of an ORK entry, the real bridge child process, and HTTP requests with real tokens:
 * answers, an ORK handler error, timeouts, a client key the ORK does not allow, and a bridge killed with SIGKILL.
 */
class HrpcEndToEndTest {

    private static final long RPC_TIMEOUT_MS = 5_000;
    /** For the refused gateway: long enough that a refusal can't pass for a timeout. */
    private static final long STRANGER_RPC_TIMEOUT_MS = 20_000;
    private static final String THING_1 = "a3f1c2d4-5b6e-4f70-8a9b-0c1d2e3f4a5b";
    private static final String THING_2 = "b4e2d3c5-6c7f-4081-9bac-1d2e3f4a5b6c";

    @TempDir
    static Path configDir;
    @TempDir
    static Path dataDir;
    @TempDir
    static Path cappedDataDir;

    private static HrpcTestNetwork network;
    private static TestGateway gateway;
    private static String clientKey;
    private static String token;

    @BeforeAll
    static void startTheNetworkAndTheGateway() throws IOException {
        clientKey = GatewayKeys.loadOrCreate(dataDir).publicKeyHex();
        network = HrpcTestNetwork.builder().allow(clientKey)
                .allow(GatewayKeys.loadOrCreate(cappedDataDir).publicKeyHex()).hang("tailLog").start();
        gateway = TestGateway.serve(config(configDir, RPC_TIMEOUT_MS, Map.of()), dataDir);
        token = gateway.adminToken();
    }

    @AfterAll
    static void stopAll() {
        if (gateway != null) {
            gateway.close();
        }
        if (network != null) {
            network.close();
        }
    }

    @Test
    void readsAreAnsweredByTheOrkPeer() {
        TestGateway.Response things = gateway.get("/auth/list-things", token);

        assertEquals(200, things.status(), things.body());
        assertNull(things.orkFailures(), things.orkFailures());
        assertEquals(1, things.json().size(), "one slot for the one ORK: " + things.body());
        assertEquals(List.of(THING_1, THING_2), ids(things.json().get(0)));

        TestGateway.Response limited = gateway.get("/auth/list-things?limit=1", token);
        assertEquals(List.of(THING_1), ids(limited.json().get(0)), "the peer got the request's limit");

        TestGateway.Response config = gateway.get("/auth/global-config", token);
        assertEquals(200, config.status(), config.body());
        assertEquals(4232, config.json().get(0).path("nominalSiteMinerCapacity").asInt(), config.body());
    }

    @Test
    void aWriteReachesTheOrkPeerAndItsAnswerComesBack() {
        TestGateway.Response pushed = gateway.send("POST", "/auth/actions/voting", token,
                "{\"query\":{\"tags\":{\"$in\":[\"t-miner\"]}},\"action\":\"reboot\",\"params\":[]}");

        assertEquals(200, pushed.status(), pushed.body());
        JsonNode entry = pushed.json().get(0);
        assertTrue(entry.path("id").isIntegralNumber(), pushed.body());
        assertEquals("[]", entry.path("errors").toString(), pushed.body());
    }

    @Test
    void anOrkHandlerErrorSayingNotFoundIsTheClientsNotFound() {
        TestGateway.Response response = gateway.get("/auth/actions/done/1718036500077", token);

        // The only ORK's handler error is a client mistake (README: ORK errors answered 400/404), not an outage.
        assertEquals(404, response.status(), response.body());
        assertEquals("ERR_ACTION_ID_NOT_FOUND", response.errorCode());
        assertEquals("cluster-1=ERR_ACTION_ID_NOT_FOUND", response.orkFailures());
    }

    @Test
    void anUnansweredCallTimesOutAfterTheRpcTimeout() {
        long started = System.nanoTime();
        TestGateway.Response response = gateway.get("/auth/tail-log?key=stat-5m", token);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertEquals(504, response.status(), response.body());
        assertEquals("ERR_ORK_TIMEOUT", response.errorCode());
        assertEquals("cluster-1=timeout", response.orkFailures());
        assertTrue(millis >= RPC_TIMEOUT_MS, "gave up after " + millis + " ms");
        // Generous: it shows the request ends near the timeout instead of hanging, not how fast it is.
        assertTrue(millis < RPC_TIMEOUT_MS + 10_000, "gave up only after " + millis + " ms");
    }

    @Test
    void anOrksOwnTimeoutCutsTheCallShortAndCountsAsATimeout(@TempDir Path cappedConfig) throws IOException {
        long orkTimeoutMs = 1_000;
        try (TestGateway capped = TestGateway.serve(config(cappedConfig, RPC_TIMEOUT_MS,
                Map.of("timeout", orkTimeoutMs)), cappedDataDir)) {
            String cappedToken = capped.adminToken();
            long started = System.nanoTime();
            TestGateway.Response response = capped.get("/auth/tail-log?key=stat-5m", cappedToken);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            assertEquals(504, response.status(), response.body());
            assertEquals("ERR_ORK_TIMEOUT", response.errorCode());
            assertEquals("cluster-1=timeout", response.orkFailures());
            assertTrue(millis >= orkTimeoutMs, "gave up after " + millis + " ms");
            assertTrue(millis < RPC_TIMEOUT_MS, "the ORK's bound, not rpcTimeout, ended it: " + millis + " ms");
        }
    }

    @Test
    void aGatewayWhoseKeyTheOrkDoesNotAllowIsRefused(@TempDir Path strangerConfig, @TempDir Path strangerData)
            throws IOException {
        Logger fanOutLog = (Logger) LoggerFactory.getLogger(OrkFanOut.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        fanOutLog.addAppender(logged);
        try (TestGateway stranger = TestGateway.serve(config(strangerConfig, STRANGER_RPC_TIMEOUT_MS, Map.of()),
                strangerData)) {
            String strangerKey = GatewayKeys.loadOrCreate(strangerData).publicKeyHex();
            assertNotEquals(clientKey, strangerKey);

            TestGateway.Response response = stranger.get("/auth/list-things", stranger.adminToken());

            assertEquals(502, response.status(), response.body());
            assertEquals("ERR_ORK_UNAVAILABLE", response.errorCode());
            assertEquals("cluster-1=unavailable", response.orkFailures());
            // Clients see only "unavailable"; the operator's log says why and names the key to allow.
            List<String> lines;
            synchronized (logged) { // the appender appends under its own lock
                lines = logged.list.stream().map(ILoggingEvent::getFormattedMessage)
                        .filter(line -> line.contains(strangerKey)).toList();
            }
            assertEquals(1, lines.size(), "one log line names the refused key: " + logged.list);
            assertTrue(lines.getFirst().contains("allow list"), lines.getFirst());
            assertTrue(lines.getFirst().startsWith("ORK cluster-1 failed listThings: UNREACHABLE"), lines.getFirst());
        } finally {
            fanOutLog.detachAppender(logged);
        }
        assertEquals(200, gateway.get("/auth/list-things?overwriteCache=true", token).status(),
                "the allowed gateway is still served");
    }

    @Test
    void aBridgeKilledWithSigkillIsRestartedAndTheNextRequestIsAnswered() throws Exception {
        assertEquals(200, gateway.get("/auth/list-things?overwriteCache=true", token).status());
        ProcessHandle bridge = HrpcBridgeProcess.of(ProcessHandle.current(), dataDir);

        assertTrue(bridge.destroyForcibly(), "SIGKILL sent");
        bridge.onExit().get(10, TimeUnit.SECONDS);
        TestGateway.Response after = gateway.get("/auth/list-things?overwriteCache=true", token);

        assertEquals(200, after.status(), after.body());
        assertNull(after.orkFailures(), after.orkFailures());
        assertEquals(List.of(THING_1, THING_2), ids(after.json().get(0)));
        ProcessHandle restarted = HrpcBridgeProcess.of(ProcessHandle.current(), dataDir);
        assertNotEquals(bridge.pid(), restarted.pid());
    }

    @Test
    void theServerNamesTheClientKeyTheOrkMustAllow() {
        assertEquals(List.of("hrpc client key (allow it on your ORKs): " + clientKey),
                gateway.gateway().startupNotes());
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /**
     * A Node-gateway configuration folder with one ORK entry pointing at the test network: only the hrpc keys,
     * {@code rpcPublicKey} and {@code bootstrap}, plus {@code moreOrkOptions}.
     */
    private static GatewayConfig config(Path folder, long rpcTimeoutMs, Map<String, Object> moreOrkOptions)
            throws IOException {
        Map<String, Object> ork = new LinkedHashMap<>();
        ork.put("rpcPublicKey", network.serverKey());
        ork.put("bootstrap", network.bootstrap());
        ork.putAll(moreOrkOptions);
        Map<String, Object> common = new LinkedHashMap<>();
        common.put("site", "hrpc-site");
        common.put("rpcTimeout", rpcTimeoutMs);
        common.put("orks", Map.of("cluster-1", ork));
        common.put("gateway", Map.of("host", "127.0.0.1", "partialCacheTtl", "0s"));
        Files.writeString(folder.resolve("common.json"), FakeOrk.JSON.writeValueAsString(common));
        return ConfigLoader.load(Optional.of(folder));
    }

    private static List<String> ids(JsonNode things) {
        List<String> ids = new ArrayList<>();
        things.forEach(thing -> ids.add(thing.path("id").asText()));
        return ids;
    }
}
