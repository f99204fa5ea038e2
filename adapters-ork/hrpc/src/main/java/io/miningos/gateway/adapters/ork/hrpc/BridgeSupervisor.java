package io.miningos.gateway.adapters.ork.hrpc;

import io.miningos.gateway.adapters.ork.spi.OrkTransportException;
import io.miningos.gateway.adapters.ork.spi.TransportHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Keeps one bridge process running for all hrpc ORKs of a gateway (one data dir): starts it when the first ORK
 * opens, restarts it with growing back-off if it dies, and stops it when the last ORK closes or the JVM exits.
 * Calls made while it restarts wait for the new process, within their own timeout.
 */
final class BridgeSupervisor {

    private static final Logger LOG = LoggerFactory.getLogger(BridgeSupervisor.class);
    static final String HEALTH_COMPONENT = "hrpc-bridge";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration FIRST_RESTART_DELAY = Duration.ofMillis(250);
    private static final Duration MAX_RESTART_DELAY = Duration.ofSeconds(30);
    /** A process that lived this long died of something new: restart it quickly again. */
    private static final Duration STABLE_UPTIME = Duration.ofMinutes(1);

    private final Path dataDir;
    private final String nodeCommand;
    private final GatewayKeys keys;
    private final ScheduledThreadPoolExecutor timers;
    private final ExecutorService completions;
    private final Thread shutdownHook;

    // All guarded by this.
    private CompletableFuture<BridgeProcess> current;
    private ScheduledFuture<?> pendingRestart;
    private int quickRestarts;
    private int users;
    private boolean closed;

