package io.miningos.gateway.query;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * The text JavaScript's {@code String(value)} gives for a JSON value. The Node-based MiningOS services key groups
 * and sort "naturally" by that text, so where we reproduce those behaviours we need the same text:
 * {@code 5.0 → "5"}, {@code 1e21 → "1e+21"}, {@code [1,"a"] → "1,a"}, objects {@code → "[object Object]"}.
 * Integers (including big ones) render exactly, where JavaScript would first round them to a double.
 */
final class JsStringForm {

    private JsStringForm() {
    }

    static String of(Object value) {
        if (value == JsonPath.MISSING) {
            return "undefined";
        }
        if (value == null) {
            return "null";
        }
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Number number) {
            return number(number);
        }
        if (value instanceof Boolean bool) {
            return bool.toString();
        }
        if (value instanceof Map<?, ?>) {
            return "[object Object]";
        }
        if (value instanceof List<?> list) {
            StringBuilder text = new StringBuilder();
            boolean first = true;
            for (Object element : list) {
                if (!first) {
                    text.append(',');
                }
                first = false;
                // Array.prototype.join renders null and undefined as empty strings.
                if (element != null) {
                    text.append(of(element));
                }
            }
            return text.toString();
        }
        return value.toString();
    }

    static String number(Number number) {
        if (number instanceof Integer || number instanceof Long || number instanceof Short
                || number instanceof Byte || number instanceof BigInteger) {
            return number.toString();
        }
        if (number instanceof Double || number instanceof Float) {
            double value = number.doubleValue();
            if (Double.isNaN(value)) {
                return "NaN";
            }
            if (Double.isInfinite(value)) {
                return value > 0 ? "Infinity" : "-Infinity";
            }
            if (value == 0) {
                return "0";
            }
            // Java's toString gives the shortest digits that round-trip, as JavaScript does; only the layout differs.
            String shortest = number instanceof Float f ? Float.toString(f) : Double.toString(value);
            return decimal(new BigDecimal(shortest));
        }
        return decimal(ValueOrder.toBigDecimal(number));
    }

    // JavaScript writes plain digits for 1e-7 < |x| < 1e21 and d.ddde±n outside that range.
    private static String decimal(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.signum() == 0) {
            return "0";
        }
        int exponent = stripped.precision() - stripped.scale() - 1;
        if (exponent > -7 && exponent < 21) {
            return stripped.toPlainString();
        }
        String digits = stripped.unscaledValue().abs().toString();
        StringBuilder text = new StringBuilder(digits.length() + 8);
        if (stripped.signum() < 0) {
            text.append('-');
        }
        text.append(digits.charAt(0));
        if (digits.length() > 1) {
            text.append('.').append(digits, 1, digits.length());
        }
        text.append('e').append(exponent > 0 ? '+' : '-').append(Math.abs(exponent));
        return text.toString();
    }
}
