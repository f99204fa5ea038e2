package io.miningos.gateway.adapters.ork.hrpc;

import io.miningos.gateway.adapters.ork.spi.OrkTransport;
import io.miningos.gateway.adapters.ork.spi.OrkTransportContext;
import io.miningos.gateway.adapters.ork.spi.OrkTransportException;
import io.miningos.gateway.adapters.ork.spi.OrkTransportProvider;
import io.miningos.gateway.adapters.ork.spi.TransportCommand;
import io.miningos.gateway.adapters.ork.spi.TransportHealth;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The {@code hrpc} transport: real MiningOS ORKs over Hyperswarm RPC. No JVM library speaks that protocol, so the
 * calls go through a small Node.js program (shipped in this jar) that uses the reference JavaScript libraries;
 * the gateway starts it as a child process on the first {@link #open}, shares it among all hrpc ORKs with the
 * same data dir, restarts it if it dies, and stops it when the last of them closes.
 *
 * <p>Options per ORK: {@code rpcPublicKey} (required, 64 hex characters), {@code bootstrap} (optional list of
 * {@code "host:port"} HyperDHT nodes; default: the public HyperDHT), {@code timeout} (optional upper bound in
 * milliseconds on every call to that ORK). Needs Node.js 20 or newer on the PATH, checked on the first open.
 *
 * <p>The gateway's client key pair ({@link GatewayKeys}) is what ORKs admit: the {@code hrpc-key} command prints its
 * public key, and so does the start of a gateway that has some hrpc ORK.
 */
public final class HrpcTransportProvider implements OrkTransportProvider {

    public static final String NAME = "hrpc";

    private final String nodeCommand;
    private final Map<Path, BridgeSupervisor> supervisors = new HashMap<>();

    /** Uses {@code node} from the PATH; the constructor {@link java.util.ServiceLoader} calls. */
    public HrpcTransportProvider() {
        this(NodeRuntime.DEFAULT_COMMAND);
    }

    /** @param nodeCommand the Node.js executable to run the bridge with: a name on the PATH or a path */
    public HrpcTransportProvider(String nodeCommand) {
        this.nodeCommand = Objects.requireNonNull(nodeCommand, "nodeCommand");
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The options' rules only: neither Node.js nor the bridge nor the key file is looked at. */
    @Override
    public void validate(String orkId, Map<String, Object> options) {
        HrpcOrkOptions.fromConfig(options);
    }

    /**
     * Validates the ORK's options, then makes sure the shared bridge runs.
     *
     * @throws IllegalArgumentException on bad options, the message starting with the option key
     * @throws OrkTransportException    if the bridge cannot run here; the message says what to install or fix
     */
    @Override
    public OrkTransport open(OrkTransportContext context) {
        HrpcOrkOptions options = HrpcOrkOptions.fromConfig(context.options());
        Path dataDir = context.dataDir().toAbsolutePath().normalize();
        BridgeSupervisor supervisor;
        synchronized (supervisors) {
            supervisor = supervisors.get(dataDir);
            if (supervisor == null) {
                supervisor = BridgeSupervisor.start(dataDir, nodeCommand);
                supervisors.put(dataDir, supervisor);
            }
            supervisor.acquire();
        }
        BridgeSupervisor shared = supervisor;
        return new HrpcTransport(context.orkId(), options, shared, () -> release(dataDir, shared));
    }

    /** {@code hrpc-key}. */
    @Override
    public List<TransportCommand> commands() {
        return List.of(new HrpcKeyCommand());
    }

    /** The client key ORK operators must allow (made on first use, normally by {@link #open}). */
    @Override
    public List<String> startupNotes(Path dataDir) {
        return List.of("hrpc client key (allow it on your ORKs): " + GatewayKeys.loadOrCreate(dataDir).publicKeyHex());
    }

    /** The bridge process: {@code hrpc-bridge} up while it runs, down while it restarts. */
    @Override
    public List<TransportHealth> health() {
        synchronized (supervisors) {
            return supervisors.values().stream().map(BridgeSupervisor::health).toList();
        }
    }

    /** The pid of the bridge serving {@code dataDir}, if one runs; for tests and diagnostics. */
    OptionalLong bridgePid(Path dataDir) {
        synchronized (supervisors) {
            BridgeSupervisor supervisor = supervisors.get(dataDir.toAbsolutePath().normalize());
            return supervisor == null ? OptionalLong.empty() : supervisor.bridgePid();
        }
    }

    private void release(Path dataDir, BridgeSupervisor supervisor) {
        boolean idle;
        synchronized (supervisors) {
            idle = supervisor.release();
            if (idle) {
                supervisors.remove(dataDir, supervisor);
            }
        }
        if (idle) {
            supervisor.close(); // outside the lock: it waits for the process to exit
        }
    }
}
