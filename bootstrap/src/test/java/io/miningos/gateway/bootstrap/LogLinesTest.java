package io.miningos.gateway.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogLinesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final LoggerContext context = new LoggerContext();

    private LoggingEvent event(String logger, Map<String, String> context, String message, Throwable error,
                               Object... arguments) {
        LoggingEvent event = new LoggingEvent(LogLinesTest.class.getName(), this.context.getLogger(logger), Level.INFO,
                message, error, arguments);
        event.setTimeStamp(Instant.parse("2026-11-01T10:00:00.123Z").toEpochMilli());
        event.setMDCPropertyMap(context);
        return event;
    }

    private LogLines encoder(String format) {
        LogLines lines = new LogLines();
        lines.setContext(context);
        lines.setFormat(format);
        lines.setPattern("%level %logger - %msg%n");
        lines.start();
        return lines;
    }

    private static JsonNode parse(byte[] line) throws IOException {
        String text = new String(line, StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\n") && text.indexOf('\n') == text.length() - 1, "one line: " + text);
        return JSON.readTree(text);
    }

    @Test
    void anAccessLineIsOneFlatObjectWithTypedFields() throws IOException {
        Map<String, String> mdc = new LinkedHashMap<>();
        mdc.put("requestId", "5f0c9e2a7d41b3c8");
        mdc.put("route", "/auth/site");
        mdc.put("userId", "1");
        LoggingEvent event = event("access", mdc, "{} {} {} {}ms user={}", null, "GET", "/auth/site", 200, 2, 1);
        event.addKeyValuePair(new KeyValuePair("method", "GET"));
        event.addKeyValuePair(new KeyValuePair("status", 200));
        event.addKeyValuePair(new KeyValuePair("ms", 2L));
        event.addKeyValuePair(new KeyValuePair("userId", "999")); // already in the context: not written twice
        event.addKeyValuePair(new KeyValuePair("level", "spoofed")); // the fixed fields can't be overwritten

        JsonNode line = parse(encoder("json").encode(event));

        assertEquals(List.of("time", "level", "logger", "message", "requestId", "route", "userId", "method", "status",
                "ms"), iterable(line));
        assertEquals("2026-11-01T10:00:00.123Z", line.get("time").asText());
        assertEquals("INFO", line.get("level").asText());
        assertEquals("access", line.get("logger").asText());
        assertEquals("GET /auth/site 200 2ms user=1", line.get("message").asText());
        assertEquals("1", line.get("userId").asText());
        assertTrue(line.get("status").isInt());
        assertTrue(line.get("ms").isNumber());
    }

    @Test
    void anExceptionIsOneFieldWithItsStackAndMessagesAreEscaped() throws IOException {
        LoggingEvent event = event("io.miningos.x", Map.of(), "failed \"quoted\"\nsecond line",
                new IllegalStateException("boom"));
        JsonNode line = parse(encoder("json").encode(event));
        assertEquals("failed \"quoted\"\nsecond line", line.get("message").asText());
        assertEquals("java.lang.IllegalStateException", line.get("error").get("type").asText());
        assertEquals("boom", line.get("error").get("message").asText());
        assertTrue(line.get("error").get("stack").asText().contains("LogLinesTest"));
    }

    @Test
    void textIsThePatternAndAnUnknownFormatIsText() {
        LoggingEvent event = event("access", Map.of(), "hello {}", null, "there");
        assertEquals("INFO access - hello there\n", new String(encoder("text").encode(event), StandardCharsets.UTF_8));
        assertEquals("INFO access - hello there\n", new String(encoder("yaml").encode(event), StandardCharsets.UTF_8));
    }

    @Test
    void theGatewaysOwnConfigurationWritesThroughThisEncoderAndCanBeSwitched() {
        assertFalse(LogLines.writingJson(), "text unless MININGOS_LOG_FORMAT or gateway.logFormat say json");
        try {
            LogLines.use("json");
            assertTrue(LogLines.writingJson());
        } finally {
            LogLines.use("text");
        }
        assertFalse(LogLines.writingJson());
        assertThrows(IllegalArgumentException.class, () -> LogLines.use("xml"));
    }

    private static List<String> iterable(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
