package io.miningos.gateway.query;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Equality and ordering of plain JSON values as MongoDB defines them: numbers compare by value whatever their boxed
 * type (5 = 5L = 5.0 = 5.00), strings by code point, and values of different kinds fall into type brackets
 * (null &lt; numbers &lt; strings &lt; objects &lt; arrays &lt; booleans).
 */
final class ValueOrder {

    static final int NULL = 0;
    static final int NUMBER = 1;
    static final int STRING = 2;
    static final int OBJECT = 3;
    static final int ARRAY = 4;
    static final int BOOLEAN = 5;
    // Not a JSON type; ranked last so that a stray Java object can never break a sort.
    static final int OTHER = 6;

    private static final long EXACT_DOUBLE_LIMIT = 1L << 53;

    private ValueOrder() {
    }

    static int typeRank(Object value) {
        if (value == null || value == JsonPath.MISSING) {
            return NULL;
        }
        if (value instanceof String) {
            return STRING;
        }
        if (value instanceof Number) {
            return NUMBER;
        }
        if (value instanceof Map<?, ?>) {
            return OBJECT;
        }
        if (value instanceof List<?>) {
            return ARRAY;
        }
        if (value instanceof Boolean) {
            return BOOLEAN;
        }
        return OTHER;
    }

    /** Deep JSON equality; object key order does not matter, array order does. */
    static boolean equal(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof String text) {
            return text.equals(b);
        }
        if (a instanceof Number x) {
            return b instanceof Number y && compareNumbers(x, y) == 0;
        }
        if (a instanceof Map<?, ?> left) {
            if (!(b instanceof Map<?, ?> right) || left.size() != right.size()) {
                return false;
            }
            for (Map.Entry<?, ?> entry : left.entrySet()) {
                Object other = right.get(entry.getKey());
                if ((other == null && !right.containsKey(entry.getKey())) || !equal(entry.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> left) {
            if (!(b instanceof List<?> right) || left.size() != right.size()) {
                return false;
            }
            Iterator<?> l = left.iterator();
            Iterator<?> r = right.iterator();
            while (l.hasNext()) {
                if (!equal(l.next(), r.next())) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** Total order over JSON values in MongoDB's bracket order. */
    static int compare(Object a, Object b) {
        int rankA = typeRank(a);
        int rankB = typeRank(b);
        if (rankA != rankB) {
            return Integer.compare(rankA, rankB);
        }
        return switch (rankA) {
            case NULL -> 0;
            case NUMBER -> compareNumbers((Number) a, (Number) b);
            case STRING -> compareStrings((String) a, (String) b);
            case OBJECT -> compareObjects((Map<?, ?>) a, (Map<?, ?>) b);
            case ARRAY -> compareArrays((List<?>) a, (List<?>) b);
            case BOOLEAN -> Boolean.compare((Boolean) a, (Boolean) b);
            default -> compareStrings(String.valueOf(a), String.valueOf(b));
        };
    }

    /** Numeric comparison across boxed types, exact for longs, big integers and big decimals. NaN sorts lowest. */
    static int compareNumbers(Number a, Number b) {
        if (isLongLike(a) && isLongLike(b)) {
            return Long.compare(a.longValue(), b.longValue());
        }
        if (isDoubleLike(a) && isDoubleLike(b)) {
            return compareDoubles(a.doubleValue(), b.doubleValue());
        }
        boolean nanA = isNaN(a);
        boolean nanB = isNaN(b);
        if (nanA || nanB) {
            return Boolean.compare(!nanA, !nanB);
        }
        int infinityA = infinitySign(a);
        int infinityB = infinitySign(b);
        if (infinityA != 0 || infinityB != 0) {
            return Integer.compare(infinityA, infinityB);
        }
        if (isLongLike(a) && isDoubleLike(b) && Math.abs(a.longValue()) <= EXACT_DOUBLE_LIMIT) {
            return compareDoubles(a.longValue(), b.doubleValue());
        }
        if (isDoubleLike(a) && isLongLike(b) && Math.abs(b.longValue()) <= EXACT_DOUBLE_LIMIT) {
            return compareDoubles(a.doubleValue(), b.longValue());
        }
        return toBigDecimal(a).compareTo(toBigDecimal(b));
    }

    // Unlike Double.compare, treats -0.0 and 0.0 as equal; NaN is lowest and equal to itself.
    private static int compareDoubles(double x, double y) {
        if (x < y) {
            return -1;
        }
        if (x > y) {
            return 1;
        }
        if (x == y) {
            return 0;
        }
        return Boolean.compare(!Double.isNaN(x), !Double.isNaN(y));
    }

    /** Orders strings by Unicode code point (UTF-16 order differs for characters above U+FFFF). */
    static int compareStrings(String a, String b) {
        int length = Math.min(a.length(), b.length());
        for (int i = 0; i < length; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                boolean surrogateX = Character.isSurrogate(x);
                if (surrogateX != Character.isSurrogate(y)) {
                    // A surrogate starts a supplementary character, which is above every BMP character.
                    return surrogateX ? 1 : -1;
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }

    // MongoDB compares objects field by field in stored order: value type, then field name, then value.
    private static int compareObjects(Map<?, ?> a, Map<?, ?> b) {
        Iterator<? extends Map.Entry<?, ?>> left = a.entrySet().iterator();
        Iterator<? extends Map.Entry<?, ?>> right = b.entrySet().iterator();
        while (left.hasNext() && right.hasNext()) {
            Map.Entry<?, ?> x = left.next();
            Map.Entry<?, ?> y = right.next();
            int c = Integer.compare(typeRank(x.getValue()), typeRank(y.getValue()));
            if (c == 0) {
                c = compareStrings(String.valueOf(x.getKey()), String.valueOf(y.getKey()));
            }
            if (c == 0) {
                c = compare(x.getValue(), y.getValue());
            }
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(left.hasNext(), right.hasNext());
    }

    private static int compareArrays(List<?> a, List<?> b) {
        Iterator<?> left = a.iterator();
        Iterator<?> right = b.iterator();
        while (left.hasNext() && right.hasNext()) {
            int c = compare(left.next(), right.next());
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(left.hasNext(), right.hasNext());
    }

    private static boolean isLongLike(Number n) {
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte;
    }

    private static boolean isDoubleLike(Number n) {
        return n instanceof Double || n instanceof Float;
    }

    private static boolean isNaN(Number n) {
        return isDoubleLike(n) && Double.isNaN(n.doubleValue());
    }

    private static int infinitySign(Number n) {
        if (isDoubleLike(n) && Double.isInfinite(n.doubleValue())) {
            return n.doubleValue() > 0 ? 1 : -1;
        }
        return 0;
    }

    static BigDecimal toBigDecimal(Number n) {
        if (n instanceof BigDecimal decimal) {
            return decimal;
        }
        if (n instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (isLongLike(n)) {
            return BigDecimal.valueOf(n.longValue());
        }
        if (isDoubleLike(n)) {
            return new BigDecimal(n.doubleValue());
        }
        try {
            return new BigDecimal(n.toString());
        } catch (NumberFormatException notDecimalText) {
            double value = n.doubleValue();
            return Double.isFinite(value) ? new BigDecimal(value) : BigDecimal.ZERO;
        }
    }
}
