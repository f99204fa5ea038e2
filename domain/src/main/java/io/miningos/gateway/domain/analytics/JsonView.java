package io.miningos.gateway.domain.analytics;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A read-only view of a decoded JSON value (plain Java {@code Map}, {@code List}, {@code String}, {@code Number},
 * {@code Boolean}, {@code null}) that never trusts its shape: asking for a field of a number, an element of an
 * object or a number of a text gives an empty view or {@code null}, never an exception. ORK answers are read only
 * through it, so a worker that sends something unexpected makes a value missing, not a request fail.
 */
public final class JsonView {

    private static final JsonView MISSING = new JsonView(null);
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,30}(\\.\\d{1,30})?([eE][-+]?\\d{1,3})?");
    private static final Pattern WHOLE = Pattern.compile("-?\\d{1,18}");
    private static final int MAX_DIGITS = 1_100;

    private final Object value;

    private JsonView(Object value) {
        this.value = value;
    }

    public static JsonView of(Object value) {
        return value == null ? MISSING : new JsonView(value);
    }

    /** The underlying value (null when missing). */
    public Object raw() {
        return value;
    }

    public boolean isMissing() {
        return value == null;
    }

    public boolean isObject() {
        return value instanceof Map<?, ?>;
    }

    public boolean isArray() {
        return value instanceof List<?>;
    }

    /** The field {@code name} of an object; missing for anything else. */
    public JsonView get(String name) {
        return value instanceof Map<?, ?> map ? of(map.get(name)) : MISSING;
    }

    /** True when this is an object with the field {@code name}, even one set to {@code null}. */
    public boolean has(String name) {
        return value instanceof Map<?, ?> map && map.containsKey(name);
    }

    /** A dotted path of object fields, e.g. {@code last.snap.stats.power_w}. */
    public JsonView path(String dotted) {
        JsonView at = this;
        int from = 0;
        while (from <= dotted.length()) {
            int dot = dotted.indexOf('.', from);
            int to = dot < 0 ? dotted.length() : dot;
            at = at.get(dotted.substring(from, to));
            if (at.isMissing() || dot < 0) {
                return at;
            }
            from = dot + 1;
        }
        return at;
    }

    /** Element {@code index} of an array; missing for anything else or out of range. */
    public JsonView at(int index) {
        return value instanceof List<?> list && index >= 0 && index < list.size() ? of(list.get(index)) : MISSING;
    }

    /** The elements of an array (nulls included as missing views); empty for anything else. */
    public List<JsonView> items() {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        List<JsonView> out = new ArrayList<>(list.size());
        for (Object item : list) {
            out.add(of(item));
        }
        return out;
    }

    /** The fields of an object in their order; empty for anything else. */
    public Map<String, JsonView> fields() {
        if (!(value instanceof Map<?, ?> map)) {
            return Map.of();
        }
        Map<String, JsonView> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), of(v)));
        return Collections.unmodifiableMap(out);
    }

    /** A finite number, or numeric text (workers send some numbers as text); otherwise null. */
    public Double asDouble() {
        BigDecimal d = asDecimal();
        if (d == null) {
            return null;
        }
        double v = d.doubleValue();
        return Double.isFinite(v) ? v : null;
    }

    /** Like {@link #asDouble()} with {@code fallback} for anything that is not a number. */
    public double asDouble(double fallback) {
        Double v = asDouble();
        return v == null ? fallback : v;
    }

    /**
     * The exact decimal value of a number or numeric text; null otherwise (NaN and infinities included, and decimals
     * with more than {@value #MAX_DIGITS} digits before or after the point, such as {@code 1E+2147483647}, which no
     * JSON writer means and whose exact sums would never end).
     */
    public BigDecimal asDecimal() {
        return switch (value) {
            case BigDecimal d when d.scale() > MAX_DIGITS || (long) d.precision() - d.scale() > MAX_DIGITS -> null;
            case BigDecimal d -> d;
            case BigInteger i -> new BigDecimal(i);
            case Long l -> BigDecimal.valueOf(l);
            case Integer i -> BigDecimal.valueOf(i);
            case Short s -> BigDecimal.valueOf(s);
            case Byte b -> BigDecimal.valueOf(b);
            case Number n when Double.isFinite(n.doubleValue()) -> new BigDecimal(n.toString());
            case String s when DECIMAL.matcher(s.trim()).matches() -> new BigDecimal(s.trim());
            case null, default -> null;
        };
    }

    /** A whole number (or whole numeric text) that fits a long; null otherwise. */
    public Long asLong() {
        if (value instanceof String s) {
            String t = s.trim();
            return WHOLE.matcher(t).matches() ? Long.parseLong(t) : null;
        }
        BigDecimal d = asDecimal();
        if (d == null) {
            return null;
        }
        try {
            return d.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException notWholeOrTooLarge) {
            return null;
        }
    }

    /**
     * An instant as epoch milliseconds: a positive whole number (or numeric text, as the ORK writes aggregated
     * {@code ts}), read as seconds when below 10¹² (pool workers write seconds); null otherwise. A range label
     * {@code "<start>-<end>"} (a {@code groupRange} bucket) reads as its start.
     */
    public Long asEpochMillis() {
        Long whole = asLong();
        if (whole == null && value instanceof String s) {
            int dash = s.indexOf('-', 1);
            whole = dash > 0 ? of(s.substring(0, dash)).asLong() : null;
        }
        if (whole == null && value instanceof Number) {
            BigDecimal d = asDecimal();
            whole = d == null ? null : d.longValue();
        }
        if (whole == null || whole <= 0 || whole > 253_402_300_799_999L) {
            return null;
        }
        return whole < 1_000_000_000_000L ? whole * 1000 : whole;
    }

    /** Text, or null for anything else (numbers are not turned into text). */
    public String asText() {
        return value instanceof String s ? s : null;
    }

    /** A JSON boolean, or null for anything else. */
    public Boolean asBoolean() {
        return value instanceof Boolean b ? b : null;
    }

    /** JavaScript truthiness, which decides several Node rules this gateway keeps. */
    public boolean isTruthy() {
        return switch (value) {
            case null -> false;
            case Boolean b -> b;
            case String s -> !s.isEmpty();
            case Number n -> n.doubleValue() != 0 && !Double.isNaN(n.doubleValue());
            default -> true;
        };
    }

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
