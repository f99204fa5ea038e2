package io.miningos.gateway.query;


import java.util.Map;

/**
 * A compiled MongoDB-style query filter over plain JSON values ({@code Map}, {@code List}, {@code String},
 * {@code Number}, {@code Boolean}, {@code null}). Compile once per request, then {@link #matches} any number of
 * documents, from any number of threads; evaluation allocates nothing and never throws.
 *
 * <p>Supported: implicit equality ({@code {"info.pos": "site"}}, whole objects and arrays too), {@code $eq $ne
 * $gt $gte $lt $lte $in $nin $exists $regex $options $not $elemMatch $size $all}, and {@code $and $or $nor}.
 * Paths are dotted and may hold array positions ({@code "comments.0.user"}). MongoDB's array semantics apply: a
 * condition on a path through or onto an array holds when any element satisfies it; {@code $ne} and {@code $nin}
 * hold only when no element matches; equality with {@code null} also matches a missing field. Numbers compare by
 * value across boxed types; ordering operators never compare across types (a string is not "greater" than a
 * number).
 *
 * <p>Refused with the caller's error code: a filter that is not an object, unknown operators, operators that run
 * code ({@code $where}, {@code $expr}, {@code $function}), operands of the wrong kind, regular expressions longer
 * than {@value GuardedRegex#MAX_PATTERN_LENGTH} characters or that do not compile, and filters nested deeper than
 * {@value FilterCompiler#MAX_DEPTH} levels or holding more than {@value FilterCompiler#MAX_VALUES} values.
 * Regular expressions run under a step budget, so a catastrophic pattern makes documents not match rather than
 * hang the server.
 */
public final class MongoFilter {

    private static final MongoFilter MATCH_ALL = new MongoFilter(Condition.MATCH_ALL);

    private final Condition root;

    private MongoFilter(Condition root) {
        this.root = root;
    }

    /**
     * Compiles {@code filter}: {@code null} or an empty object matches everything; anything malformed throws
     * {@link QueryException} with {@code errorCode} (e.g. {@code ERR_QUERY_INVALID}).
     */
    public static MongoFilter compile(Object filter, String errorCode) {
        if (filter == null || (filter instanceof Map<?, ?> map && map.isEmpty())) {
            return MATCH_ALL;
        }
        Condition root = new FilterCompiler(errorCode).document(filter, 0);
        return root == Condition.MATCH_ALL ? MATCH_ALL : new MongoFilter(root);
    }

    /** The filter that matches every document. */
    public static MongoFilter matchAll() {
        return MATCH_ALL;
    }

    /** Whether {@code document} satisfies the filter. A non-object document has no fields. */
    public boolean matches(Object document) {
        return root.matches(document);
    }

    /** Whether this filter accepts every document, so callers may skip evaluating it. */
    public boolean isMatchAll() {
        return root == Condition.MATCH_ALL;
    }
}
