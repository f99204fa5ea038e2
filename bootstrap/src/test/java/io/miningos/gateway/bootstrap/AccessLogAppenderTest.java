package io.miningos.gateway.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.AppenderBase;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The access log never makes a request wait: a sink that stalls costs lines (counted), not requests. */
class AccessLogAppenderTest {

    /** A sink that takes nothing until it is opened, as a blocked terminal or a full journal. */
    private static final class StalledSink extends AppenderBase<ILoggingEvent> {
        final CountDownLatch open = new CountDownLatch(1);
        final List<String> written = new CopyOnWriteArrayList<>();

        @Override
        protected void append(ILoggingEvent event) {
            try {
                open.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            written.add(event.getFormattedMessage());
        }
    }

    @Test
    void aStalledSinkDropsAndCountsLinesInsteadOfBlockingTheRequestsThenGetsTheQueuedOnes() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter()); // an appender that defers copies the request's context
        StalledSink sink = new StalledSink();
        sink.setContext(context);
        sink.start();
        AccessLogAppender access = new AccessLogAppender();
        access.setContext(context);
        access.setQueueSize(4);
        access.addAppender(sink);
        access.start();
        ch.qos.logback.classic.Logger logger = context.getLogger("access");

        int lines = 100;
        for (int i = 0; i < lines; i++) { // with a blocking queue this loop would never end: the sink is stalled
            access.doAppend(new LoggingEvent("x", logger, Level.INFO, "GET /auth/site 200 1ms n=" + i, null, null));
        }
        // at most 4 queued and 4 more taken by the writer, which waits on the first of them
        assertTrue(access.dropped() >= lines - 2 * 4, access.dropped() + " dropped");

        sink.open.countDown();
        access.stop(); // writes what is queued
        assertEquals(lines, sink.written.size() + access.dropped(), "every line is written or counted as dropped");
        assertEquals("GET /auth/site 200 1ms n=0", sink.written.getFirst());
    }
}
