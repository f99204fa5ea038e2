package io.miningos.gateway.adapters.http;

import io.miningos.gateway.domain.error.DomainException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of fields of a parsed JSON object, each failing with the {@code ERR_*} code the caller names.
 * This is where raw request values become Java values; value objects take it from there.
 */
public final class JsonFields {

    private JsonFields() {
    }

    /** A required, non-blank string. */
    public static String string(Map<String, Object> object, String key, String code) {
        Object value = object.get(key);
        if (!(value instanceof String s) || s.isBlank()) {
            throw DomainException.invalid(code);
        }
        return s;
    }

    /** An optional string: absent or null gives null; any other non-string is an error. */
    public static String optionalString(Map<String, Object> object, String key, String code) {
        Object value = object.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw DomainException.invalid(code);
        }
        return s;
    }

    /** A required integer; JSON numbers without a fraction and decimal strings of digits are accepted. */
    public static long integer(Object value, String code) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big && big.bitLength() < 64) {
            return big.longValue();
        }
        if (value instanceof BigDecimal dec) {
            try {
                return dec.longValueExact();
            } catch (ArithmeticException e) {
                throw DomainException.invalid(code);
            }
        }
        if (value instanceof String s && s.matches("-?[0-9]{1,18}")) {
            return Long.parseLong(s);
        }
        throw DomainException.invalid(code);
    }

    /** An optional number: absent or null gives null; any other non-number is an error. */
    public static Number optionalNumber(Map<String, Object> object, String key, String code) {
        Object value = object.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number number)) {
            throw DomainException.invalid(code);
        }
        return number;
    }

    /** A required boolean (JSON true/false only). */
    public static boolean bool(Map<String, Object> object, String key, String code) {
        if (!(object.get(key) instanceof Boolean b)) {
            throw DomainException.invalid(code);
        }
        return b;
    }

    /** A required JSON object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Map<String, Object> object, String key, String code) {
        if (!(object.get(key) instanceof Map<?, ?> map)) {
            throw DomainException.invalid(code);
        }
        return (Map<String, Object>) map;
    }

    /** A required JSON array. */
    @SuppressWarnings("unchecked")
    public static List<Object> array(Map<String, Object> object, String key, String code) {
        if (!(object.get(key) instanceof List<?> list)) {
            throw DomainException.invalid(code);
        }
        return (List<Object>) list;
    }

    /** A required array of strings. */
    public static List<String> strings(Object value, String code) {
        if (!(value instanceof List<?> list)) {
            throw DomainException.invalid(code);
        }
        for (Object o : list) {
            if (!(o instanceof String)) {
                throw DomainException.invalid(code);
            }
        }
        return list.stream().map(String.class::cast).toList();
    }
}
