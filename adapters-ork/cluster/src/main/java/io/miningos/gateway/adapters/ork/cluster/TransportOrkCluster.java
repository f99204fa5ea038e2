package io.miningos.gateway.adapters.ork.cluster;

import io.miningos.gateway.adapters.ork.spi.OrkTransport;
import io.miningos.gateway.adapters.ork.spi.OrkTransportException;
import io.miningos.gateway.application.ork.port.OrkFailure;
import io.miningos.gateway.application.ork.port.RawJson;
import io.miningos.gateway.application.ork.port.out.OrkCallException;
import io.miningos.gateway.application.ork.port.out.OrkCluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * The site's ORKs reached through their configured transports. Everything transports leave to their caller
 * happens here, once, so every transport behaves alike: the timeout is enforced even on a transport that ignores
 * it, an {@code "[HRPC_ERR]=..."} answer becomes an ORK error, and an answer that is not JSON becomes a failure
 * instead of reaching a client.
 */
public final class TransportOrkCluster implements OrkCluster, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TransportOrkCluster.class);

    /** The default bound of one answer: 64 MiB. */
    public static final long DEFAULT_MAX_ANSWER_BYTES = 64L * 1024 * 1024;

    private final Map<String, OrkTransport> transports;
    private final long maxAnswerBytes;

    /** @param transports open transports by ORK id, in configuration order; closed by {@link #close()} */
    public TransportOrkCluster(Map<String, OrkTransport> transports) {
        this(transports, DEFAULT_MAX_ANSWER_BYTES);
    }

    /**
     * @param maxAnswerBytes a larger answer is a failure of its ORK ({@code too_large}), never passed on: one ORK
     *                       must not be able to fill the gateway's memory
     */
    public TransportOrkCluster(Map<String, OrkTransport> transports, long maxAnswerBytes) {
        if (maxAnswerBytes < 1) {
            throw new IllegalArgumentException("maxAnswerBytes must be positive");
        }
        this.transports = new LinkedHashMap<>(transports);
        this.maxAnswerBytes = maxAnswerBytes;
    }

    @Override
    public List<String> orkIds() {
        return List.copyOf(transports.keySet());
    }

    @Override
    public CompletableFuture<RawJson> call(String orkId, String method, RawJson request, Duration timeout) {
        OrkTransport transport = transports.get(orkId);
        if (transport == null) {
            return failed(orkId, OrkFailure.Cause.UNREACHABLE, "no such ORK configured");
        }
        byte[] requestBytes = new byte[request.length()];
        request.copyInto(requestBytes, 0);
        CompletableFuture<byte[]> call;
        try {
            call = transport.call(method, requestBytes, timeout);
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<byte[]> transportCall = call;
        CompletableFuture<RawJson> result = new CompletableFuture<>();
        transportCall.whenComplete((answer, error) -> {
            if (error != null) {
                result.completeExceptionally(new OrkCallException(classify(orkId, error, timeout)));
            } else {
                complete(result, orkId, answer);
            }
        });
        CallTimeouts.failAfter(result, timeout);
        return result.exceptionallyCompose(error -> {
            if (!(error instanceof TimeoutException)) {
                return CompletableFuture.failedFuture(error);
            }
            transportCall.cancel(false); // lets a transport that watches its future stop working on it
            return failed(orkId, OrkFailure.Cause.TIMEOUT, "no answer within " + timeout.toMillis() + " ms");
        });
    }

    private void complete(CompletableFuture<RawJson> result, String orkId, byte[] answer) {
        if (answer == null) {
            result.completeExceptionally(new OrkCallException(
                    new OrkFailure(orkId, OrkFailure.Cause.BAD_ANSWER, "the transport returned no bytes")));
            return;
        }
        if (answer.length > maxAnswerBytes) {
            result.completeExceptionally(new OrkCallException(new OrkFailure(orkId, OrkFailure.Cause.TOO_LARGE,
                    "an answer of " + answer.length + " bytes exceeds the " + maxAnswerBytes + "-byte limit")));
            return;
        }
        switch (OrkAnswers.inspect(answer)) {
            case OrkAnswers.Fine fine -> result.complete(RawJson.wrap(answer));
            case OrkAnswers.OrkError error -> result.completeExceptionally(new OrkCallException(
                    new OrkFailure(orkId, OrkFailure.Cause.ORK_ERROR, error.message())));
            case OrkAnswers.Malformed malformed -> result.completeExceptionally(new OrkCallException(
                    new OrkFailure(orkId, OrkFailure.Cause.BAD_ANSWER, malformed.problem())));
        }
    }

    private static OrkFailure classify(String orkId, Throwable error, Duration timeout) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof TimeoutException) {
            return new OrkFailure(orkId, OrkFailure.Cause.TIMEOUT, "no answer within " + timeout.toMillis() + " ms");
        }
        if (cause instanceof OrkTransportException) {
            // A transport that gave up at its own deadline (e.g. an ORK's configured bound, or a race with ours)
            // says so with a TimeoutException cause: that is a timeout, not an unreachable ORK.
            OrkFailure.Cause kind = causedByTimeout(cause) ? OrkFailure.Cause.TIMEOUT : OrkFailure.Cause.UNREACHABLE;
            return new OrkFailure(orkId, kind, cause.getMessage());
        }
        if (cause instanceof CancellationException) {
            return new OrkFailure(orkId, OrkFailure.Cause.UNREACHABLE, "call cancelled by the transport");
        }
        // A transport bug rather than an unreachable ORK: keep the type in the log to find it.
        return new OrkFailure(orkId, OrkFailure.Cause.UNREACHABLE, "transport failed: " + cause);
    }

    private static boolean causedByTimeout(Throwable error) {
        Throwable cause = error.getCause();
        for (int depth = 0; cause != null && depth < 16; depth++) { // bounded: a cause chain can loop
            if (cause instanceof TimeoutException) {
                return true;
            }
            cause = cause.getCause();
        }
        return false;
    }

    private static CompletableFuture<RawJson> failed(String orkId, OrkFailure.Cause cause, String detail) {
        return CompletableFuture.failedFuture(new OrkCallException(new OrkFailure(orkId, cause, detail)));
    }

    /** Closes every transport; a transport that fails to close is logged and the others still close. */
    @Override
    public void close() {
        transports.forEach((orkId, transport) -> {
            try {
                transport.close();
            } catch (RuntimeException e) {
                LOG.warn("closing the transport of ORK {} failed: {}", orkId, e.toString());
            }
        });
    }
}
