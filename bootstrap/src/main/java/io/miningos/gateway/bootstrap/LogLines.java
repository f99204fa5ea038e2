package io.miningos.gateway.bootstrap;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The encoder of the gateway's log lines (see {@link LogSetup}): the text pattern, or one flat JSON object per
 * line for log shippers, e.g.
 * <pre>{"time":"2026-11-01T10:00:00.123Z","level":"INFO","logger":"access","message":"GET /auth/site 200 2ms user=1",
 * "requestId":"5f0c9e2a7d41b3c8","route":"/auth/site","userId":"1","method":"GET","path":"/auth/site","status":200,
 * "ms":2}</pre>
 * Fixed fields first ({@code time} in UTC, {@code level}, {@code logger}, {@code message}), then the request's
 * context (the MDC: {@code requestId}, {@code route}, {@code userId}), then the line's own key-values with their JSON
 * types, then {@code error} ({@code type}, {@code message}, {@code stack}) for a line with an exception. A key already
 * written is not written again. The format is {@code text} or {@code json}: {@code MININGOS_LOG_FORMAT} (environment
 * or system property) at start, {@link #use(String)} once the configuration is read.
 *
 * <p>logback's own {@code JsonEncoder} nests the context under {@code mdc}, writes key-values as an array of
 * one-key objects with numbers as strings and times as epoch milliseconds: shippers can't filter on that directly.
 */
public final class LogLines extends EncoderBase<ILoggingEvent> {

    public static final String TEXT = "text";
    public static final String JSON = "json";
    private static final Set<String> FIXED = Set.of("time", "level", "logger", "message", "error");
    private static final JsonFactory FACTORY = new JsonFactory();

    private final PatternLayout text = new PatternLayout();
    private volatile boolean json;

    /** {@code text} or {@code json}; anything else is text (a bad value must not cost the log). */
    public void setFormat(String format) {
        json = JSON.equalsIgnoreCase(format == null ? "" : format.trim());
    }

    /**
     * The text lines' pattern (logback's layout syntax), which may also use {@code %requestIdTag}: the request's
     * id in brackets after a space, or nothing outside a request.
     */
    public void setPattern(String pattern) {
        text.getInstanceConverterMap().put("requestIdTag", RequestIdTag::new);
        text.setPattern(pattern);
    }

    /**
     * {@code " [5f0c9e2a7d41b3c8]"} for a request's line, {@code ""} otherwise: what {@code %replace( [%X{requestId}])
     * {' \[\]', ''}} says, without a regular expression run over every line.
     */
    static final class RequestIdTag extends ClassicConverter {
        @Override
        public String convert(ILoggingEvent event) {
            String id = event.getMDCPropertyMap().get("requestId");
            return id == null || id.isEmpty() ? "" : " [" + id + "]";
        }
    }

    boolean writesJson() {
        return json;
    }

    @Override
    public void start() {
        text.setContext(getContext());
        text.start();
        super.start();
    }

    @Override
    public void stop() {
        text.stop();
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return json ? jsonLine(event) : text.doLayout(event).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] jsonLine(ILoggingEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            Set<String> written = new HashSet<>(FIXED);
            json.writeStartObject();
            json.writeStringField("time", Instant.ofEpochMilli(event.getTimeStamp()).toString());
            json.writeStringField("level", event.getLevel().toString());
            json.writeStringField("logger", event.getLoggerName());
            json.writeStringField("message", event.getFormattedMessage());
            for (Map.Entry<String, String> entry : event.getMDCPropertyMap().entrySet()) {
                if (written.add(entry.getKey())) {
                    json.writeStringField(entry.getKey(), entry.getValue());
                }
            }
            List<KeyValuePair> pairs = event.getKeyValuePairs();
            if (pairs != null) {
                for (KeyValuePair pair : pairs) {
                    if (pair.key != null && written.add(pair.key)) {
                        json.writeFieldName(pair.key);
                        writeValue(json, pair.value);
                    }
                }
            }
            IThrowableProxy error = event.getThrowableProxy();
            if (error != null) {
                json.writeObjectFieldStart("error");
                json.writeStringField("type", error.getClassName());
                json.writeStringField("message", error.getMessage());
                json.writeStringField("stack", ThrowableProxyUtil.asString(error));
                json.writeEndObject();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writes to memory: not expected
        }
        out.write('\n');
        return out.toByteArray();
    }

    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        switch (value) {
            case null -> json.writeNull();
            case Integer i -> json.writeNumber(i);
            case Long l -> json.writeNumber(l);
            case Number n when Double.isFinite(n.doubleValue()) -> json.writeNumber(n.doubleValue());
            case Boolean b -> json.writeBoolean(b);
            default -> json.writeString(value.toString());
        }
    }

    /** Whether the gateway's log lines are JSON now. */
    static boolean writingJson() {
        return encoders().stream().anyMatch(LogLines::writesJson);
    }

    /** The encoders of the root logger's appenders that are this class (none under another logging backend). */
    private static List<LogLines> encoders() {
        List<LogLines> found = new ArrayList<>();
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
                if (it.next() instanceof OutputStreamAppender<ILoggingEvent> appender
                        && appender.getEncoder() instanceof LogLines lines) {
                    found.add(lines);
                }
            }
        }
        return found;
    }

    /**
     * Switches every gateway log line to {@code format} ({@code text} or {@code json}).
     *
     * @throws IllegalArgumentException for another format
     */
    static void use(String format) {
        String normalized = format.toLowerCase(Locale.ROOT);
        if (!normalized.equals(TEXT) && !normalized.equals(JSON)) {
            throw new IllegalArgumentException("must be \"text\" or \"json\": " + format);
        }
        encoders().forEach(lines -> lines.setFormat(normalized));
    }
}
