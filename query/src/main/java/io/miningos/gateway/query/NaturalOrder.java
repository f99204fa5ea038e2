package io.miningos.gateway.query;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The "natural" ordering the ORK uses to sort things: a value is split into runs of digits and runs of other
 * characters, digit runs compare as numbers and the rest as text, so {@code "A-2" < "A-10"} and
 * {@code "2-3_b2" < "10-1_a1"}. Text runs compare case-insensitively first and put lower case first on a tie,
 * the way JavaScript's {@code localeCompare} does for the ASCII codes and positions that things carry; when one
 * value is a prefix of the other, the shorter comes first.
 *
 * <p>Where the ORK's compare gives nonsense this one does the sensible thing instead: a number, or a string that
 * is entirely a decimal number ({@code "20.91"}, as Antminer Hydro reports its efficiency), is one numeric run,
 * so {@code 70.5 > 70.33} and {@code -5 < -3} (the ORK would split at the dot and the minus sign). Digit runs
 * compare exactly however long they are. The result is a total order, which Java's sort requires.
 */
final class NaturalOrder {

    // Longer decimal strings are split into runs rather than parsed as one number.
    private static final int MAX_DECIMAL_LENGTH = 64;
    private static final int MAX_LONG_DIGITS = 18;

    private NaturalOrder() {
    }

    /** The sort key of a value: its runs, each a {@link Number} or a {@link String}; {@code null} for null. */
    static Object[] key(Object value) {
        if (value == null || value == JsonPath.MISSING) {
            return null;
        }
        if (value instanceof Number number) {
            return new Object[] {number};
        }
        String text = JsStringForm.of(value);
        if (isDecimal(text)) {
            return new Object[] {new BigDecimal(text)};
        }
        return runs(text);
    }

    static int compareKeys(Object[] a, Object[] b) {
        int length = Math.min(a.length, b.length);
        for (int i = 0; i < length; i++) {
            int c = compareRuns(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    private static int compareRuns(Object a, Object b) {
        if (a instanceof Number x) {
            return b instanceof Number y ? ValueOrder.compareNumbers(x, y) : -textSideOfNumbers((String) b);
        }
        return b instanceof Number ? textSideOfNumbers((String) a) : compareText((String) a, (String) b);
    }

    // Numbers sit where digits sit among characters: after "-", "." and " ", before letters and "_".
    private static int textSideOfNumbers(String text) {
        return Character.toLowerCase(text.charAt(0)) < '0' ? -1 : 1;
    }

    private static int compareText(String a, String b) {
        int length = Math.min(a.length(), b.length());
        for (int i = 0; i < length; i++) {
            char x = Character.toLowerCase(a.charAt(i));
            char y = Character.toLowerCase(b.charAt(i));
            if (x != y) {
                return x - y;
            }
        }
        if (a.length() != b.length()) {
            return a.length() - b.length();
        }
        for (int i = 0; i < length; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                boolean lowerX = Character.isLowerCase(x);
                return lowerX != Character.isLowerCase(y) ? (lowerX ? -1 : 1) : x - y;
            }
        }
        return 0;
    }

    private static Object[] runs(String text) {
        List<Object> runs = new ArrayList<>(6);
        int i = 0;
        int length = text.length();
        while (i < length) {
            int start = i;
            boolean digits = isDigit(text.charAt(i));
            while (i < length && isDigit(text.charAt(i)) == digits) {
                i++;
            }
            runs.add(digits ? integer(text, start, i) : text.substring(start, i));
        }
        return runs.toArray();
    }

    private static Number integer(String text, int start, int end) {
        int significant = start;
        while (significant < end - 1 && text.charAt(significant) == '0') {
            significant++;
        }
        return end - significant <= MAX_LONG_DIGITS
                ? (Number) Long.parseLong(text, significant, end, 10)
                : new BigInteger(text.substring(significant, end));
    }

    // -?digits(.digits)?
    private static boolean isDecimal(String text) {
        int length = text.length();
        if (length == 0 || length > MAX_DECIMAL_LENGTH) {
            return false;
        }
        int i = text.charAt(0) == '-' ? 1 : 0;
        int integerDigits = 0;
        while (i < length && isDigit(text.charAt(i))) {
            i++;
            integerDigits++;
        }
        if (integerDigits == 0) {
            return false;
        }
        if (i == length) {
            return true;
        }
        if (text.charAt(i) != '.' || i == length - 1) {
            return false;
        }
        for (i++; i < length; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