    private BridgeSupervisor(Path dataDir, String nodeCommand, GatewayKeys keys) {
        this.dataDir = dataDir;
        this.nodeCommand = nodeCommand;
        this.keys = keys;
        this.timers = new ScheduledThreadPoolExecutor(1,
                runnable -> Thread.ofPlatform().daemon().name("hrpc-timers").unstarted(runnable));
        this.timers.setRemoveOnCancelPolicy(true); // every call schedules a deadline; most are cancelled
        this.completions = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("hrpc-answer-", 0).factory());
        this.shutdownHook = Thread.ofPlatform().name("hrpc-bridge-shutdown").unstarted(this::close);
    }

    /**
     * Checks the environment, starts the bridge and waits until it is ready.
     *
     * @throws OrkTransportException naming what is missing (Node.js, the bridge files) or why it failed
     */
    static BridgeSupervisor start(Path dataDir, String nodeCommand) {
        NodeRuntime node = NodeRuntime.locate(nodeCommand); // first: the most likely problem on a new site
        GatewayKeys keys;
        try {
            keys = GatewayKeys.loadOrCreate(dataDir);
        } catch (IllegalStateException | UncheckedIOException e) {
            throw new OrkTransportException("hrpc client key: " + e.getMessage(), e);
        }
        BridgeSupervisor supervisor = new BridgeSupervisor(dataDir, nodeCommand, keys);
        BridgeProcess first;
        try {
            first = supervisor.launch(node);
        } catch (RuntimeException e) {
            supervisor.shutdownExecutors();
            throw e;
        }
        supervisor.adopt(first);
        Runtime.getRuntime().addShutdownHook(supervisor.shutdownHook);
        return supervisor;
    }

    String clientPublicKey() {
        return keys.publicKeyHex();
    }

    synchronized void acquire() {
        if (closed) {
            throw new IllegalStateException("the hrpc bridge supervisor is closed");
        }
        users++;
    }

    /** Returns true when the last user left; the caller then {@link #close()}s it. */
    synchronized boolean release() {
        users--;
        return users == 0;
    }

    /**
     * Sends a call through the current bridge, or through the next one if it is restarting. Completes with the
     * answer bytes, or exceptionally with {@link OrkTransportException} (caused by {@link TimeoutException} when
     * {@code timeout} ran out). Cancelling or completing the returned future abandons the call.
     */
    CompletableFuture<byte[]> call(String orkId, HrpcOrkOptions options, String method, byte[] request,
                                   Duration timeout) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        CompletableFuture<BridgeProcess> process;
        ScheduledFuture<?> deadlineGuard;
        synchronized (this) {
            if (closed) {
                return CompletableFuture.failedFuture(new OrkTransportException("the hrpc transport is closed"));
            }
            BridgeProcess running = current.getNow(null);
            if (running != null && !running.isAlive()) {
                onUnexpectedExit(running); // died a moment ago; its reader thread has not reported it yet
            }
            process = current;
            // Scheduled under the lock: close() shuts the timers down only after it has taken the lock.
            deadlineGuard = timers.schedule(
                    () -> offTimerThread(() -> result.completeExceptionally(
                            BridgeProcess.timeout(method, orkId, timeout.toMillis()))),
                    timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        result.whenComplete((answer, error) -> deadlineGuard.cancel(false));
        process.whenComplete((bridge, notStarted) -> {
            if (notStarted != null) {
                result.completeExceptionally(notStarted);
                return;
            }
            long remaining = deadline - System.nanoTime();
            if (result.isDone() || remaining <= 0) {
                result.completeExceptionally(BridgeProcess.timeout(method, orkId, timeout.toMillis()));
                return;
            }
            CompletableFuture<byte[]> answer = bridge.call(orkId, options.rpcPublicKey(), options.bootstrapAddresses(),
                    method, request, Duration.ofNanos(remaining));
            answer.whenComplete((bytes, error) -> {
                if (error == null) {
                    result.complete(bytes);
                } else if (error.getCause() instanceof TimeoutException) {
                    result.completeExceptionally(BridgeProcess.timeout(method, orkId, timeout.toMillis()));
                } else {
                    result.completeExceptionally(error);
                }
            });
            result.whenComplete((bytes, error) -> answer.cancel(false));
        });
        return result;
    }

    /** Whether the bridge runs now, for the readiness check: answers from the supervisor's state at once. */
    synchronized TransportHealth health() {
        if (closed) {
            return new TransportHealth(HEALTH_COMPONENT, false, "stopped");
        }
        BridgeProcess process = current == null ? null : current.getNow(null);
        if (process != null && process.isAlive()) {
            return new TransportHealth(HEALTH_COMPONENT, true, "running");
        }
        return new TransportHealth(HEALTH_COMPONENT, false, "restarting (restart " + quickRestarts + " in a row)");
    }

    /** The pid of the running bridge, if one is running; for tests and diagnostics. */
    synchronized OptionalLong bridgePid() {
        BridgeProcess process = current == null ? null : current.getNow(null);
        return process != null && process.isAlive() ? OptionalLong.of(process.pid()) : OptionalLong.empty();
    }

    /** Stops the bridge and the supervisor's threads; calls in flight fail at once. */
    void close() {
        BridgeProcess running;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (pendingRestart != null) {
                pendingRestart.cancel(false);
            }
            running = current.getNow(null);
            if (running == null) {
                current.completeExceptionally(new OrkTransportException(
                        "the hrpc transport was closed while its bridge was restarting"));
            }
        }
        if (running != null) {
            running.close();
        }
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                LOG.debug("JVM already shutting down; the hook stops the bridge");
            }
        }
        shutdownExecutors();
    }

    // ---- restarts ------------------------------------------------------------------------------------------

    private BridgeProcess launch(NodeRuntime node) {
        Path script;
        try {
            script = BridgeInstallation.ensureInstalled(dataDir);
        } catch (UncheckedIOException e) {
            throw new OrkTransportException(e.getMessage(), e);
        }
        return BridgeProcess.start(node, script, keys, READY_TIMEOUT, completions, this::onUnexpectedExit);
    }

    /** Makes a freshly started process the current one, unless it already died (then it restarts again). */
    private synchronized boolean adopt(BridgeProcess started) {
        if (closed) {
            return false;
        }
        if (current == null || current.isDone()) {
            current = new CompletableFuture<>();
        }
        if (started.isAlive()) {
            current.complete(started);
        } else {
            scheduleRestart();
        }
        return true;
    }

    private synchronized void onUnexpectedExit(BridgeProcess dead) {
        // A process that dies before adopt() is caught there; only the current one is restarted here.
        if (closed || current == null || current.getNow(null) != dead) {
            return;
        }
        if (dead.uptime().compareTo(STABLE_UPTIME) >= 0) {
            quickRestarts = 0;
        }
        current = new CompletableFuture<>();
        scheduleRestart();
    }

    private void scheduleRestart() {
        Duration delay = FIRST_RESTART_DELAY.multipliedBy(1L << Math.min(quickRestarts, 10));
        if (delay.compareTo(MAX_RESTART_DELAY) > 0) {
            delay = MAX_RESTART_DELAY;
        }
        quickRestarts++;
        LOG.warn("Restarting the hrpc bridge in {} ms (restart {} in a row)", delay.toMillis(), quickRestarts);
        // Starting takes a while; on its own thread it cannot delay the timers' deadlines.
        pendingRestart = timers.schedule(
                () -> Thread.ofPlatform().daemon().name("hrpc-bridge-restart").start(this::restart),
                delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    // Callers' callbacks run on completion threads, so a slow one cannot hold up other calls' deadlines.
    private void offTimerThread(Runnable completion) {
        try {
            completions.execute(completion);
        } catch (RejectedExecutionException e) {
            completion.run(); // closing: nobody else will run it
        }
    }

    private void restart() {
        synchronized (this) {
            if (closed) {
                return;
            }
        }
        BridgeProcess started;
        try {
            started = launch(NodeRuntime.locate(nodeCommand)); // again: Node.js may have been replaced
        } catch (RuntimeException e) {
            LOG.warn("Restarting the hrpc bridge failed: {}", e.getMessage());
            synchronized (this) {
                if (!closed) {
                    scheduleRestart();
                }
            }
            return;
        }
        if (!adopt(started)) {
            started.close();
        }
    }

    private void shutdownExecutors() {
        timers.shutdownNow();
        completions.shutdown();
    }
}
