package io.miningos.gateway.adapters.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The one line per request (logger {@code access}: {@code GET /auth/site 200 1ms user=1}, with the request's logging
 * context and {@code method}, {@code path}, {@code status}, {@code ms} as key-values), written by a thread of its own.
 *
 * <p>A request only hands its line's parts to a bounded queue and goes on: it never waits for the log, and when the
 * queue is full its line is dropped and counted (a warning says how many, at most once a minute, and in all when the
 * server stops). The writer wakes every {@value #WRITE_EVERY_MS} ms and writes what queued up in one go, so a
 * request costs no thread hand-over and the logging code runs warm for a batch; a line is thus written up to that
 * long after its request ended. {@link #close} writes what is queued.
 */
final class AccessLog implements AutoCloseable {

    /** Lines waiting for the writer; a burst beyond it is dropped rather than waited for. */
    static final int QUEUE_CAPACITY = 8_192;
    static final long WRITE_EVERY_MS = 25;
    private static final long REPORT_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final Logger ACCESS = LoggerFactory.getLogger("access");
    private static final Logger LOG = LoggerFactory.getLogger(AccessLog.class);

    /** What a line says, and the request's logging context (request id, route, user) when it ended. */
    private record Line(String method, String path, int status, long ms, String user, Map<String, String> context) {
    }

    private final BlockingQueue<Line> queue;
    private final Logger target;
    private final boolean enabled;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private volatile boolean closing;
    private long droppedReported;
    private long lastReport = System.nanoTime() - REPORT_EVERY_NANOS;

    AccessLog() {
        this(QUEUE_CAPACITY, ACCESS);
    }

    AccessLog(int capacity, Logger target) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.target = target;
        this.enabled = target.isInfoEnabled(); // a logging configuration may switch the access log off
        this.writer = Thread.ofPlatform().daemon().name("access-log").unstarted(this::write);
        if (enabled) {
            writer.start();
        }
    }

    /** Queues the request's line (its logging context is taken from this thread); never blocks. */
    void log(String method, String path, int status, long ms, String user) {
        if (!enabled) {
            return;
        }
        if (!queue.offer(new Line(method, path, status, ms, user, MDC.getCopyOfContextMap()))) {
            dropped.incrementAndGet();
        }
    }

    /** Lines dropped so far because the queue was full. */
    long dropped() {
        return dropped.get();
    }

    private void write() {
        List<Line> batch = new ArrayList<>();
        while (true) {
            boolean last = closing; // read before draining: whatever was queued before close() is written
            queue.drainTo(batch);
            for (Line line : batch) {
                write(line);
            }
            batch.clear();
            reportDrops(last);
            if (last) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(WRITE_EVERY_MS));
        }
    }

    private void write(Line line) {
        if (line.context() == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(line.context());
        }
        try {
            target.atInfo().addKeyValue("method", line.method()).addKeyValue("path", line.path())
                    .addKeyValue("status", line.status()).addKeyValue("ms", line.ms())
                    .log("{} {} {} {}ms user={}", line.method(), line.path(), line.status(), line.ms(), line.user());
        } catch (RuntimeException e) {
            LOG.warn("an access log line could not be written: {}", e.toString());
        } finally {
            MDC.clear();
        }
    }

    private void reportDrops(boolean last) {
        long now = System.nanoTime();
        long total = dropped.get();
        if (total == droppedReported || (!last && now - lastReport < REPORT_EVERY_NANOS)) {
            return;
        }
        lastReport = now;
        // not through the access logger: this line must not wait behind the ones that did not fit
        LOG.warn("{} access log lines dropped since the last report ({} in all): the log sink was slower than the"
                + " requests", total - droppedReported, total);
        droppedReported = total;
    }

    /** Writes what is queued (waiting a few seconds at most) and stops the writer. */
    @Override
    public void close() {
        closing = true;
        LockSupport.unpark(writer);
        try {
            writer.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
