package io.miningos.gateway.query;


import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a MongoDB-style filter (plain JSON values) into a {@link Condition} tree, refusing anything malformed,
 * unknown or executable with the caller's error code. Nesting depth and total size are bounded so that a hostile
 * filter can neither overflow the stack here nor during evaluation.
 */
final class FilterCompiler {

    static final int MAX_DEPTH = 32;
    static final int MAX_VALUES = 20_000;
    private static final BigDecimal MAX_SIZE = BigDecimal.valueOf(Integer.MAX_VALUE);

    private final String errorCode;
    private int values;

    FilterCompiler(String errorCode) {
        this.errorCode = errorCode;
    }

    /** A document-level filter: field conditions and {@code $and}/{@code $or}/{@code $nor}, all of which must hold. */
    Condition document(Object raw, int depth) {
        enter(depth);
        if (!(raw instanceof Map<?, ?> filter)) {
            throw invalid();
        }
        List<Condition> parts = new ArrayList<>(filter.size());
        for (Map.Entry<?, ?> entry : filter.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw invalid();
            }
            count();
            if (key.startsWith("$")) {
                parts.add(logical(key, entry.getValue(), depth));
            } else {
                parts.addAll(field(JsonPath.parse(key, errorCode), entry.getValue(), depth + 1));
            }
        }
        return Condition.allOf(parts);
    }

    private Condition logical(String operator, Object operand, int depth) {
        return switch (operator) {
            case "$and" -> Condition.allOf(clauses(operand, depth));
            case "$or" -> new Condition.Or(clauses(operand, depth).toArray(new Condition[0]));
            case "$nor" -> new Condition.Not(new Condition.Or(clauses(operand, depth).toArray(new Condition[0])));
            // $where, $expr, $function run code; they and every other operator are refused.
            default -> throw invalid();
        };
    }

    private List<Condition> clauses(Object operand, int depth) {
        if (!(operand instanceof List<?> list) || list.isEmpty()) {
            throw invalid();
        }
        List<Condition> clauses = new ArrayList<>(list.size());
        for (Object clause : list) {
            clauses.add(document(clause, depth + 1));
        }
        return clauses;
    }

    /** The conditions one field entry stands for: an operator expression, or equality with a literal value. */
    private List<Condition> field(JsonPath path, Object value, int depth) {
        if (value instanceof Map<?, ?> map && isOperatorExpression(map)) {
            return operators(path, map, depth);
        }
        literal(value, depth);
        return List.of(new Condition.Field(path, LeafTests.equalTo(value)));
    }

    // {"$gt": 1, "$lt": 5} is an operator expression; {"a": 1} is a literal object; mixing both is an error.
    private boolean isOperatorExpression(Map<?, ?> map) {
        boolean sawOperator = false;
        boolean sawField = false;
        for (Object key : map.keySet()) {
            if (key instanceof String text && text.startsWith("$")) {
                sawOperator = true;
            } else {
                sawField = true;
            }
        }
        if (sawOperator && sawField) {
            throw invalid();
        }
        return sawOperator;
    }

    /**
     * Each operator is its own condition over the field, and all must hold. Under MongoDB's array rule they may be
     * satisfied by different elements: {@code {"a": {"$gt": 1, "$lt": 5}}} matches {@code {"a": [0, 9]}}.
     */
    private List<Condition> operators(JsonPath path, Map<?, ?> expression, int depth) {
        enter(depth);
        List<Condition> conditions = new ArrayList<>(expression.size());
        String regex = null;
        String options = null;
        for (Map.Entry<?, ?> entry : expression.entrySet()) {
            String operator = (String) entry.getKey();
            Object operand = entry.getValue();
            count();
            switch (operator) {
                case "$eq" -> conditions.add(fieldTest(path, LeafTests.equalTo(literal(operand, depth + 1))));
                case "$ne" -> conditions.add(new Condition.Not(
                        fieldTest(path, LeafTests.equalTo(literal(operand, depth + 1)))));
                case "$gt" -> conditions.add(comparison(path, LeafTests.Comparison.GT, operand, depth));
                case "$gte" -> conditions.add(comparison(path, LeafTests.Comparison.GTE, operand, depth));
                case "$lt" -> conditions.add(comparison(path, LeafTests.Comparison.LT, operand, depth));
                case "$lte" -> conditions.add(comparison(path, LeafTests.Comparison.LTE, operand, depth));
                case "$in" -> conditions.add(fieldTest(path, LeafTests.in(candidates(operand, depth))));
                case "$nin" -> conditions.add(new Condition.Not(
                        fieldTest(path, LeafTests.in(candidates(operand, depth)))));
                case "$exists" -> {
                    Condition present = fieldTest(path, LeafTests.present());
                    conditions.add(truthy(operand) ? present : new Condition.Not(present));
                }
                case "$regex" -> regex = text(operand);
                case "$options" -> options = text(operand);
                case "$not" -> conditions.add(not(path, operand, depth));
                case "$elemMatch" -> conditions.add(fieldTest(path, elementMatch(operand, depth)));
                case "$size" -> conditions.add(fieldTest(path, LeafTests.size(size(operand))));
                case "$all" -> conditions.add(all(path, operand, depth));
                default -> throw invalid();
            }
        }
        if (regex != null) {
            conditions.add(fieldTest(path, LeafTests.regex(GuardedRegex.compile(regex, options, errorCode))));
        } else if (options != null) {
            throw invalid();
        }
        return conditions;
    }

    private static Condition fieldTest(JsonPath path, LeafTest test) {
        return new Condition.Field(path, test);
    }

    private Condition comparison(JsonPath path, LeafTests.Comparison comparison, Object bound, int depth) {
        literal(bound, depth + 1);
        if (bound == null) {
            // null is alone in its bracket: >= and <= mean "is null or missing", > and < never hold.
            return switch (comparison) {
                case GTE, LTE -> fieldTest(path, LeafTests.equalTo(null));
                case GT, LT -> Condition.MATCH_NONE;
            };
        }
        return fieldTest(path, LeafTests.compare(comparison, bound));
    }

    private List<?> candidates(Object operand, int depth) {
        if (!(operand instanceof List<?> list)) {
            throw invalid();
        }
        for (Object candidate : list) {
            if (candidate instanceof Map<?, ?> map && isOperatorExpression(map)) {
                throw invalid();
            }
            literal(candidate, depth + 1);
        }
        return list;
    }

    private Condition not(JsonPath path, Object operand, int depth) {
        if (!(operand instanceof Map<?, ?> map) || map.isEmpty() || !isOperatorExpression(map)) {
            throw invalid();
        }
        return new Condition.Not(Condition.allOf(operators(path, map, depth + 1)));
    }

    private LeafTest elementMatch(Object operand, int depth) {
        if (!(operand instanceof Map<?, ?> map)) {
            throw invalid();
        }
        if (!map.isEmpty() && operatorForm(map)) {
            return LeafTests.elementMatching(Condition.allOf(operators(JsonPath.SELF, map, depth + 1)), false);
        }
        return LeafTests.elementMatching(document(map, depth + 1), true);
    }

    // {"$gt": 5} tests the element itself; {"severity": "critical"} or {"$or": [...]} tests element documents.
    private static boolean operatorForm(Map<?, ?> map) {
        for (Object key : map.keySet()) {
            if (!(key instanceof String text) || !text.startsWith("$")
                    || text.equals("$and") || text.equals("$or") || text.equals("$nor")) {
                return false;
            }
        }
        return true;
    }

    // $all is a conjunction of equalities (or $elemMatch clauses) on the same field; an empty list matches nothing.
    private Condition all(JsonPath path, Object operand, int depth) {
        if (!(operand instanceof List<?> list)) {
            throw invalid();
        }
        if (list.isEmpty()) {
            return Condition.MATCH_NONE;
        }
        List<Condition> parts = new ArrayList<>(list.size());
        for (Object element : list) {
            count();
            if (element instanceof Map<?, ?> map && map.size() == 1 && map.containsKey("$elemMatch")) {
                parts.add(fieldTest(path, elementMatch(map.get("$elemMatch"), depth + 1)));
            } else if (element instanceof Map<?, ?> map && isOperatorExpression(map)) {
                throw invalid();
            } else {
                parts.add(fieldTest(path, LeafTests.equalTo(literal(element, depth + 1))));
            }
        }
        return Condition.allOf(parts);
    }

    private boolean truthy(Object operand) {
        if (operand instanceof Boolean bool) {
            return bool;
        }
        if (operand instanceof Number number) {
            return ValueOrder.compareNumbers(number, 0) != 0;
        }
        throw invalid();
    }

    private String text(Object operand) {
        if (operand instanceof String text) {
            return text;
        }
        throw invalid();
    }

    private int size(Object operand) {
        if (operand instanceof Number number && Double.isFinite(number.doubleValue())) {
            BigDecimal decimal = ValueOrder.toBigDecimal(number);
            if (decimal.signum() >= 0 && decimal.compareTo(MAX_SIZE) <= 0
                    && decimal.stripTrailingZeros().scale() <= 0) {
                return decimal.intValue();
            }
        }
        throw invalid();
    }

    /** Checks a literal operand (any JSON value) against the depth and size limits and returns it. */
    private Object literal(Object value, int depth) {
        enter(depth);
        count();
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String)) {
                    throw invalid();
                }
                literal(entry.getValue(), depth + 1);
            }
        } else if (value instanceof List<?> list) {
            for (Object element : list) {
                literal(element, depth + 1);
            }
        } else if (value != null && !(value instanceof String) && !(value instanceof Number)
                && !(value instanceof Boolean)) {
            throw invalid();
        }
        return value;
    }

    private void enter(int depth) {
        if (depth > MAX_DEPTH) {
            throw invalid();
        }
    }

    private void count() {
        if (++values > MAX_VALUES) {
            throw invalid();
        }
    }

    private QueryException invalid() {
        return new QueryException(errorCode);
    }
}
