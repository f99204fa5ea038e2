package io.miningos.gateway.query;


import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compiled MongoDB-style projection ({@code fields}). Two modes, never mixed:
 * <ul>
 *   <li>inclusion, {@code {"id": 1, "last.snap.stats.power_w": 1}}: keep only these paths;</li>
 *   <li>exclusion, {@code {"opts": 0}}: keep everything but these paths.</li>
 * </ul>
 * A value of {@code true} or a non-zero number includes, {@code false} or {@code 0} excludes; anything else is an
 * error. A dotted path that runs through an array is applied to each element: including {@code "a.b"} of
 * {@code {"a": [{"b": 1, "c": 2}, 7]}} gives {@code {"a": [{"b": 1}]}} (non-object elements are dropped, as in
 * MongoDB), and an object on the path that lacks the field stays as {@code {}}. Where two paths overlap
 * ({@code "info"} and {@code "info.pos"}), the shorter one wins.
 *
 * <p>{@link #apply} builds new maps along the projected paths (in the document's key order) and shares every
 * value it keeps whole with the document; documents and results are therefore never to be mutated.
 */
public final class Projection {

    static final int MAX_FIELDS = 1_000;

    private static final Projection IDENTITY = new Projection(null, true);

    // Null for the identity projection.
    private final Node root;
    private final boolean inclusion;

    private Projection(Node root, boolean inclusion) {
        this.root = root;
        this.inclusion = inclusion;
    }

    /**
     * Compiles a projection document. {@code null} or {@code {}} is the identity; a non-object, a mix of
     * inclusions and exclusions, a malformed path or a value that is not a boolean or number throws
     * {@link QueryException} with {@code errorCode} (e.g. {@code ERR_FIELDS_INVALID}).
     */
    public static Projection compile(Object fields, String errorCode) {
        if (fields == null) {
            return IDENTITY;
        }
        if (!(fields instanceof Map<?, ?> spec) || spec.size() > MAX_FIELDS) {
            throw new QueryException(errorCode);
        }
        if (spec.isEmpty()) {
            return IDENTITY;
        }
        Node root = new Node();
        Boolean inclusion = null;
        for (Map.Entry<?, ?> entry : spec.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new QueryException(errorCode);
            }
            boolean include = include(entry.getValue(), errorCode);
            if (inclusion != null && inclusion != include) {
                throw new QueryException(errorCode);
            }
            inclusion = include;
            root.add(JsonPath.parse(key, errorCode));
        }
        return new Projection(root, inclusion);
    }

    /** The projection that returns documents unchanged. */
    public static Projection identity() {
        return IDENTITY;
    }

    private static boolean include(Object value, String errorCode) {
        if (value instanceof Boolean bool) {
            return bool;
        }
        if (value instanceof Number number && !Double.isNaN(number.doubleValue())) {
            return ValueOrder.compareNumbers(number, 0) != 0;
        }
        throw new QueryException(errorCode);
    }

    /** Whether this projection returns documents unchanged. */
    public boolean isIdentity() {
        return root == null;
    }

    /**
     * This projection, but guaranteed to keep the top-level field {@code key} (the ORK always returns a thing's
     * {@code rack}, whatever was projected). The identity stays the identity.
     */
    public Projection withAlwaysIncluded(String key) {
        if (key == null || key.isEmpty() || key.indexOf('.') >= 0) {
            throw new IllegalArgumentException("a top-level field name is required: " + key);
        }
        if (root == null) {
            return this;
        }
        Node copy = root.copy();
        if (inclusion) {
            copy.children.put(key, Node.WHOLE);
        } else {
            copy.children.remove(key);
            if (copy.children.isEmpty()) {
                return IDENTITY;
            }
        }
        return new Projection(copy, inclusion);
    }

    /**
     * Projects one document. A document that is not an object is returned as it is, and so is every document
     * under the identity projection.
     */
    public Object apply(Object document) {
        if (root == null || !(document instanceof Map<?, ?> map)) {
            return document;
        }
        return inclusion ? include(map, root) : exclude(map, root);
    }

    private static Map<Object, Object> include(Map<?, ?> source, Node node) {
        Map<Object, Object> out = new LinkedHashMap<>(capacity(node.children.size()));
        if (node.children.size() == 1) {
            // One wanted key: look it up instead of scanning the whole document.
            Map.Entry<String, Node> only = node.children.entrySet().iterator().next();
            Object value = source.get(only.getKey());
            if (value != null || source.containsKey(only.getKey())) {
                includeValue(out, only.getKey(), value, only.getValue());
            }
            return out;
        }
        for (Map.Entry<?, ?> entry : source.entrySet()) {
            Node child = node.children.get(entry.getKey());
            if (child != null) {
                includeValue(out, entry.getKey(), entry.getValue(), child);
            }
        }
        return out;
    }

    private static void includeValue(Map<Object, Object> out, Object key, Object value, Node node) {
        if (node.whole) {
            out.put(key, value);
        } else if (value instanceof Map<?, ?> map) {
            out.put(key, include(map, node));
        } else if (value instanceof List<?> list) {
            out.put(key, includeElements(list, node));
        }
        // A scalar where the path wants to go deeper has nothing to keep: the key is left out.
    }

    private static List<Object> includeElements(List<?> list, Node node) {
        List<Object> out = new ArrayList<>(list.size());
        for (Object element : list) {
            if (element instanceof Map<?, ?> map) {
                out.add(include(map, node));
            } else if (element instanceof List<?> nested) {
                out.add(includeElements(nested, node));
            }
        }
        return out;
    }

    private static Map<Object, Object> exclude(Map<?, ?> source, Node node) {
        Map<Object, Object> out = new LinkedHashMap<>(capacity(source.size()));
        for (Map.Entry<?, ?> entry : source.entrySet()) {
            Node child = node.children.get(entry.getKey());
            if (child == null) {
                out.put(entry.getKey(), entry.getValue());
            } else if (!child.whole) {
                out.put(entry.getKey(), excludeValue(entry.getValue(), child));
            }
        }
        return out;
    }

    private static Object excludeValue(Object value, Node node) {
        if (value instanceof Map<?, ?> map) {
            return exclude(map, node);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object element : list) {
                out.add(excludeValue(element, node));
            }
            return out;
        }
        return value;
    }

    private static int capacity(int entries) {
        return Math.max(4, (int) (entries / 0.75f) + 1);
    }

    /** One level of the projection tree: either the whole value, or the listed children of it. */
    private static final class Node {
        static final Node WHOLE = new Node(true);

        final Map<String, Node> children;
        final boolean whole;

        Node() {
            this(false);
        }

        private Node(boolean whole) {
            this.whole = whole;
            this.children = whole ? Map.of() : new LinkedHashMap<>();
        }

        void add(JsonPath path) {
            Node node = this;
            for (int i = 0; i < path.length(); i++) {
                String segment = path.segment(i);
                if (i == path.length() - 1) {
                    node.children.put(segment, WHOLE);
                    return;
                }
                Node child = node.children.get(segment);
                if (child == null) {
                    child = new Node();
                    node.children.put(segment, child);
                } else if (child.whole) {
                    return;
                }
                node = child;
            }
        }

        Node copy() {
            if (whole) {
                return this;
            }
            Node copy = new Node();
            children.forEach((key, child) -> copy.children.put(key, child.copy()));
            return copy;
        }
    }
}
