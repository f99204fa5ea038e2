package io.miningos.gateway.query;


import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;

/**
 * A compiled MongoDB-style sort document ({@code {"createdAt": -1, "info.pos": 1}}; 1 ascending, -1 descending,
 * earlier keys first) in one of two orderings:
 * <ul>
 *   <li>{@link Ordering#MONGO}: MongoDB's order. Values of different types fall into brackets (null and missing
 *       &lt; numbers &lt; strings &lt; objects &lt; arrays &lt; booleans); numbers compare by value, strings by code
 *       point. A path reaching several values (through or onto arrays) sorts by the smallest of them ascending and
 *       the largest descending; an empty array counts as missing.</li>
 *   <li>{@link Ordering#NATURAL}: the ORK's order for {@code listThings}. The path is followed literally, values
 *       compare in {@linkplain NaturalOrder natural order} ({@code "A-2" < "A-10"}), and things without the value
 *       (missing or null) come last whatever the direction. When both lack it, the next key decides (the ORK
 *       stops comparing there, which leaves later keys unused).</li>
 * </ul>
 * Sorting is stable: documents that compare equal keep their input order.
 */
public final class SortSpec {

    /** How values compare; see {@link SortSpec}. */
    public enum Ordering {
        MONGO,
        NATURAL
    }

    static final int MAX_KEYS = 32;

    private static final SortSpec UNSORTED = new SortSpec(Ordering.MONGO, new JsonPath[0], new int[0]);

    private final Ordering ordering;
    private final JsonPath[] paths;
    private final int[] directions;

    private SortSpec(Ordering ordering, JsonPath[] paths, int[] directions) {
        this.ordering = ordering;
        this.paths = paths;
        this.directions = directions;
    }

    /**
     * Compiles a sort document. {@code null} or {@code {}} means unsorted. A non-object, a malformed path, more
     * than {@value #MAX_KEYS} keys, or a direction other than 1 or -1 throws {@link QueryException} with
     * {@code errorCode} (e.g. {@code ERR_SORT_INVALID}).
     */
    public static SortSpec compile(Object sort, Ordering ordering, String errorCode) {
        if (ordering == null) {
            throw new IllegalArgumentException("ordering is required");
        }
        if (sort == null) {
            return new SortSpec(ordering, new JsonPath[0], new int[0]);
        }
        if (!(sort instanceof Map<?, ?> spec) || spec.size() > MAX_KEYS) {
            throw new QueryException(errorCode);
        }
        JsonPath[] paths = new JsonPath[spec.size()];
        int[] directions = new int[spec.size()];
        int i = 0;
        for (Map.Entry<?, ?> entry : spec.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new QueryException(errorCode);
            }
            paths[i] = JsonPath.parse(key, errorCode);
            directions[i] = direction(entry.getValue(), errorCode);
            i++;
        }
        return new SortSpec(ordering, paths, directions);
    }

    /** No sort keys: documents keep their input order. */
    public static SortSpec unsorted() {
        return UNSORTED;
    }

    private static int direction(Object value, String errorCode) {
        if (value instanceof Number number && !Double.isNaN(number.doubleValue())) {
            if (ValueOrder.compareNumbers(number, 1) == 0) {
                return 1;
            }
            if (ValueOrder.compareNumbers(number, -1) == 0) {
                return -1;
            }
        }
        throw new QueryException(errorCode);
    }

    /** Whether no sort key was given; callers keep their input order. */
    public boolean isUnsorted() {
        return paths.length == 0;
    }

    public Ordering ordering() {
        return ordering;
    }

    /** Compares two documents. Resolves the keys on every call; {@link #sort} extracts them once per document. */
    public Comparator<Object> comparator() {
        return (a, b) -> compareKeys(keysOf(a), keysOf(b));
    }

    /** Sorts {@code documents} in place, stably, resolving each document's sort keys once. */
    public <T> void sort(List<T> documents) {
        if (isUnsorted() || documents.size() < 2) {
            return;
        }
        List<Keyed> keyed = new ArrayList<>(documents.size());
        int sequence = 0;
        for (T document : documents) {
            keyed.add(new Keyed(document, keysOf(document), sequence++));
        }
        Keyed[] sorted = keyed.toArray(new Keyed[0]);
        Arrays.sort(sorted, keyedOrder());
        ListIterator<T> writer = documents.listIterator();
        for (Keyed entry : sorted) {
            writer.next();
            @SuppressWarnings("unchecked")
            T document = (T) entry.document();
            writer.set(document);
        }
    }

    /** A document with its extracted sort keys and its input position, which breaks ties to keep sorts stable. */
    record Keyed(Object document, Object[] keys, int sequence) {
    }

    Comparator<Keyed> keyedOrder() {
        return (a, b) -> {
            int c = compareKeys(a.keys(), b.keys());
            return c != 0 ? c : Integer.compare(a.sequence(), b.sequence());
        };
    }

    /** The document's value for each sort key, in the form {@link #compareKeys} expects. */
    Object[] keysOf(Object document) {
        Object[] keys = new Object[paths.length];
        for (int i = 0; i < paths.length; i++) {
            keys[i] = ordering == Ordering.NATURAL
                    ? NaturalOrder.key(paths[i].get(document))
                    : mongoKey(paths[i], directions[i], document);
        }
        return keys;
    }

    int compareKeys(Object[] a, Object[] b) {
        for (int i = 0; i < paths.length; i++) {
            int c = ordering == Ordering.NATURAL
                    ? compareNatural((Object[]) a[i], (Object[]) b[i], directions[i])
                    : directions[i] * ValueOrder.compare(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int compareNatural(Object[] a, Object[] b, int direction) {
        if (a == null || b == null) {
            // Missing sorts last in both directions; two missing values tie.
            return a == b ? 0 : a == null ? 1 : -1;
        }
        return direction * NaturalOrder.compareKeys(a, b);
    }

    // The smallest value the path reaches when ascending, the largest when descending (MongoDB's array rule).
    private static Object mongoKey(JsonPath path, int direction, Object document) {
        Extreme extreme = new Extreme(direction);
        path.anyLeaf(document, leaf -> {
            if (leaf instanceof List<?> list && !list.isEmpty()) {
                for (Object element : list) {
                    extreme.offer(element);
                }
            } else {
                extreme.offer(leaf instanceof List<?> || leaf == JsonPath.MISSING ? null : leaf);
            }
            return false;
        });
        return extreme.value;
    }

    private static final class Extreme {
        private final int direction;
        private boolean seen;
        private Object value;

        Extreme(int direction) {
            this.direction = direction;
        }

        void offer(Object candidate) {
            // Ascending keeps the smaller, descending the larger.
            if (!seen || direction * ValueOrder.compare(candidate, value) < 0) {
                seen = true;
                value = candidate;
            }
        }
    }
}
