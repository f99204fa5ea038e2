package io.miningos.gateway.query;

import java.util.List;

/** A compiled filter clause, evaluated against one document. */
sealed interface Condition {

    boolean matches(Object document);

    Condition MATCH_ALL = new Constant(true);
    Condition MATCH_NONE = new Constant(false);

    /** Conjunction that collapses the trivial cases, so an empty filter costs nothing per document. */
    static Condition allOf(List<Condition> parts) {
        List<Condition> kept = parts.stream().filter(part -> part != MATCH_ALL).toList();
        if (kept.contains(MATCH_NONE)) {
            return MATCH_NONE;
        }
        return switch (kept.size()) {
            case 0 -> MATCH_ALL;
            case 1 -> kept.getFirst();
            default -> new And(kept.toArray(new Condition[0]));
        };
    }

    record Constant(boolean result) implements Condition {
        @Override
        public boolean matches(Object document) {
            return result;
        }
    }

    final class And implements Condition {
        private final Condition[] parts;

        And(Condition[] parts) {
            this.parts = parts;
        }

        @Override
        public boolean matches(Object document) {
            for (Condition part : parts) {
                if (!part.matches(document)) {
                    return false;
                }
            }
            return true;
        }
    }

    final class Or implements Condition {
        private final Condition[] parts;

        Or(Condition[] parts) {
            this.parts = parts;
        }

        @Override
        public boolean matches(Object document) {
            for (Condition part : parts) {
                if (part.matches(document)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Negation; {@code $ne}, {@code $nin}, {@code $not}, {@code $nor} and {@code $exists:false} compile to it. */
    record Not(Condition inner) implements Condition {
        @Override
        public boolean matches(Object document) {
            return !inner.matches(document);
        }
    }

    /** True when any value the path reaches (MongoDB's array rule) passes the test. */
    record Field(JsonPath path, LeafTest test) implements Condition {
        @Override
        public boolean matches(Object document) {
            return path.anyLeaf(document, test);
        }
    }
}
