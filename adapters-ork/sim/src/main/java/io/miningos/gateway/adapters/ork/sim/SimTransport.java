package io.miningos.gateway.adapters.ork.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.miningos.gateway.adapters.ork.sim.rpc.OrkError;
import io.miningos.gateway.adapters.ork.sim.rpc.OrkErrors;
import io.miningos.gateway.adapters.ork.spi.OrkTransport;
import io.miningos.gateway.adapters.ork.spi.OrkTransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@code sim} transport: calls are answered in-process by a {@link SimOrk}, with the same wire behaviour as a
 * real ORK (raw JSON in and out, handler errors as {@code "[HRPC_ERR]=ERR_..."} strings, unknown methods failing
 * with {@code UNKNOWN_METHOD}) plus the configured fault knobs: added latency, a failure rate and "down".
 */
public final class SimTransport implements OrkTransport {
    private static final Logger LOG = LoggerFactory.getLogger(SimTransport.class);
    /** The ORK's liveness probe, answered at the RPC level with the request bytes. */
    static final String ECHO = "echo";

    private final String orkId;
    private final SimOrk ork;
    private final SimOptions options;
    private final ObjectMapper json;
    private final JsonAnswer encoder;
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("sim-ork-", 0).factory());
    private final Set<CompletableFuture<byte[]>> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    SimTransport(String orkId, SimOrk ork, SimOptions options, ObjectMapper json) {
        this.orkId = orkId;
        this.ork = ork;
        this.options = options;
        this.json = json;
        this.encoder = new JsonAnswer(json.getFactory());
    }

    /** The simulated ORK behind this transport (tests and tools inspect its site). */
    public SimOrk ork() {
        return ork;
    }

    @Override
    public CompletableFuture<byte[]> call(String method, byte[] request, Duration timeout) {
        if (closed) {
            return CompletableFuture.failedFuture(new OrkTransportException("sim ORK " + orkId + " is closed"));
        }
        if (options.down()) {
            return CompletableFuture.failedFuture(
                    new OrkTransportException("sim ORK " + orkId + " is unreachable (option down=true)"));
        }
        if (options.failureRate() > 0 && ThreadLocalRandom.current().nextDouble() < options.failureRate()) {
            return CompletableFuture.failedFuture(
                    new OrkTransportException("sim ORK " + orkId + " failed the call (option failureRate)"));
        }
        long timeoutMs = Math.max(1, timeout.toMillis());
        var runner = options.latencyMs() > 0
                ? CompletableFuture.delayedExecutor(options.latencyMs(), TimeUnit.MILLISECONDS, executor) : executor;
        CompletableFuture<byte[]> answer;
        try {
            answer = CompletableFuture.supplyAsync(() -> answer(method, request), runner);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new OrkTransportException("sim ORK " + orkId + " is closed"));
        }
        inFlight.add(answer);
        answer.whenComplete((r, e) -> inFlight.remove(answer));
        if (closed) {
            answer.completeExceptionally(new OrkTransportException("sim ORK " + orkId + " is closed"));
        }
        return answer.orTimeout(timeoutMs, TimeUnit.MILLISECONDS).exceptionallyCompose(e -> {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof OrkTransportException ote) {
                return CompletableFuture.failedFuture(ote);
            }
            if (cause instanceof TimeoutException) {
                // The cause tells the gateway this is a timeout, not an unreachable ORK.
                return CompletableFuture.failedFuture(new OrkTransportException(
                        "sim ORK " + orkId + " did not answer " + method + " within " + timeoutMs + " ms", cause));
            }
            return CompletableFuture.failedFuture(new OrkTransportException(
                    "sim ORK " + orkId + " failed " + method + ": " + cause, cause));
        });
    }

    private byte[] answer(String method, byte[] request) {
        if (closed) {
            throw new OrkTransportException("sim ORK " + orkId + " is closed");
        }
        if (method.equals(ECHO)) {
            return request.clone(); // as a real ORK's echo: the request itself, not re-encoded
        }
        Object decoded;
        try {
            decoded = json.readValue(request, Object.class);
        } catch (IOException e) {
            return error(OrkErrors.FACS_NET_DATA_FORMAT);
        }
        Object result;
        try {
            result = ork.handle(method, decoded);
        } catch (OrkError e) {
            return error(e.code());
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("UNKNOWN_METHOD")) {
                throw new OrkTransportException(e.getMessage());
            }
            LOG.error("sim ORK {} failed {}", orkId, method, e);
            return error(OrkErrors.SIM_INTERNAL);
        } catch (RuntimeException e) {
            LOG.error("sim ORK {} failed {}", orkId, method, e);
            return error(OrkErrors.SIM_INTERNAL);
        }
        return encoder.encode(result);
    }

    private static byte[] error(String code) {
        return ("\"[HRPC_ERR]=" + code + "\"").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        closed = true;
        for (CompletableFuture<byte[]> call : inFlight) {
            call.completeExceptionally(new OrkTransportException("sim ORK " + orkId + " was closed"));
        }
        executor.shutdownNow();
    }
}
