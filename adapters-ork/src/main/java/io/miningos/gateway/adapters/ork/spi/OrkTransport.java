package io.miningos.gateway.adapters.ork.spi;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * An open connection to one ORK. Calls are JSON in, JSON out, exactly as on the wire: the transport does not
 * interpret answers. In particular an ORK handler error arrives as a successful answer holding the JSON string
 * {@code "[HRPC_ERR]=<message>"}; recognising it is the caller's job, so every transport behaves alike.
 * Implementations must allow many calls in flight at once.
 */
public interface OrkTransport extends AutoCloseable {

    /**
     * Calls {@code method} with the UTF-8 JSON {@code request}.
     *
     * @param timeout how long the caller will wait; a transport should give up (and free resources) by then
     * @return completes with the raw UTF-8 JSON answer, or exceptionally with {@link OrkTransportException}
     *         when the ORK could not be reached or the call could not be completed
     */
    CompletableFuture<byte[]> call(String method, byte[] request, Duration timeout);

    /** Releases connections, threads and child processes. Calls in flight fail fast. */
    @Override
    void close();
}
