package io.miningos.gateway.query;


import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A dotted path into a JSON document ({@code "last.snap.stats.power_w"}, {@code "comments.0.user"}), parsed once
 * and then resolved without any string work. Two ways to resolve it:
 * <ul>
 *   <li>{@link #get} follows the path literally, as JavaScript's {@code a.b.c} does: objects by key, arrays only
 *       by a numeric segment. Used by the ORK-style natural sort and by grouping.</li>
 *   <li>{@link #values} follows MongoDB's rule: a field name applied to an array is applied to each of its object
 *       elements, so {@code "last.alerts.severity"} reaches the severity of every alert.</li>
 * </ul>
 */
public final class JsonPath {

    /** Stands for "no value here" while walking, as opposed to an explicit JSON {@code null}. */
    static final Object MISSING = new Object() {
        @Override
        public String toString() {
            return "<missing>";
        }
    };

    /** The empty path: resolves to the value itself. Used for {@code $elemMatch} operators on array elements. */
    static final JsonPath SELF = new JsonPath("", new String[0], new int[0]);

    static final int MAX_LENGTH = 512;
    static final int MAX_SEGMENTS = 32;

    private final String text;
    private final String[] segments;
    // Array index each segment denotes when applied to an array, or -1 when it is not a canonical index.
    private final int[] indexes;

    private JsonPath(String text, String[] segments, int[] indexes) {
        this.text = text;
        this.segments = segments;
        this.indexes = indexes;
    }

    /**
     * Parses a dotted path. Empty paths, empty segments ({@code "a..b"}), segments starting with {@code $} and
     * over-long paths are refused with {@code errorCode}.
     */
    public static JsonPath parse(String dotted, String errorCode) {
        if (dotted == null || dotted.isEmpty() || dotted.length() > MAX_LENGTH) {
            throw new QueryException(errorCode);
        }
        List<String> parts = new ArrayList<>(4);
        int start = 0;
        while (true) {
            int dot = dotted.indexOf('.', start);
            String segment = dot < 0 ? dotted.substring(start) : dotted.substring(start, dot);
            if (segment.isEmpty() || segment.charAt(0) == '$' || parts.size() == MAX_SEGMENTS) {
                throw new QueryException(errorCode);
            }
            parts.add(segment);
            if (dot < 0) {
                break;
            }
            start = dot + 1;
        }
        String[] segments = parts.toArray(new String[0]);
        int[] indexes = new int[segments.length];
        for (int i = 0; i < segments.length; i++) {
            indexes[i] = arrayIndex(segments[i]);
        }
        return new JsonPath(dotted, segments, indexes);
    }

    private static int arrayIndex(String segment) {
        int length = segment.length();
        if (length > 9 || (length > 1 && segment.charAt(0) == '0')) {
            return -1;
        }
        for (int i = 0; i < length; i++) {
            char c = segment.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
        }
        return Integer.parseInt(segment);
    }

    /** The path as written. */
    public String text() {
        return text;
    }

    /** Number of dotted segments. */
    int length() {
        return segments.length;
    }

    String segment(int i) {
        return segments[i];
    }

    /**
     * The value at this path followed literally (objects by key, arrays by numeric segment only), or
     * {@code null} when the path leads nowhere or to an explicit {@code null}.
     */
    public Object get(Object document) {
        Object value = getOrMissing(document);
        return value == MISSING ? null : value;
    }

    /** Like {@link #get} but tells a missing field ({@link #MISSING}) from an explicit {@code null}. */
    Object getOrMissing(Object document) {
        Object current = document;
        for (int i = 0; i < segments.length; i++) {
            if (current instanceof Map<?, ?> map) {
                Object next = map.get(segments[i]);
                if (next == null && !map.containsKey(segments[i])) {
                    return MISSING;
                }
                current = next;
            } else if (current instanceof List<?> list && indexes[i] >= 0 && indexes[i] < list.size()) {
                current = list.get(indexes[i]);
            } else {
                return MISSING;
            }
        }
        return current;
    }

    /**
     * Every value this path reaches under MongoDB's array rule, in document order; missing branches are skipped.
     * An array found at the end of the path is returned as one value (not flattened).
     */
    public List<Object> values(Object document) {
        List<Object> found = new ArrayList<>(2);
        anyLeaf(document, leaf -> {
            if (leaf != MISSING) {
                found.add(leaf);
            }
            return false;
        });
        return found;
    }

    /**
     * Walks the path under MongoDB's array rule and offers each value it ends on to {@code test} (with
     * {@link #MISSING} for branches that lead nowhere), stopping at the first one the test accepts.
     */
    boolean anyLeaf(Object document, LeafTest test) {
        return walk(document, 0, test);
    }

    private boolean walk(Object value, int from, LeafTest test) {
        Object current = value;
        for (int i = from; i < segments.length; i++) {
            if (current instanceof Map<?, ?> map) {
                Object next = map.get(segments[i]);
                if (next == null && !map.containsKey(segments[i])) {
                    return test.test(MISSING);
                }
                current = next;
            } else if (current instanceof List<?> list) {
                return walkArray(list, i, test);
            } else {
                return test.test(MISSING);
            }
        }
        return test.test(current);
    }

    private boolean walkArray(List<?> list, int i, LeafTest test) {
        int index = indexes[i];
        if (index >= 0) {
            // A numeric segment addresses one element by position.
            return index < list.size() ? walk(list.get(index), i + 1, test) : test.test(MISSING);
        }
        boolean visited = false;
        for (Object element : list) {
            // Only object elements have fields; arrays nested in arrays are not searched (MongoDB does the same).
            if (element instanceof Map<?, ?>) {
                visited = true;
                if (walk(element, i, test)) {
                    return true;
                }
            }
        }
        return !visited && test.test(MISSING);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonPath path && path.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
