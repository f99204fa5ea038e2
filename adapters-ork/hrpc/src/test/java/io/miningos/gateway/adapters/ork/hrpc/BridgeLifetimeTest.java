package io.miningos.gateway.adapters.ork.hrpc;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** No bridge outlives its gateway, whether the JVM exits without closing anything or is killed with SIGKILL. */
class BridgeLifetimeTest {

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @ValueSource(strings = {"exit", "kill"})
    void bridgeEndsWithTheGatewayJvm(String ending) throws Exception {
        String gatewayKey = GatewayKeys.loadOrCreate(dataDir).publicKeyHex();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        try (HrpcTestNetwork network = HrpcTestNetwork.builder().allow(gatewayKey).start()) {
            Process gateway = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                    BridgeOwnerProcess.class.getName(), dataDir.toString(), network.serverKey(),
                    network.bootstrap().getFirst()))
                    .redirectErrorStream(true).start();
            long bridgePid = -1;
            try {
                bridgePid = CompletableFuture.supplyAsync(() -> readBridgePid(gateway)).get(60, TimeUnit.SECONDS);
                assertTrue(isAlive(bridgePid), "bridge not running");

                if (ending.equals("exit")) {
                    gateway.getOutputStream().write('\n'); // System.exit without closing the transport
                    gateway.getOutputStream().flush();
                } else {
                    gateway.destroyForcibly(); // SIGKILL: no shutdown hook runs; the bridge sees its stdin close
                }
                assertTrue(gateway.waitFor(30, TimeUnit.SECONDS), "gateway JVM did not end");

                ProcessHandle.of(bridgePid)
                        .ifPresent(bridge -> bridge.onExit().completeOnTimeout(bridge, 10, TimeUnit.SECONDS).join());
                assertFalse(isAlive(bridgePid), "bridge outlived the JVM");
            } finally {
                gateway.destroyForcibly();
                ProcessHandle.of(bridgePid).ifPresent(ProcessHandle::destroyForcibly); // never leave one behind
            }
        }
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static long readBridgePid(Process gateway) {
        BufferedReader out = new BufferedReader(new InputStreamReader(gateway.getInputStream(), StandardCharsets.UTF_8));
        List<String> output = new ArrayList<>();
        try {
            String line;
            while ((line = out.readLine()) != null) {
                output.add(line);
                if (line.startsWith(BridgeOwnerProcess.PID_LINE)) {
                    // Keep draining so the JVM never blocks on a full pipe.
                    Thread.ofPlatform().daemon().start(() -> out.lines().forEach(ignored -> { }));
                    return Long.parseLong(line.substring(BridgeOwnerProcess.PID_LINE.length()).trim());
                }
            }
            throw new IllegalStateException("the gateway JVM ended without starting a bridge:\n"
                    + String.join("\n", output));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
