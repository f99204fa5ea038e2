package io.miningos.gateway.query;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The value-level tests behind MongoDB's field operators. Most of them apply to a value and, when the value is
 * an array, to each of its elements too: {@code {"tags": "t-miner"}} matches a tags array containing "t-miner".
 */
final class LeafTests {

    private LeafTests() {
    }

    /** {@code $eq} and implicit equality. Equality with {@code null} also matches a missing field. */
    static LeafTest equalTo(Object expected) {
        if (expected == null) {
            return leaf -> leaf == JsonPath.MISSING || leaf == null
                    || (leaf instanceof List<?> list && containsNull(list));
        }
        if (expected instanceof String text) {
            return leaf -> {
                if (leaf instanceof String value) {
                    return text.equals(value);
                }
                if (leaf instanceof List<?> list) {
                    for (Object element : list) {
                        if (text.equals(element)) {
                            return true;
                        }
                    }
                }
                return false;
            };
        }
        return leaf -> {
            if (leaf == JsonPath.MISSING) {
                return false;
            }
            if (ValueOrder.equal(leaf, expected)) {
                return true;
            }
            if (leaf instanceof List<?> list) {
                for (Object element : list) {
                    if (ValueOrder.equal(element, expected)) {
                        return true;
                    }
                }
            }
            return false;
        };
    }

    // List.contains(null) throws on immutable lists, so look for null by hand.
    private static boolean containsNull(List<?> list) {
        for (Object element : list) {
            if (element == null) {
                return true;
            }
        }
        return false;
    }

    /** {@code $in}: equal to any listed value. Strings are looked up in a hash set. */
    static LeafTest in(List<?> candidates) {
        if (candidates.size() == 1) {
            return equalTo(candidates.getFirst());
        }
        return new In(candidates);
    }

    private static final class In implements LeafTest {
        private final boolean acceptsNull;
        private final Set<String> strings = new HashSet<>();
        private final Object[] others;

        In(List<?> candidates) {
            List<Object> rest = new ArrayList<>();
            boolean nullListed = false;
            for (Object candidate : candidates) {
                if (candidate == null) {
                    nullListed = true;
                } else if (candidate instanceof String text) {
                    strings.add(text);
                } else {
                    rest.add(candidate);
                }
            }
            this.acceptsNull = nullListed;
            this.others = rest.toArray();
        }

        @Override
        public boolean test(Object leaf) {
            if (leaf == JsonPath.MISSING || leaf == null) {
                return acceptsNull;
            }
            if (listed(leaf)) {
                return true;
            }
            if (leaf instanceof List<?> list) {
                for (Object element : list) {
                    if (element == null ? acceptsNull : listed(element)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private boolean listed(Object value) {
            if (value instanceof String text) {
                return strings.contains(text);
            }
            for (Object other : others) {
                if (ValueOrder.equal(value, other)) {
                    return true;
                }
            }
            return false;
        }
    }

    enum Comparison {
        GT, GTE, LT, LTE;

        boolean accepts(int comparison) {
            return switch (this) {
                case GT -> comparison > 0;
                case GTE -> comparison >= 0;
                case LT -> comparison < 0;
                case LTE -> comparison <= 0;
            };
        }
    }

    /**
     * {@code $gt}, {@code $gte}, {@code $lt}, {@code $lte}. Only values in the same type bracket compare
     * (a string is neither greater nor less than a number), as in MongoDB.
     */
    static LeafTest compare(Comparison comparison, Object bound) {
        int rank = ValueOrder.typeRank(bound);
        return new LeafTest() {
            @Override
            public boolean test(Object leaf) {
                if (leaf == JsonPath.MISSING) {
                    return false;
                }
                if (holds(leaf)) {
                    return true;
                }
                if (leaf instanceof List<?> list) {
                    for (Object element : list) {
                        if (holds(element)) {
                            return true;
                        }
                    }
                }
                return false;
            }

            private boolean holds(Object value) {
                return ValueOrder.typeRank(value) == rank && comparison.accepts(ValueOrder.compare(value, bound));
            }
        };
    }

    /** {@code $exists: true}; {@code false} is its negation at document level. */
    static LeafTest present() {
        return leaf -> leaf != JsonPath.MISSING;
    }

    static LeafTest regex(GuardedRegex regex) {
        return leaf -> {
            if (leaf instanceof String text) {
                return regex.find(text);
            }
            if (leaf instanceof List<?> list) {
                for (Object element : list) {
                    if (element instanceof String text && regex.find(text)) {
                        return true;
                    }
                }
            }
            return false;
        };
    }

    static LeafTest size(int size) {
        return leaf -> leaf instanceof List<?> list && list.size() == size;
    }

    /**
     * {@code $elemMatch}: some element of an array satisfies the condition. In document form
     * ({@code {"severity": "critical"}}) only object elements qualify; in operator form ({@code {"$gt": 5}}) the
     * condition looks at the element itself.
     */
    static LeafTest elementMatching(Condition condition, boolean documentForm) {
        return leaf -> {
            if (leaf instanceof List<?> list) {
                for (Object element : list) {
                    if ((!documentForm || element instanceof Map<?, ?>) && condition.matches(element)) {
                        return true;
                    }
                }
            }
            return false;
        };
    }
}
