package io.miningos.gateway.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogSetupTest {

    private static List<Appender<ILoggingEvent>> appenders(Logger logger) {
        List<Appender<ILoggingEvent>> found = new ArrayList<>();
        logger.iteratorForAppenders().forEachRemaining(found::add);
        return found;
    }

    private static String line(ConsoleAppender<ILoggingEvent> console, LoggerContext context, Map<String, String> mdc) {
        LoggingEvent event = new LoggingEvent(LogSetupTest.class.getName(), context.getLogger("access"), Level.INFO,
                "GET /auth/site 200 2ms", null, null);
        event.setMDCPropertyMap(mdc);
        return new String(console.getEncoder().encode(event), StandardCharsets.UTF_8);
    }

    @Test
    void logbackFindsTheSetUpInTheJarsServices() {
        assertTrue(ServiceLoader.load(Configurator.class).stream().anyMatch(p -> p.type() == LogSetup.class),
                "registered in META-INF/services, so logback never reads an XML file");
    }

    @Test
    void oneConsoleAppenderWithTheGatewaysLinesAndQuieterLibraries() {
        LoggerContext context = new LoggerContext();
        LogSetup setup = new LogSetup();
        setup.setContext(context);

        assertEquals(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, setup.configure(context),
                "no XML configurator runs after it");

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertEquals(Level.INFO, root.getLevel());
        assertEquals(Level.WARN, context.getLogger("org.eclipse.jetty.server.Server").getEffectiveLevel());
        assertEquals(Level.WARN, context.getLogger("org.jooq.Constants").getEffectiveLevel());
        assertEquals(Level.INFO, context.getLogger("access").getEffectiveLevel());
        List<Appender<ILoggingEvent>> appenders = appenders(root);
        assertEquals(1, appenders.size());
        ConsoleAppender<ILoggingEvent> console = assertInstanceOf(ConsoleAppender.class, appenders.getFirst());
        assertTrue(console.isStarted());
        assertInstanceOf(LogLines.class, console.getEncoder());

        String withId = line(console, context, Map.of("requestId", "5f0c9e2a7d41b3c8"));
        assertTrue(withId.endsWith(" INFO  access [5f0c9e2a7d41b3c8] - GET /auth/site 200 2ms\n"), withId);
        String withoutId = line(console, context, Map.of());
        assertTrue(withoutId.endsWith(" INFO  access - GET /auth/site 200 2ms\n"), "no empty brackets: " + withoutId);
        assertFalse(withoutId.contains("[]"), withoutId);
    }

    @Test
    void aConfigurationFileNamedByTheOperatorWins() {
        LoggerContext context = new LoggerContext();
        LogSetup setup = new LogSetup();
        setup.setContext(context);
        String before = System.getProperty("logback.configurationFile");
        System.setProperty("logback.configurationFile", "/etc/miningos/logback.xml");
        try {
            assertEquals(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY, setup.configure(context));
            assertTrue(appenders(context.getLogger(Logger.ROOT_LOGGER_NAME)).isEmpty(), "nothing set up");
        } finally {
            if (before == null) {
                System.clearProperty("logback.configurationFile");
            } else {
                System.setProperty("logback.configurationFile", before);
            }
        }
    }
}
