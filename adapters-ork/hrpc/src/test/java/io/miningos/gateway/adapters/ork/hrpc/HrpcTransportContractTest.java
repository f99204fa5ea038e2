package io.miningos.gateway.adapters.ork.hrpc;

import io.miningos.gateway.adapters.ork.spi.OrkTransportContract;
import io.miningos.gateway.adapters.ork.spi.OrkTransportProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The transport contract on the hrpc transport against the real thing: a HyperDHT test network on loopback, an
 * ORK-like Hyperswarm RPC peer that echoes raw and never answers {@code tailLog}, and the real bridge process.
 */
class HrpcTransportContractTest extends OrkTransportContract {

    @TempDir
    static Path gatewayDir;

    private static HrpcTestNetwork network;
    private static final OrkTransportProvider PROVIDER = new HrpcTransportProvider();

    @BeforeAll
    static void startNetwork() {
        String gatewayKey = GatewayKeys.loadOrCreate(gatewayDir).publicKeyHex();
        network = HrpcTestNetwork.builder().allow(gatewayKey).hang("tailLog").start();
    }

    @AfterAll
    static void stopNetwork() {
        if (network != null) {
            network.close();
        }
    }

    @Override
    protected OrkTransportProvider provider() {
        return PROVIDER;
    }

    /** The data dir whose client key the peer allows; all ORKs share one bridge through it. */
    @Override
    protected Path dataDir() {
        return gatewayDir;
    }

    @Override
    protected Target echo() {
        return new Target(network.orkOptions(), "echo");
    }

    @Override
    protected Target silent() {
        return new Target(network.orkOptions(), "tailLog");
    }

    @Override
    protected List<BadOption> badOptions() {
        Map<String, Object> badTimeout = new LinkedHashMap<>(network.orkOptions());
        badTimeout.put("timeout", 0);
        return List.of(new BadOption(Map.of("rpcPublicKey", "nope"), "rpcPublicKey"),
                new BadOption(badTimeout, "timeout"));
    }
}
