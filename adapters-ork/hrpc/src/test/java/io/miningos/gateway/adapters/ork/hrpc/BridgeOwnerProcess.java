package io.miningos.gateway.adapters.ork.hrpc;

import io.miningos.gateway.adapters.ork.spi.OrkTransport;
import io.miningos.gateway.adapters.ork.spi.OrkTransportContext;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in gateway JVM for {@link BridgeLifetimeTest}: opens an hrpc ORK (which starts the bridge), makes one call
 * so the bridge holds a live DHT node and connection, prints {@code bridge-pid <pid>}, then waits: a line on stdin
 * makes it exit without closing anything (only the shutdown hook runs), or the test kills it.
 *
 * <p>Arguments: {@code <data dir> <ORK server key> <bootstrap host:port>}.
 */
public final class BridgeOwnerProcess {

    public static final String PID_LINE = "bridge-pid ";

    private BridgeOwnerProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        HrpcTransportProvider provider = new HrpcTransportProvider();
        OrkTransport ork = provider.open(new OrkTransportContext("cluster-1",
                Map.of("rpcPublicKey", args[1], "bootstrap", List.of(args[2])), dataDir, Clock.systemUTC()));
        byte[] answer = ork.call("echo", "\"alive\"".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(30))
                .get(60, TimeUnit.SECONDS);
        System.out.println("answer " + new String(answer, StandardCharsets.UTF_8));
        System.out.println(PID_LINE + provider.bridgePid(dataDir).orElseThrow());
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        System.exit(0);
    }
}
