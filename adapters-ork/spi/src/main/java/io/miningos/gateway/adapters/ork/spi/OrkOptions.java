package io.miningos.gateway.adapters.ork.spi;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads one ORK's options ({@link OrkTransportContext#options()}) key by key, as the gateway reads its own
 * configuration, so every transport reports option errors alike:
 * <ul>
 *   <li>each getter names its key and marks it as known; a missing key, or one whose value is JSON
 *       {@code null}, is empty (the caller picks the default with {@code orElse});</li>
 *   <li>a value of the wrong type or out of bounds throws {@link IllegalArgumentException} whose message starts
 *       with the key, e.g. {@code "miners: must be a whole number between 1 and 200000"}, as
 *       {@link OrkTransportProvider#open} must;</li>
 *   <li>{@link #finish()}, called once every option was read, refuses any key nobody read, naming the known ones,
 *       so a misspelt option never silently means its default.</li>
 * </ul>
 * Values are the plain JSON values the gateway passes (Map, List, String, Number, Boolean); a whole number is an
 * integral {@code Number} (so {@code 5000.0} is not one, as in the gateway's own configuration). Not thread-safe:
 * one reader per {@code open}.
 *
 * <pre>{@code
 * OrkOptions read = OrkOptions.of("bench-fixed", context.options());
 * int things = read.integer("things", 0, 1_000_000).orElse(100L).intValue();
 * Duration latency = read.duration("latencyMs", Duration.ZERO, Duration.ofMinutes(10)).orElse(Duration.ZERO);
 * read.finish();
 * }</pre>
 */
public final class OrkOptions {

    private final String transport;
    private final Map<String, Object> options;
    private final Set<String> known = new TreeSet<>();

    private OrkOptions(String transport, Map<String, ?> options) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.options = new LinkedHashMap<>(Objects.requireNonNull(options, "options"));
    }

    /**
     * @param transport the transport's name, for messages ({@code "unknown option of the sim transport"})
     * @param options   the ORK's options as the gateway passes them
     */
    public static OrkOptions of(String transport, Map<String, ?> options) {
        return new OrkOptions(transport, options);
    }

    /** Whether {@code key} is set (present and not {@code null}); marks it as known. */
    public boolean has(String key) {
        return value(key) != null;
    }

    /** A string; any string, empty included (check its form with {@link #problem}). */
    public Optional<String> string(String key) {
        Object value = value(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            throw problem(key, "must be a string");
        }
        return Optional.of(text);
    }

    /** A required string: missing is {@code "<key>: is required (<what>)"}. */
    public String requiredString(String key, String what) {
        return string(key).orElseThrow(() -> problem(key, "is required (" + what + ")"));
    }

    /** A whole number within {@code [min, max]}. */
    public Optional<Long> integer(String key, long min, long max) {
        Object value = value(key);
        if (value == null) {
            return Optional.empty();
        }
        Long whole = wholeNumber(value);
        if (whole == null || whole < min || whole > max) {
            throw problem(key, "must be a whole number between " + min + " and " + max);
        }
        return Optional.of(whole);
    }

    /** A number (whole or not) within {@code [min, max]}. */
    public Optional<Double> number(String key, double min, double max) {
        Object value = value(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Number n) || !(n.doubleValue() >= min && n.doubleValue() <= max)) {
            throw problem(key, "must be a number between " + plain(min) + " and " + plain(max));
        }
        return Optional.of(n.doubleValue());
    }

    /** {@code true} or {@code false}. */
    public Optional<Boolean> bool(String key) {
        Object value = value(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Boolean b)) {
            throw problem(key, "must be true or false");
        }
        return Optional.of(b);
    }

    /**
     * A duration given as a whole number of milliseconds (the form ORK options use, e.g. {@code "timeout": 5000}),
     * within {@code [min, max]}.
     */
    public Optional<Duration> duration(String key, Duration min, Duration max) {
        Object value = value(key);
        if (value == null) {
            return Optional.empty();
        }
        Long millis = wholeNumber(value);
        if (millis == null || millis < min.toMillis() || millis > max.toMillis()) {
            throw problem(key, "must be a whole number of milliseconds between " + min.toMillis() + " and "
                    + max.toMillis());
        }
        return Optional.of(Duration.ofMillis(millis));
    }

    /** A list of strings, possibly empty. A bad entry is {@code "<key>: entry <n> must be a string"}, from 1. */
    public Optional<List<String>> strings(String key) {
        Object value = value(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof List<?> list)) {
            throw problem(key, "must be a list of strings");
        }
        List<String> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String text)) {
                throw problem(key, "entry " + (i + 1) + " must be a string");
            }
            out.add(text);
        }
        return Optional.of(List.copyOf(out));
    }

    /** The error for a bad value of {@code key}: its message is {@code "<key>: <problem>"}. */
    public IllegalArgumentException problem(String key, String problem) {
        return new IllegalArgumentException(key + ": " + problem);
    }

    /** Refuses the first key (in the given order) that no getter read. Call it after reading every option. */
    public void finish() {
        for (String key : options.keySet()) {
            if (!known.contains(key)) {
                throw problem(key, "unknown option of the " + transport + " transport (known: "
                        + String.join(", ", known) + ")");
            }
        }
    }

    private Object value(String key) {
        known.add(key);
        return options.get(key);
    }

    /** The value as a long if it is an integral number that fits one; null otherwise. */
    private static Long wholeNumber(Object value) {
        return switch (value) {
            case Integer i -> i.longValue();
            case Long l -> l;
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case BigInteger big when big.bitLength() < Long.SIZE -> big.longValue();
            default -> null;
        };
    }

    /** {@code 1} rather than {@code 1.0} in messages. */
    private static String plain(double d) {
        return Double.isFinite(d) ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : Double.toString(d);
    }
}
