package io.miningos.gateway.domain.globaldata;

import io.miningos.gateway.domain.error.DomainException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** Typed reads of fields of a written document (plain JSON values), each failing with the code it is given. */
final class DocumentFields {

    static final int MAX_MAGNITUDE_DIGITS = 15;
    static final BigDecimal MAX_MAGNITUDE = BigDecimal.TEN.pow(MAX_MAGNITUDE_DIGITS);
    static final int MAX_FRACTION_DIGITS = 20;

    private DocumentFields() {
    }

    /** A JSON number without a fraction ({@code 2024} or {@code 2024.0}) within {@code [min, max]}; no strings. */
    static long wholeNumber(Object value, long min, long max, String code) {
        Long whole = switch (value) {
            case Integer i -> i.longValue();
            case Long l -> l;
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case BigInteger big -> big.bitLength() < 64 ? big.longValue() : null;
            case BigDecimal dec -> exactLong(dec);
            case Double d -> d == Math.rint(d) && Math.abs(d) < 0x1p53 ? (Long) d.longValue() : null;
            case Float f -> f == Math.rint(f) && Math.abs(f) < 0x1p24 ? (Long) f.longValue() : null;
            case null, default -> null;
        };
        if (whole == null || whole < min || whole > max) {
            throw DomainException.invalid(code);
        }
        return whole;
    }

    private static Long exactLong(BigDecimal dec) {
        if (dec.precision() - dec.scale() > 19) { // far too large; refuse before any expansion of 1E+999999999
            return null;
        }
        try {
            return dec.longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /**
     * A JSON number as the UI (JavaScript) reads it back: finite, at most {@value #MAX_MAGNITUDE_DIGITS} digits
     * before the point (10^15: doubles count whole numbers exactly up to 2^53) and at most
     * {@value #MAX_FRACTION_DIGITS} after it. Anything else, e.g. {@code 1e2147483647} (stored as written, read as
     * Infinity, and a hang for exact arithmetic) or {@code 1e-400} (read as 0), is null, as is a non-number.
     */
    static BigDecimal decimal(Object value) {
        BigDecimal dec = switch (value) {
            case BigDecimal d -> d;
            case BigInteger big -> big.bitLength() < 64 ? new BigDecimal(big) : null;
            case Double d -> Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
            case Float f -> Float.isFinite(f) ? new BigDecimal(Float.toString(f)) : null;
            case Integer i -> BigDecimal.valueOf(i);
            case Long l -> BigDecimal.valueOf(l);
            case Short s -> BigDecimal.valueOf(s);
            case Byte b -> BigDecimal.valueOf(b);
            case null, default -> null;
        };
        // Scale and precision first (long arithmetic: a scale can be near Integer.MIN_VALUE), so an absurd exponent
        // is refused before any arithmetic on it.
        if (dec == null || dec.scale() > MAX_FRACTION_DIGITS
                || (long) dec.precision() - dec.scale() > MAX_MAGNITUDE_DIGITS + 1) {
            return null;
        }
        return dec.abs().compareTo(MAX_MAGNITUDE) > 0 ? null : dec;
    }

    /** True for a number ({@link #decimal readable}) within {@code [min, max]}. */
    static boolean isNumberWithin(Object value, BigDecimal min, BigDecimal max) {
        BigDecimal dec = decimal(value);
        return dec != null && dec.compareTo(min) >= 0 && dec.compareTo(max) <= 0;
    }

    /** Fails with {@code code} if any number at any depth of {@code value} is not {@link #decimal readable}. */
    static void requireReadableNumbers(Object value, String code) {
        switch (value) {
            case Map<?, ?> map -> map.values().forEach(item -> requireReadableNumbers(item, code));
            case List<?> list -> list.forEach(item -> requireReadableNumbers(item, code));
            case Number number when decimal(number) == null -> throw DomainException.invalid(code);
            case null, default -> {
            }
        }
    }

    /** A non-blank string of at most {@code maxLength} characters without control characters. */
    static String name(Object value, int maxLength, String code) {
        if (!(value instanceof String text) || text.isBlank() || text.length() > maxLength
                || text.chars().anyMatch(Character::isISOControl)) {
            throw DomainException.invalid(code);
        }
        return text;
    }

    /** A JSON object, or null when absent; anything else fails. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> optionalObject(Object value, String code) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw DomainException.invalid(code);
        }
        return (Map<String, Object>) map;
    }
}
