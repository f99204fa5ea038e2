package io.miningos.gateway.bootstrap;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The access log's appender (see {@code logback.xml}): the one line per request is handed to a bounded queue and
 * written by logback's worker thread, so a slow log sink (a full journal, a blocked terminal) never holds up a
 * request. A request never waits: when the queue is full its line is dropped. Drops are counted (approximately:
 * the queue is seen full just before the line is offered) and reported in a warning at most once a minute, and
 * {@link #drain()} writes what is queued when the server stops.
 */
public final class AccessLogAppender extends AsyncAppender {

    private static final Logger LOG = LoggerFactory.getLogger(AccessLogAppender.class);
    private static final long REPORT_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong reported = new AtomicLong();
    private volatile long lastReport = System.nanoTime() - REPORT_EVERY_NANOS;

    public AccessLogAppender() {
        setNeverBlock(true);
        setDiscardingThreshold(0); // every line counts the same, whatever its level
        setIncludeCallerData(false);
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (getRemainingCapacity() == 0) {
            dropped.incrementAndGet();
            reportDrops();
            return;
        }
        super.append(event);
    }

    /** Lines dropped so far because the queue was full. */
    long dropped() {
        return dropped.get();
    }

    private void reportDrops() {
        long now = System.nanoTime();
        if (now - lastReport < REPORT_EVERY_NANOS) {
            return;
        }
        lastReport = now;
        long total = dropped.get();
        long since = total - reported.getAndSet(total);
        // not through the access logger: this line must not queue behind the ones that did not fit
        LOG.warn("{} access log lines dropped since the last report ({} in all): the log sink is slower than the"
                + " requests", since, total);
    }

    /** Writes the queued lines of every access log appender (within its flush time) and stops them. */
    static void drain() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        for (ch.qos.logback.classic.Logger logger : context.getLoggerList()) {
            for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext(); ) {
                if (it.next() instanceof AccessLogAppender appender && appender.isStarted()) {
                    appender.stop(); // AsyncAppenderBase.stop writes what is queued, up to maxFlushTime
                    if (appender.dropped() > appender.reported.get()) {
                        LOG.warn("{} access log lines dropped in all", appender.dropped());
                    }
                }
            }
        }
    }
}
