package io.miningos.gateway.adapters.http;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The access log never makes a request wait: a sink that stalls costs lines (counted), not requests. */
class AccessLogTest {

    /** A sink that takes nothing until it is opened, as a blocked terminal or a full journal. */
    private static final class Sink extends AppenderBase<ILoggingEvent> {
        final CountDownLatch open;
        final List<ILoggingEvent> written = new CopyOnWriteArrayList<>();

        Sink(boolean stalled) {
            open = new CountDownLatch(stalled ? 1 : 0);
        }

        @Override
        protected void append(ILoggingEvent event) {
            try {
                open.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            event.prepareForDeferredProcessing(); // takes the context now, as appenders that keep events do
            written.add(event);
        }
    }

    private final Logger logger = (Logger) LoggerFactory.getLogger("access-test-" + System.nanoTime());

    private Sink attach(boolean stalled) {
        Sink sink = new Sink(stalled);
        sink.setContext(logger.getLoggerContext());
        sink.start();
        logger.addAppender(sink);
        logger.setAdditive(false);
        return sink;
    }

    @AfterEach
    void detach() {
        logger.detachAndStopAllAppenders();
        MDC.clear();
    }

    @Test
    void aLineCarriesItsRequestsContextAndFieldsAndIsWrittenByClose() {
        Sink sink = attach(false);
        AccessLog log = new AccessLog(16, logger);
        MDC.put("requestId", "5f0c9e2a7d41b3c8");
        MDC.put("route", "/auth/site");
        log.log("GET", "/auth/site", 200, 2, "1");
        MDC.clear();
        log.log("GET", "/nowhere", 404, 0, "-");
        log.close();

        assertEquals(2, sink.written.size());
        ILoggingEvent site = sink.written.getFirst();
        assertEquals("GET /auth/site 200 2ms user=1", site.getFormattedMessage());
        assertEquals(Map.of("requestId", "5f0c9e2a7d41b3c8", "route", "/auth/site"), site.getMDCPropertyMap());
        assertEquals(Map.of("method", "GET", "path", "/auth/site", "status", 200, "ms", 2L),
                site.getKeyValuePairs().stream().collect(Collectors.toMap(p -> p.key, p -> p.value)));
        assertEquals("GET /nowhere 404 0ms user=-", sink.written.get(1).getFormattedMessage());
        assertTrue(sink.written.get(1).getMDCPropertyMap().isEmpty());
        assertEquals(0, log.dropped());
    }

    @Test
    void aStalledSinkDropsAndCountsLinesInsteadOfBlockingTheRequests() {
        Sink sink = attach(true);
        AccessLog log = new AccessLog(4, logger);
        int lines = 100;
        for (int i = 0; i < lines; i++) { // with a blocking queue this loop would never end: the sink is stalled
            log.log("GET", "/auth/site", 200, i, "1");
        }
        // at most 4 queued, and 4 more taken by the writer, which waits on the first of them
        assertTrue(log.dropped() >= lines - 2 * 4, log.dropped() + " dropped");

        sink.open.countDown();
        log.close();
        assertEquals(lines, sink.written.size() + log.dropped(), "every line is written or counted as dropped");
        assertEquals("GET /auth/site 200 0ms user=1", sink.written.getFirst().getFormattedMessage());
    }
}
