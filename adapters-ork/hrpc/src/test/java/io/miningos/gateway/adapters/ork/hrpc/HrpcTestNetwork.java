package io.miningos.gateway.adapters.ork.hrpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A running test harness ({@code src/test/node/hrpc-test-network/harness.js}): a HyperDHT test network on
 * loopback and one ORK-like Hyperswarm RPC server peer with an allow list. It answers {@code echo} (raw),
 * {@code listThings}, {@code listRacks}, {@code getGlobalConfig}, {@code tailLog}, {@code getAction} (always
 * {@code "[HRPC_ERR]=ERR_ACTION_ID_NOT_FOUND"}) and {@code pushAction} (a write: refused to read-only keys at
 * the RPC level), and leaves the methods named with {@link Builder#hang} unanswered.
 *
 * <p>Reusable from other modules' tests: point {@link Builder#harnessDir} at this module's
 * {@code target/hrpc-test-network} (the build installs its npm packages there), and configure the gateway with
 * an {@code hrpc} ORK whose options are {@link #orkOptions()}.
 */
public final class HrpcTestNetwork implements AutoCloseable {

    /** Where the build put the harness; surefire passes it in, the default fits a run from this module. */
    public static final Path DEFAULT_HARNESS_DIR =
            Path.of(System.getProperty("hrpc.testNetwork.dir", "target/hrpc-test-network"));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long READY_SECONDS = 30;

    private final Process process;
    private final List<String> bootstrap;
    private final String serverKey;

    private HrpcTestNetwork(Process process, List<String> bootstrap, String serverKey) {
        this.process = process;
        this.bootstrap = bootstrap;
        this.serverKey = serverKey;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The test network's bootstrap nodes, {@code host:port}. */
    public List<String> bootstrap() {
        return bootstrap;
    }

    /** The ORK peer's RPC public key (hex). */
    public String serverKey() {
        return serverKey;
    }

    /** Options of an {@code hrpc} ORK pointing at this network's peer. */
    public Map<String, Object> orkOptions() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("rpcPublicKey", serverKey);
        options.put("bootstrap", bootstrap);
        return options;
    }

    public long pid() {
        return process.pid();
    }

    /** Stops the harness: it exits when its stdin closes; killed if it does not within a few seconds. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    public static final class Builder {
        private Path harnessDir = DEFAULT_HARNESS_DIR;
        private String nodeCommand = "node";
        private final List<String> arguments = new ArrayList<>();

        /** Admits this client key (hex) with read and write access. */
        public Builder allow(String publicKeyHex) {
            arguments.addAll(List.of("--allow", publicKeyHex));
            return this;
        }

        /** Admits this client key (hex) for read methods only. */
        public Builder allowReadOnly(String publicKeyHex) {
            arguments.addAll(List.of("--allow-read-only", publicKeyHex));
            return this;
        }

        /** Makes the peer never answer {@code method}. */
        public Builder hang(String method) {
            arguments.addAll(List.of("--hang", method));
            return this;
        }

        public Builder harnessDir(Path dir) {
            this.harnessDir = dir;
            return this;
        }

        public Builder nodeCommand(String command) {
            this.nodeCommand = command;
            return this;
        }

        /** Starts the harness and waits until the peer listens. */
        public HrpcTestNetwork start() {
            Path script = harnessDir.resolve("harness.js").toAbsolutePath();
            if (!Files.isDirectory(harnessDir.resolve("node_modules"))) {
                throw new IllegalStateException(harnessDir.toAbsolutePath() + " has no node_modules: build the "
                        + "adapters-ork module first (it runs npm ci for the test network)");
            }
            List<String> command = new ArrayList<>(List.of(nodeCommand, script.toString()));
            command.addAll(arguments);
            Process process;
            try {
                process = new ProcessBuilder(command).directory(harnessDir.toFile()).start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the hrpc test network", e);
            }
            forwardStderr(process);
            BufferedReader stdout = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<String> firstLine = CompletableFuture.supplyAsync(() -> {
                try {
                    return stdout.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            try {
                String line = firstLine.get(READY_SECONDS, TimeUnit.SECONDS);
                if (line == null) {
                    throw new IllegalStateException("the hrpc test network exited before it was ready (exit code "
                            + process.waitFor() + "); see its stderr above");
                }
                JsonNode ready = JSON.readTree(line);
                List<String> bootstrap = new ArrayList<>();
                ready.path("bootstrap").forEach(node -> bootstrap.add(node.asText()));
                return new HrpcTestNetwork(process, List.copyOf(bootstrap), ready.path("serverKey").asText());
            } catch (Exception e) {
                process.destroyForcibly();
                throw new IllegalStateException("the hrpc test network did not start: " + e.getMessage(), e);
            }
        }

        private static void forwardStderr(Process process) {
            Thread.ofPlatform().daemon().name("hrpc-test-network-stderr").start(() -> {
                try (BufferedReader err = new BufferedReader(
                        new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = err.readLine()) != null) {
                        System.err.println(line);
                    }
                } catch (IOException e) {
                    System.err.println("hrpc test network stderr ended: " + e.getMessage());
                }
            });
        }
    }
}
