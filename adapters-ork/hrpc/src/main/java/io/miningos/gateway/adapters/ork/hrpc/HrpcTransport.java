package io.miningos.gateway.adapters.ork.hrpc;

import io.miningos.gateway.adapters.ork.spi.OrkTransport;
import io.miningos.gateway.adapters.ork.spi.OrkTransportException;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One ORK reached over Hyperswarm RPC, through the gateway's shared bridge process. Request and answer bytes
 * travel untouched: an ORK handler error arrives as the successful answer {@code "[HRPC_ERR]=<message>"}.
 * A call fails with {@link OrkTransportException} when the ORK cannot be reached, refuses the gateway's key,
 * reports an RPC-level error (unknown method, write refused to a read-only client), or does not answer in time;
 * in the last case its cause is a {@link java.util.concurrent.TimeoutException}.
 */
public final class HrpcTransport implements OrkTransport {

    private final String orkId;
    private final HrpcOrkOptions options;
    private final BridgeSupervisor bridge;
    private final Runnable onClose;
    private final Set<InFlight> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    private record InFlight(String method, CompletableFuture<byte[]> answer) {
    }

    HrpcTransport(String orkId, HrpcOrkOptions options, BridgeSupervisor bridge, Runnable onClose) {
        this.orkId = Objects.requireNonNull(orkId, "orkId");
        this.options = Objects.requireNonNull(options, "options");
        this.bridge = Objects.requireNonNull(bridge, "bridge");
        this.onClose = Objects.requireNonNull(onClose, "onClose");
    }

    @Override
    public CompletableFuture<byte[]> call(String method, byte[] request, Duration timeout) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(timeout, "timeout");
        if (method.isBlank()) {
            throw new IllegalArgumentException("method must not be blank");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        if (closed.get()) {
            return CompletableFuture.failedFuture(
                    new OrkTransportException("the hrpc transport for ORK " + orkId + " is closed"));
        }
        CompletableFuture<byte[]> answer = bridge.call(orkId, options, method, request, options.callTime(timeout));
        InFlight call = new InFlight(method, answer);
        inFlight.add(call);
        answer.whenComplete((bytes, error) -> inFlight.remove(call));
        if (closed.get()) {
            failInFlight(); // closed while this call was being sent
        }
        return answer;
    }

    /** Fails the calls in flight at once and lets the shared bridge stop when no ORK uses it any more. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            failInFlight();
            onClose.run();
        }
    }

    public String orkId() {
        return orkId;
    }

    public HrpcOrkOptions options() {
        return options;
    }

    /** The gateway's client public key, which this ORK must allow. */
    public String clientPublicKey() {
        return bridge.clientPublicKey();
    }

    private void failInFlight() {
        for (InFlight call : List.copyOf(inFlight)) {
            call.answer().completeExceptionally(new OrkTransportException("the hrpc transport for ORK " + orkId
                    + " was closed during call " + call.method()));
        }
    }

    @Override
    public String toString() {
        return "HrpcTransport[ork=" + orkId + ", rpcPublicKey=" + options.rpcPublicKey() + "]";
    }
}
