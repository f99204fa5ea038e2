package io.miningos.gateway.bootstrap;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** Finds the hrpc bridge child process of a running gateway, for tests that kill it or watch it end. */
final class HrpcBridgeProcess {

    private HrpcBridgeProcess() {
    }

    /**
     * The one live bridge under {@code gateway} serving {@code dataDir}: the process running the bridge copy the
     * gateway unpacked into that data dir. Waits up to 10 s for exactly one to be running.
     */
    static ProcessHandle of(ProcessHandle gateway, Path dataDir) throws InterruptedException {
        String unpacked = dataDir.toAbsolutePath().normalize().resolve("hrpc-bridge").toString();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<ProcessHandle> bridges;
        do {
            bridges = gateway.descendants().filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().arguments()
                            .map(args -> Arrays.stream(args).anyMatch(arg -> arg.startsWith(unpacked)))
                            .orElse(false))
                    .toList();
            if (bridges.size() == 1) {
                return bridges.getFirst();
            }
            Thread.sleep(50); // between looks at the process table
        } while (System.nanoTime() < deadline);
        throw new AssertionError("expected one bridge process running from " + unpacked + ", found " + bridges);
    }
}
