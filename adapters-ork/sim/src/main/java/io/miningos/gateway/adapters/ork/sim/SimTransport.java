package io.miningos.gateway.adapters.ork.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.miningos.gateway.adapters.ork.sim.rpc.CallAbandoned;
import io.miningos.gateway.adapters.ork.sim.rpc.Deadline;
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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code sim} transport: calls are answered in-process by a {@link SimOrk}, with the same wire behaviour as a
 * real ORK (raw JSON in and out, handler errors as {@code "[HRPC_ERR]=ERR_..."} strings, unknown methods failing
 * with {@code UNKNOWN_METHOD}) plus the configured fault knobs: added latency, a failure rate and "down".
 *
 * <h2>Where the work runs</h2>
 * Answers are computed on this ORK's own small pool of platform threads ({@code threads}, default 2) fed by a
 * bounded queue ({@code queue}, default 1,000 waiting calls), never on the caller's thread nor on the virtual-thread
 * carriers that serve HTTP. A call that finds the queue full fails at once (the ORK counts as unavailable). Each
 * call carries a {@link Deadline}: at its timeout the caller gets an {@link OrkTransportException} caused by a
 * {@link TimeoutException} (a timeout, as the SPI asks), and the computation, which checks the deadline in every
 * long loop, gives up and frees its thread. A call cancelled by the caller or by {@link #close()} stops the same way.
 * Time-series and extended-data reads ({@link #HEAVY}: they may run for seconds) have a pool of their own, so a
 * burst of month-long reads never holds up the quick calls (things, configs, actions) queued behind it.
 * A few seconds after the ORK opens (the gateway listens by then: its start is not slowed) the day sums of the last
 * weeks are filled in the background, one day at a time on a thread of its own ({@code sim-<orkId>-fill},
 * {@link SimOrk#fillRollups}), then the extended data the first visits read is computed once; the first time-series
 * read after a pause of {@link #FILL_AGAIN_AFTER} fills what new days added.
 */
public final class SimTransport implements OrkTransport {
    private static final Logger LOG = LoggerFactory.getLogger(SimTransport.class);
    /** The reads whose long ranges add up day sums. */
    private static final Set<String> TIME_SERIES = Set.of("tailLog", "tailLogMulti", "tailLogCustomRangeAggr");
    /** The reads that may compute for seconds: the time series and the extended data (pools, electricity). */
    static final Set<String> HEAVY = Set.of("tailLog", "tailLogMulti", "tailLogCustomRangeAggr", "getWrkExtData");
    /** How long after opening the background filling starts: the gateway's own start goes first. */
    private static final long FILL_START_DELAY_MS = 3_000;
    /** Pause between two days of background filling, leaving the threads to calls most of the time. */
    private static final long FILL_PAUSE_MS = 50;
    /** A day that takes longer than this to fill is left for later. */
    private static final Duration FILL_STEP_LIMIT = Duration.ofSeconds(30);
    /** After filling, the next time-series read at least this much later fills what the new days added. */
    private static final Duration FILL_AGAIN_AFTER = Duration.ofMinutes(10);
    /** Times every sim call out; a call that ends first removes its timer. */
    private static final ScheduledThreadPoolExecutor TIMER = timer();
    /** The ORK's liveness probe, answered at the RPC level with the request bytes. */
    static final String ECHO = "echo";

    private final String orkId;
    private final SimOrk ork;
    private final SimOptions options;
    private final ObjectMapper json;
    private final JsonAnswer encoder;
    /** Computes the {@link #HEAVY} reads. */
    private final ThreadPoolExecutor pool;
    /** Computes every other call. */
    private final ThreadPoolExecutor quick;
    /** The background filling of day sums: one thread, there only while it works. */
    private final ThreadPoolExecutor filler;
    private final Set<CompletableFuture<byte[]>> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    /** When the background filling of day sums may run again (0: it is running). */
    private final AtomicLong nextFill = new AtomicLong(System.nanoTime());
    private volatile Deadline fillStep = Deadline.NONE;
    /** When the running background filling began (0: none runs). */
    private volatile long fillStarted;

    SimTransport(String orkId, SimOrk ork, SimOptions options, ObjectMapper json) {
        this.orkId = orkId;
        this.ork = ork;
        this.options = options;
        this.json = json;
        this.encoder = new JsonAnswer(json.getFactory());
        this.pool = lane(orkId + "-heavy", options);
        this.quick = lane(orkId, options);
        this.filler = new ThreadPoolExecutor(1, 1, 10, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1), r -> {
            Thread t = new Thread(r, "sim-" + orkId + "-fill");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        this.filler.allowCoreThreadTimeOut(true);
        CompletableFuture.delayedExecutor(FILL_START_DELAY_MS, TimeUnit.MILLISECONDS).execute(this::fillInBackground);
    }

    private static ThreadPoolExecutor lane(String name, SimOptions options) {
        AtomicInteger threadNo = new AtomicInteger();
        ThreadPoolExecutor lane = new ThreadPoolExecutor(options.threads(), options.threads(), 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(options.queue()), r -> {
                    Thread t = new Thread(r, "sim-" + name + "-" + threadNo.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        lane.allowCoreThreadTimeOut(true);
        return lane;
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name("sim-call-timer").daemon().factory());
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /** The simulated ORK behind this transport (tests and tools inspect its site). */
    public SimOrk ork() {
        return ork;
    }

    /** Whether day sums are being filled in the background right now (the benchmark waits for the end). */
    boolean filling() {
        return nextFill.get() == 0;
    }

    /** Calls computing right now (tests watch abandoned work let go of its thread). */
    int computing() {
        return pool.getActiveCount() + quick.getActiveCount();
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
        if (TIME_SERIES.contains(method)) {
            fillInBackground();
        }
        long timeoutMs = Math.max(1, timeout.toMillis());
        Deadline deadline = Deadline.in(Duration.ofMillis(timeoutMs));
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        inFlight.add(result);
        // The timeout fails the call on a virtual thread of its own, so calls timing out together are not failed
        // (with everything that depends on them) one after the other on the timer's thread.
        ScheduledFuture<?> timer = TIMER.schedule(() -> Thread.startVirtualThread(() -> result.completeExceptionally(
                new OrkTransportException("sim ORK " + orkId + " did not answer " + method + " within " + timeoutMs
                        + " ms", new TimeoutException("deadline of " + timeoutMs + " ms passed")))),
                timeoutMs, TimeUnit.MILLISECONDS);
        // however the call ends (answer, timeout, the caller cancelling, close), the work stops; and the timer goes
        // at once: it holds the call, so an answer would stay in memory until the timeout
        result.whenComplete((r, e) -> {
            inFlight.remove(result);
            deadline.cancel();
            timer.cancel(false);
        });
        Runnable work = () -> run(method, request, deadline, result);
        ThreadPoolExecutor lane = HEAVY.contains(method) ? pool : quick;
        if (options.latencyMs() > 0) {
            CompletableFuture.delayedExecutor(options.latencyMs(), TimeUnit.MILLISECONDS)
                    .execute(() -> submit(lane, work, result));
        } else {
            submit(lane, work, result);
        }
        if (closed) {
            result.completeExceptionally(new OrkTransportException("sim ORK " + orkId + " is closed"));
        }
        return result;
    }

    /**
     * The first time-series read (and any a while after the last filling) starts computing the day sums of the
     * last days in the background, one day at a time with a pause between days, on a thread of its own (so no call
     * waits behind it), so that week and month reads find them ready.
     */
    private void fillInBackground() {
        long due = nextFill.get();
        if (due != 0 && System.nanoTime() - due >= 0 && nextFill.compareAndSet(due, 0)) {
            fillNext();
        }
    }

    private void fillNext() {
        if (closed) {
            return;
        }
        if (fillStarted == 0) {
            fillStarted = System.nanoTime();
        }
        Deadline step = Deadline.in(FILL_STEP_LIMIT);
        fillStep = step;
        try {
            filler.execute(() -> {
                boolean more;
                try {
                    more = !closed && ork.fillRollups(step);
                } catch (CallAbandoned e) {
                    more = !closed;
                } catch (RuntimeException e) {
                    LOG.warn("sim ORK {}: computing day sums failed", orkId, e);
                    more = false;
                }
                if (more) {
                    CompletableFuture.delayedExecutor(FILL_PAUSE_MS, TimeUnit.MILLISECONDS).execute(this::fillNext);
                } else {
                    LOG.info("sim ORK {}: day sums of the last weeks ready in {} ms ({} KB)", orkId,
                            (System.nanoTime() - fillStarted) / 1_000_000, ork.rollupBytes() / 1024);
                    fillStarted = 0;
                    nextFill.set(System.nanoTime() + FILL_AGAIN_AFTER.toNanos());
                }
            });
        } catch (RejectedExecutionException e) {
            nextFill.set(System.nanoTime());
        }
    }

    private void submit(ThreadPoolExecutor lane, Runnable work, CompletableFuture<byte[]> result) {
        if (result.isDone()) {
            return;
        }
        try {
            Future<?> queued = lane.submit(work);
            result.whenComplete((r, e) -> {
                if (queued.cancel(false)) {
                    lane.remove((Runnable) queued);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new OrkTransportException(closed ? "sim ORK " + orkId + " is closed"
                    : "sim ORK " + orkId + " is busy: " + options.queue() + " calls already wait (option queue)"));
        }
    }

    private void run(String method, byte[] request, Deadline deadline, CompletableFuture<byte[]> result) {
        if (result.isDone()) {
            return;
        }
        try {
            result.complete(answer(method, request, deadline));
        } catch (CallAbandoned e) {
            // the timer or the caller ended the call already; nothing is waiting for this work
            result.completeExceptionally(new OrkTransportException("sim ORK " + orkId + " gave up " + method
                    + " at its deadline", new TimeoutException("deadline passed")));
        } catch (OrkTransportException e) {
            result.completeExceptionally(e);
        } catch (RuntimeException | Error e) {
            // whatever went wrong, the caller gets an answer: a future left open would wait until its timeout
            LOG.error("sim ORK {} failed {}", orkId, method, e);
            result.completeExceptionally(new OrkTransportException("sim ORK " + orkId + " failed " + method + ": "
                    + e, e));
        }
    }

    private byte[] answer(String method, byte[] request, Deadline deadline) {
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
            result = ork.handle(method, decoded, deadline);
        } catch (OrkError e) {
            return error(e.code());
        } catch (CallAbandoned e) {
            throw e;
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
        deadline.check();
        return encoder.encode(result);
    }

    private static byte[] error(String code) {
        return ("\"[HRPC_ERR]=" + code + "\"").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        closed = true;
        fillStep.cancel();
        filler.shutdownNow();
        for (CompletableFuture<byte[]> call : inFlight) {
            call.completeExceptionally(new OrkTransportException("sim ORK " + orkId + " was closed"));
        }
        pool.shutdownNow();
        quick.shutdownNow();
    }
}
