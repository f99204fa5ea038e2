package io.miningos.gateway.adapters.ork.hrpc;

import io.miningos.gateway.adapters.ork.spi.OrkTransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One running bridge child process and the calls in flight through it. Frames are written by one writer thread
 * (so {@link #call} never blocks on a full pipe) and read by one reader thread; the bridge's stderr goes to the
 * log. When the process ends, every call in flight fails at once.
 */
final class BridgeProcess {

    private static final Logger LOG = LoggerFactory.getLogger(BridgeProcess.class);
    /** The bridge's own log lines (its stderr). */
    private static final Logger BRIDGE_LOG = LoggerFactory.getLogger("io.miningos.gateway.adapters.ork.hrpc.bridge");
    private static final int STDERR_LINES_KEPT = 20;
    private static final Duration EXIT_GRACE = Duration.ofSeconds(3);
    /** Tells the writer thread to close the bridge's stdin, which makes the bridge exit. */
    private static final BridgeFrame END_OF_INPUT = new BridgeFrame(Map.of("op", "end"));
    /** Room left in a frame for its header. */
    static final int MAX_REQUEST_BYTES = BridgeFrame.MAX_FRAME_BYTES - 64 * 1024;

    private final Process process;
    private final String clientPublicKey;
    private final Executor completions;
    private final Consumer<BridgeProcess> onUnexpectedExit;
    private final BlockingQueue<BridgeFrame> outbox = new LinkedBlockingQueue<>();
    private final Map<Long, PendingCall> pending = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong();
    private final Deque<String> recentStderr = new ArrayDeque<>();
    private final CompletableFuture<BridgeFrame> ready = new CompletableFuture<>();
    private final CompletableFuture<Integer> exited = new CompletableFuture<>();
    private final long startedAtNanos = System.nanoTime();
    private volatile boolean stopping;
    private volatile boolean dead;
    /** Set on the reader thread when the ready frame arrives, so an exit after it counts as unexpected. */
    private volatile boolean started;
    private Thread stderrThread;

    private record PendingCall(String orkId, String method, long timeoutMs, CompletableFuture<byte[]> answer) {
    }

    private BridgeProcess(Process process, String clientPublicKey, Executor completions,
                          Consumer<BridgeProcess> onUnexpectedExit) {
        this.process = process;
        this.clientPublicKey = clientPublicKey;
        this.completions = completions;
        this.onUnexpectedExit = onUnexpectedExit;
    }

    /**
     * Starts the bridge, hands it the gateway's key pair and waits until it is ready.
     *
     * @param onUnexpectedExit told (on the reader thread) when the process ends without {@link #close()}
     * @throws OrkTransportException if it cannot be started or does not become ready within {@code readyTimeout}
     */
    static BridgeProcess start(NodeRuntime node, Path script, GatewayKeys keys, Duration readyTimeout,
                               Executor completions, Consumer<BridgeProcess> onUnexpectedExit) {
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(List.of(node.command(), script.toString()))
                    .directory(script.getParent().toFile());
            // The bridge must not pick up a debugger, preload or heap flags meant for some other Node program.
            builder.environment().remove("NODE_OPTIONS");
            process = builder.start();
        } catch (IOException e) {
            throw new OrkTransportException("cannot start the hrpc bridge with '" + node.command() + "': "
                    + e.getMessage(), e);
        }
        BridgeProcess bridge = new BridgeProcess(process, keys.publicKeyHex(), completions, onUnexpectedExit);
        bridge.startThreads();
        bridge.send(new BridgeFrame(Map.of("op", "init", "publicKey", keys.publicKeyHex(),
                "secretKey", keys.secretKeyHex())));
        bridge.awaitReady(readyTimeout);
        return bridge;
    }

    /**
     * Sends one call. The answer completes on a completion thread, never on the reader thread. The bridge gives
     * up after {@code timeout}; the caller owns any deadline of its own and may cancel the returned future.
     */
    CompletableFuture<byte[]> call(String orkId, String key, List<String> bootstrap, String method, byte[] request,
                                   Duration timeout) {
        CompletableFuture<byte[]> answer = new CompletableFuture<>();
        long id = nextId.incrementAndGet();
        long timeoutMs = Math.max(1, timeout.toMillis());
        PendingCall call = new PendingCall(orkId, method, timeoutMs, answer);
        pending.put(id, call);
        answer.whenComplete((value, error) -> pending.remove(id, call));
        if (dead || stopping) {
            answer.completeExceptionally(new OrkTransportException(
                    "the hrpc bridge is not running; call " + method + " to ORK " + orkId + " was not sent"));
            return answer;
        }
        if (request.length > MAX_REQUEST_BYTES) {
            answer.completeExceptionally(new OrkTransportException("hrpc call " + method + " to ORK " + orkId
                    + " not sent: its request of " + request.length + " bytes exceeds " + MAX_REQUEST_BYTES));
            return answer;
        }
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("op", "call");
        header.put("id", id);
        header.put("key", key);
        header.put("bootstrap", bootstrap);
        header.put("method", method);
        header.put("timeoutMs", timeoutMs);
        send(new BridgeFrame(header, request));
        return answer;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return !dead && process.isAlive();
    }

    Duration uptime() {
        return Duration.ofNanos(System.nanoTime() - startedAtNanos);
    }

    /**
     * Stops the bridge: calls in flight fail at once, stdin is closed so the bridge exits by itself, and a bridge
     * that does not exit in time is killed. Returns when the process is gone.
     */
    void close() {
        if (stopping) {
            awaitExit();
            return;
        }
        stopping = true;
        failAll(call -> "the hrpc transport was closed during call " + call.method() + " to ORK " + call.orkId());
        send(END_OF_INPUT);
        try {
            if (!process.waitFor(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("The hrpc bridge (pid {}) did not exit within {} s of its input closing; killing it",
                        process.pid(), EXIT_GRACE.toSeconds());
                process.destroyForcibly();
                process.waitFor(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        awaitExit();
    }

    /** Kills the process without waiting for it to wind down. */
    private void kill() {
        stopping = true;
        process.destroyForcibly();
    }

    // ---- threads ----------------------------------------------------------------------------------------

    private void startThreads() {
        String suffix = "-" + process.pid();
        // stderr first: the reader joins it when the process ends.
        stderrThread = Thread.ofPlatform().daemon().name("hrpc-bridge-stderr" + suffix).start(this::stderrLoop);
        Thread.ofPlatform().daemon().name("hrpc-bridge-writer" + suffix).start(this::writeLoop);
        Thread.ofPlatform().daemon().name("hrpc-bridge-reader" + suffix).start(this::readLoop);
    }

    private void send(BridgeFrame frame) {
        outbox.add(frame);
    }

    private void writeLoop() {
        try (OutputStream out = new BufferedOutputStream(process.getOutputStream(), 64 * 1024)) {
            while (true) {
                BridgeFrame frame = outbox.take();
                if (frame == END_OF_INPUT) {
                    return;
                }
                frame.writeTo(out);
            }
        } catch (IOException e) {
            // The pipe broke: the process is gone or going; the reader sees the end and fails the calls.
            if (!stopping) {
                LOG.warn("Writing to the hrpc bridge (pid {}) failed: {}", process.pid(), e.getMessage());
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readLoop() {
        String failure = null;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(process.getInputStream(), 64 * 1024))) {
            while (true) {
                dispatch(BridgeFrame.readFrom(in));
            }
        } catch (EOFException e) {
            LOG.debug("The hrpc bridge (pid {}) closed its output", process.pid());
        } catch (IOException | RuntimeException e) {
            failure = e.getMessage();
            if (!stopping) {
                LOG.error("The hrpc bridge (pid {}) sent something unreadable ({}); killing it", process.pid(), failure);
            }
            process.destroyForcibly();
        } finally {
            onEnd(failure);
        }
    }

    private void dispatch(BridgeFrame frame) {
        String op = frame.text("op");
        if ("result".equals(op)) {
            PendingCall call = frame.get("id") instanceof Number id ? pending.get(id.longValue()) : null;
            if (call == null) {
                return; // answered after its caller gave up (timeout, close): nobody is waiting
            }
            if (Boolean.TRUE.equals(frame.get("ok"))) {
                byte[] body = frame.body();
                complete(() -> call.answer().complete(body));
            } else {
                OrkTransportException failure = failureOf(call, frame.text("code"), frame.text("message"));
                complete(() -> call.answer().completeExceptionally(failure));
            }
        } else if ("ready".equals(op)) {
            started = true;
            ready.complete(frame);
        } else if ("fatal".equals(op)) {
            ready.complete(frame);
        } else {
            LOG.warn("The hrpc bridge sent an unknown frame op {}", op);
        }
    }

    // Callers' callbacks run off the reader thread, so a slow one cannot hold up other answers.
    private void complete(Runnable completion) {
        try {
            completions.execute(completion);
        } catch (RejectedExecutionException e) {
            completion.run(); // shutting down: nobody else will run it
        }
    }

    private OrkTransportException failureOf(PendingCall call, String code, String message) {
        String what = "hrpc call " + call.method() + " to ORK " + call.orkId();
        String detail = message == null ? "no detail" : message;
        return switch (code == null ? "" : code) {
            case "TIMEOUT" -> timeout(call.method(), call.orkId(), call.timeoutMs());
            case "UNREACHABLE" -> new OrkTransportException(what + " failed: could not connect (" + detail
                    + "); the ORK is down or unreachable, or its allow list lacks this gateway's client key "
                    + clientPublicKey);
            case "REMOTE_ERROR" -> new OrkTransportException(what + " failed at the ORK: " + detail);
            default -> new OrkTransportException(what + " failed in the hrpc bridge (" + code + "): " + detail);
        };
    }

    /** The one shape of a timed-out call, whichever side noticed first; the cause marks it as a timeout. */
    static OrkTransportException timeout(String method, String orkId, long timeoutMs) {
        String message = "hrpc call " + method + " to ORK " + orkId + " timed out after " + timeoutMs + " ms";
        return new OrkTransportException(message, new TimeoutException(message));
    }

    private void stderrLoop() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                BRIDGE_LOG.info("[pid {}] {}", process.pid(), line);
                synchronized (recentStderr) {
                    if (recentStderr.size() == STDERR_LINES_KEPT) {
                        recentStderr.removeFirst();
                    }
                    recentStderr.addLast(line);
                }
            }
        } catch (IOException e) {
            LOG.debug("The hrpc bridge's stderr ended: {}", e.getMessage());
        }
    }

    // ---- start and end ------------------------------------------------------------------------------------

    private void awaitReady(Duration timeout) {
        BridgeFrame frame;
        try {
            frame = ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            kill();
            awaitExit();
            throw new OrkTransportException("the hrpc bridge did not become ready within " + timeout.toSeconds()
                    + " s" + stderrTail());
        } catch (ExecutionException e) {
            awaitExit();
            throw new OrkTransportException(e.getCause().getMessage() + stderrTail(), e.getCause());
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
            throw new OrkTransportException("interrupted while starting the hrpc bridge");
        }
        if ("fatal".equals(frame.text("op"))) {
            awaitExit();
            throw new OrkTransportException("the hrpc bridge refused to start: " + frame.text("message"));
        }
        if (!clientPublicKey.equals(frame.text("publicKey"))) {
            close();
            throw new OrkTransportException("the hrpc bridge reports client key " + frame.text("publicKey")
                    + " instead of " + clientPublicKey);
        }
        LOG.info("hrpc bridge started (pid {}, Node.js {}, libraries {}); ORKs must allow client key {}",
                process.pid(), frame.text("node"), frame.get("versions"), clientPublicKey);
    }

    private void onEnd(String readFailure) {
        dead = true;
        boolean exitedByItself = awaitOwnExit();
        int exitCode = exitedByItself ? process.exitValue() : killAndWait();
        joinStderr();
        // A process that ended is reported by its exit code: the read failure is then only its consequence.
        String reason = exitedByItself || readFailure == null ? "exited with code " + exitCode
                : "stopped answering sensibly (" + readFailure + ")";
        ready.completeExceptionally(new OrkTransportException("the hrpc bridge " + reason + " before it was ready"));
        boolean unexpected = started && !stopping;
        if (unexpected) {
            LOG.warn("The hrpc bridge (pid {}) {} with {} call(s) in flight{}", process.pid(), reason, pending.size(),
                    stderrTail());
            // The supervisor hears first, so a caller retrying after the failure below waits for the new process.
            onUnexpectedExit.accept(this);
            failAll(call -> "the hrpc bridge " + reason + " during call " + call.method() + " to ORK " + call.orkId()
                    + "; it is being restarted");
        }
        outbox.add(END_OF_INPUT);
        exited.complete(exitCode);
    }

    // The last lines explain most deaths; they are read by the stderr thread, which ends with the process.
    private void joinStderr() {
        try {
            stderrThread.join(Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the process ends by itself within the grace period. */
    private boolean awaitOwnExit() {
        try {
            return process.waitFor(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private int killAndWait() {
        process.destroyForcibly();
        try {
            process.waitFor();
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void failAll(Function<PendingCall, String> message) {
        for (PendingCall call : List.copyOf(pending.values())) {
            call.answer().completeExceptionally(new OrkTransportException(message.apply(call)));
        }
    }

    private void awaitExit() {
        try {
            exited.get(2 * EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("The hrpc bridge (pid {}) did not finish shutting down: {}", process.pid(), e.getMessage());
        }
    }

    private String stderrTail() {
        synchronized (recentStderr) {
            return recentStderr.isEmpty() ? "" : "; its last output: " + String.join(" | ", recentStderr);
        }
    }
}
