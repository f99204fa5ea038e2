package io.miningos.gateway.adapters.ork.spi;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * An open connection to one ORK. Calls are JSON in, JSON out, exactly as on the wire: the transport sends the
 * request bytes it is given and completes with the ORK's answer bytes unchanged (no decoding and re-encoding), and
 * does not interpret answers. In particular an ORK handler error arrives as a successful answer holding the JSON
 * string {@code "[HRPC_ERR]=<message>"}; recognising it is the caller's job, so every transport behaves alike.
 * Implementations must allow many calls in flight at once, from any thread. The SPI's test-jar holds
 * {@code OrkTransportContract}, which checks these rules on a transport.
 *
 * <h2>How the gateway reads a call's outcome</h2>
 * <ul>
 *   <li>Completing with bytes: the ORK's answer. Bytes that are not one JSON document count as a bad answer and
 *       never reach a client; {@code null} counts as a bad answer too.</li>
 *   <li>Completing exceptionally with {@link OrkTransportException}: the ORK could not be reached or the call could
 *       not be completed; the message is logged (never shown to clients) and the ORK counts as unavailable.</li>
 *   <li><b>Timeouts.</b> A call that gives up at a deadline of its own (an ORK's configured bound, or the
 *       {@code timeout} argument) completes exceptionally with an {@link OrkTransportException} whose cause chain
 *       (its cause, the cause's cause, ..., up to 16 deep) holds a {@link java.util.concurrent.TimeoutException}:
 *       the gateway then reports a timeout, not an unavailable ORK. Completing with a bare
 *       {@code TimeoutException} (possibly wrapped in {@code CompletionException}/{@code ExecutionException}) is
 *       read as a timeout too.</li>
 *   <li>The gateway also enforces {@code timeout} itself: if the future has not completed by then, the call is a
 *       timeout and the gateway calls {@code cancel(false)} on the future, which a transport may watch to stop
 *       working on it.</li>
 *   <li>Anything else (a {@code CancellationException}, another exception type, {@code call} itself throwing) is a
 *       transport bug: the ORK counts as unavailable and the exception's type is logged.</li>
 * </ul>
 */
public interface OrkTransport extends AutoCloseable {

    /**
     * Calls {@code method} with the UTF-8 JSON {@code request}. Should return at once and do the work
     * asynchronously; a call that blocks holds up the gateway thread that fans the request out. A failure is
     * reported through the returned future, never by throwing (a call on a closed transport included).
     *
     * @param timeout how long the caller will wait; a transport should give up (and free resources) by then
     * @return completes with the raw UTF-8 JSON answer, or exceptionally with {@link OrkTransportException}
     *         when the ORK could not be reached or the call could not be completed
     */
    CompletableFuture<byte[]> call(String method, byte[] request, Duration timeout);

    /**
     * Releases connections, threads and child processes. Calls in flight complete at once with an
     * {@link OrkTransportException}, whatever their timeout, and calls made afterwards return a future already
     * failed with one. Closing twice does nothing more.
     */
    @Override
    void close();
}
