package io.miningos.gateway.domain.globaldata;

import io.miningos.gateway.domain.error.DomainException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/** Typed reads of fields of a written document (plain JSON values), each failing with the code it is given. */
final class DocumentFields {

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

    /** True for a finite JSON number that is zero or more. */
    static boolean isNonNegativeNumber(Object value) {
        return switch (value) {
            case BigDecimal dec -> dec.signum() >= 0;
            case BigInteger big -> big.signum() >= 0;
            case Double d -> Double.isFinite(d) && d >= 0;
            case Float f -> Float.isFinite(f) && f >= 0;
            case Integer i -> i >= 0;
            case Long l -> l >= 0;
            case Short s -> s >= 0;
            case Byte b -> b >= 0;
            case null, default -> false;
        };
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
