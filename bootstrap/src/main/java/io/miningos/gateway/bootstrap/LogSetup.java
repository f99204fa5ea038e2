package io.miningos.gateway.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

import java.util.Map;

/**
 * The gateway's logging set-up, in code: logback finds it through {@code META-INF/services} before it looks for a
 * {@code logback.xml}. Reading an XML configuration loads logback's configuration model and the JDK's XML parser,
 * some 450 of the 6,800 classes a start loaded, kept in metaspace for the process's life; this is the same
 * configuration without them. One console appender with {@link LogLines} (text or JSON,
 * {@code MININGOS_LOG_FORMAT}) on standard output, or on standard error when {@code MININGOS_LOG_TARGET} says
 * {@code System.err} (commands other than {@code serve}); Jetty, Javalin, jOOQ and Hikari at WARN, the rest at INFO.
 *
 * <p>An operator who wants another configuration names a file with {@code -Dlogback.configurationFile=...}: then
 * this steps aside and logback reads that file.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {

    /** The text lines' pattern; a request's lines carry its id: "... access [5f0c9e2a7d41b3c8] - GET ...". */
    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSX} %-5level %logger{20}%requestIdTag - %msg%n";
    static final Map<String, Level> QUIETER = Map.of("org.eclipse.jetty", Level.WARN, "io.javalin", Level.WARN,
            "org.jooq", Level.WARN, "com.zaxxer.hikari", Level.WARN);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        LogLines encoder = new LogLines();
        encoder.setContext(context);
        encoder.setFormat(setting("MININGOS_LOG_FORMAT", LogLines.TEXT));
        encoder.setPattern(PATTERN);
        encoder.start();

        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("console");
        console.setTarget(setting("MININGOS_LOG_TARGET", "System.out"));
        console.setEncoder(encoder);
        console.start();

        QUIETER.forEach((name, level) -> context.getLogger(name).setLevel(level));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** As logback's {@code ${NAME:-default}}: a system property, else the environment, else the default. */
    private static String setting(String name, String otherwise) {
        String value = System.getProperty(name);
        if (value == null) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? otherwise : value;
    }
}
