package io.miningos.gateway.adapters.ork.hrpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.miningos.gateway.adapters.ork.spi.OrkTransport;
import io.miningos.gateway.adapters.ork.spi.OrkTransportContext;
import io.miningos.gateway.adapters.ork.spi.OrkTransportException;
import io.miningos.gateway.adapters.ork.spi.TransportHealth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hrpc transport against the real thing: a HyperDHT test network on loopback, a real @hyperswarm/rpc server
 * peer built like an ORK's, and the real bridge child process unpacked from this module's resources. What every
 * transport must do (answers byte for byte, concurrent calls, ...) is {@link HrpcTransportContractTest}'s.
 */
class HrpcTransportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CALL = Duration.ofSeconds(20);
    /** How long a failure that should be immediate may take on a loaded machine. */
    private static final long FAST_SECONDS = 5;

    @TempDir
    static Path gatewayDir;
    @TempDir
    static Path readOnlyGatewayDir;

    private static HrpcTestNetwork network;
    private static HrpcTransportProvider provider;
    private static OrkTransport ork;

    @BeforeAll
    static void startNetworkAndOpen() {
        String gatewayKey = GatewayKeys.loadOrCreate(gatewayDir).publicKeyHex();
        String readOnlyKey = GatewayKeys.loadOrCreate(readOnlyGatewayDir).publicKeyHex();
        network = HrpcTestNetwork.builder().allow(gatewayKey).allowReadOnly(readOnlyKey).hang("tailLog").start();
        provider = new HrpcTransportProvider();
        ork = provider.open(context("cluster-1", network.orkOptions(), gatewayDir));
    }

    @AfterAll
    static void closeAll() {
        if (ork != null) {
            ork.close();
        }
        if (network != null) {
            network.close();
        }
    }

    @Test
    void answersOrkMethodsWithTheirJson() throws Exception {
        JsonNode things = JSON.readTree(call(ork, "listThings", "{\"status\":1}"));
        JsonNode config = JSON.readTree(call(ork, "getGlobalConfig", "{}"));

        assertEquals(2, things.size());
        assertEquals("miner-am-s21-shelf-1", things.get(0).path("rack").asText());
        assertEquals(4232, config.path("nominalSiteMinerCapacity").asInt());
    }

    @Test
    void orkHandlerErrorIsASuccessfulAnswer() throws Exception {
        assertEquals("\"[HRPC_ERR]=ERR_ACTION_ID_NOT_FOUND\"", call(ork, "getAction", "{\"id\":1,\"type\":\"done\"}"));
        assertEquals("\"[HRPC_ERR]=ERR_FACS_NET_DATA_FORMAT\"", call(ork, "listThings", "not json"));
    }

    @Test
    void unknownMethodFailsAtTheRpcLevel() {
        OrkTransportException failure = failure(ork.call("noSuchMethod", bytes("{}"), CALL), 30);

        assertTrue(failure.getMessage().contains("UNKNOWN_METHOD"), failure.getMessage());
        assertTrue(failure.getMessage().contains("ORK cluster-1"), failure.getMessage());
    }

    @Test
    void unansweredCallTimesOutAfterItsTimeout() {
        long started = System.nanoTime();
        OrkTransportException failure = failure(ork.call("tailLog", bytes("{}"), Duration.ofMillis(1500)), 30);
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertInstanceOf(TimeoutException.class, failure.getCause(), failure.getMessage());
        assertTrue(failure.getMessage().contains("timed out after 1500 ms"), failure.getMessage());
        assertTrue(elapsedMs >= 1400, "gave up after " + elapsedMs + " ms");
        assertTrue(elapsedMs < 1500 + FAST_SECONDS * 1000, "gave up only after " + elapsedMs + " ms");
    }

    @Test
    void configuredTimeoutCapsTheCallersTimeout() {
        Map<String, Object> options = new LinkedHashMap<>(network.orkOptions());
        options.put("timeout", 800);
        try (OrkTransport capped = provider.open(context("cluster-capped", options, gatewayDir))) {
            OrkTransportException failure = failure(capped.call("tailLog", bytes("{}"), Duration.ofSeconds(30)), 30);

            assertTrue(failure.getMessage().contains("timed out after 800 ms"), failure.getMessage());
        }
    }

    @Test
    void readOnlyClientReadsButIsRefusedWrites() throws Exception {
        try (OrkTransport readOnly = provider.open(context("cluster-ro", network.orkOptions(), readOnlyGatewayDir))) {
            assertEquals(2, JSON.readTree(call(readOnly, "listThings", "{}")).size());

            OrkTransportException failure = failure(
                    readOnly.call("pushAction", bytes("{\"action\":\"reboot\",\"query\":{},\"params\":[]}"), CALL), 30);
            assertTrue(failure.getMessage().contains("failed at the ORK: REQUEST_ERROR: Request failed: "
                    + "ERR_MISSING_WRITE_PERMISSIONS"), failure.getMessage());
        }
    }

    @Test
    void clientKeyMissingFromTheAllowListIsRefused(@TempDir Path strangerDir) {
        try (OrkTransport stranger = provider.open(context("cluster-1", network.orkOptions(), strangerDir))) {
            String strangerKey = GatewayKeys.loadOrCreate(strangerDir).publicKeyHex();

            OrkTransportException failure = failure(stranger.call("listThings", bytes("{}"), CALL), 30);

            assertFalse(failure.getCause() instanceof TimeoutException, failure.getMessage());
            assertTrue(failure.getMessage().contains("could not connect (CHANNEL_CLOSED, PEER_CONNECTION_FAILED"),
                    failure.getMessage());
            assertTrue(failure.getMessage().contains("allow list"), failure.getMessage());
            assertTrue(failure.getMessage().contains(strangerKey), failure.getMessage());
        }
    }

    @Test
    void killedBridgeFailsCallsInFlightAtOnceAndIsRestartedForTheNextCall() throws Exception {
        long pid = provider.bridgePid(gatewayDir).orElseThrow();
        List<CompletableFuture<byte[]>> inFlight = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            inFlight.add(ork.call("tailLog", bytes("{}"), Duration.ofSeconds(60)));
        }
        // Frames reach the bridge in order: once this answer is back, the bridge holds the five calls above.
        assertEquals("{}", call(ork, "echo", "{}"));

        assertEquals(List.of(new TransportHealth("hrpc-bridge", true, "running")), provider.health());
        ProcessHandle bridge = ProcessHandle.of(pid).orElseThrow();
        bridge.destroyForcibly(); // SIGKILL
        bridge.onExit().get(FAST_SECONDS, TimeUnit.SECONDS);
        // the restart waits 250 ms before it even starts a process
        assertFalse(provider.health().getFirst().up(), "a dead bridge is reported down at once");

        for (CompletableFuture<byte[]> call : inFlight) {
            OrkTransportException failure = failure(call, FAST_SECONDS);
            assertTrue(failure.getMessage().contains("exited with code"), failure.getMessage());
        }
        assertEquals("{\"after\":\"restart\"}", call(ork, "echo", "{\"after\":\"restart\"}"));
        long restartedPid = provider.bridgePid(gatewayDir).orElseThrow();
        assertNotEquals(pid, restartedPid);
        assertEquals(List.of(new TransportHealth("hrpc-bridge", true, "running")), provider.health());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    @Test
    void closingTheLastOrkStopsTheBridgeAndFailsCallsInFlight(@TempDir Path dataDir) throws Exception {
        HrpcTransportProvider own = new HrpcTransportProvider();
        OrkTransport first = own.open(context("cluster-a", network.orkOptions(), dataDir));
        OrkTransport second = own.open(context("cluster-b", network.orkOptions(), dataDir));
        long pid = own.bridgePid(dataDir).orElseThrow();
        CompletableFuture<byte[]> pending = first.call("tailLog", bytes("{}"), Duration.ofSeconds(60));

        first.close();

        assertTrue(failure(pending, FAST_SECONDS).getMessage().contains("closed"));
        assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "bridge still serves cluster-b");
        assertTrue(failure(first.call("echo", bytes("1"), CALL), FAST_SECONDS).getMessage().contains("closed"));

        second.close();

        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "bridge left running");
        assertTrue(own.bridgePid(dataDir).isEmpty());
        assertEquals(List.of(), own.health(), "no ORK left, nothing to report");
    }

    @Test
    void allHrpcOrksOfOneDataDirShareOneBridge() throws Exception {
        long pid = provider.bridgePid(gatewayDir).orElseThrow();
        long children = ProcessHandle.current().children().count();

        try (OrkTransport other = provider.open(context("cluster-2", network.orkOptions(), gatewayDir))) {
            assertEquals("[1]", call(other, "echo", "[1]"));
            assertEquals(pid, provider.bridgePid(gatewayDir).orElseThrow());
            assertEquals(children, ProcessHandle.current().children().count());
        }
        assertEquals(pid, provider.bridgePid(gatewayDir).orElseThrow(), "cluster-1 still uses it");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static OrkTransportContext context(String orkId, Map<String, Object> options, Path dataDir) {
        return new OrkTransportContext(orkId, options, dataDir, Clock.systemUTC());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String call(OrkTransport transport, String method, String request) throws Exception {
        return new String(transport.call(method, bytes(request), CALL).get(30, TimeUnit.SECONDS), StandardCharsets.UTF_8);
    }

    private static OrkTransportException failure(CompletableFuture<byte[]> call, long seconds) {
        ExecutionException thrown = assertThrows(ExecutionException.class, () -> call.get(seconds, TimeUnit.SECONDS));
        return assertInstanceOf(OrkTransportException.class, thrown.getCause());
    }
}
