package io.miningos.gateway.application.globaldata.port.in;

import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.globaldata.GlobalDataType;
import io.miningos.gateway.domain.globaldata.KeyRange;
import io.miningos.gateway.query.JsonPath;
import io.miningos.gateway.query.MongoFilter;
import io.miningos.gateway.query.Projection;
import io.miningos.gateway.query.QueryException;
import io.miningos.gateway.query.SortSpec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /auth/global/data}: which records of a type to return and how. The key range applies to types with
 * a numeric key (production costs), the model to container settings; then, over what those select in key order,
 * the Mongo-style {@code filter}, {@code sort}, {@code offset}, {@code limit}, the {@code projection} of each
 * returned record and, when asked, grouping by a field. Feature flags are one object and take none of these.
 *
 * @param model    container settings of this model only
 * @param sort     MongoDB order; unsorted keeps key order
 * @param offset   matches to skip
 * @param limit    matches to return at most ({@link #UNLIMITED} for all)
 * @param groupBy  answer an object of arrays keyed by this field's value instead of an array
 * @param identity the request's parameters as sent, in a fixed order: two queries with equal identities must ask
 *                 for the same answer (they share a cached one)
 */
public record GlobalDataQuery(GlobalDataType type, KeyRange range, Optional<String> model, MongoFilter filter,
                              Projection projection, SortSpec sort, int offset, int limit,
                              Optional<JsonPath> groupBy, List<String> identity) {

    public static final String QUERY_INVALID = "ERR_QUERY_INVALID";
    public static final String FIELDS_INVALID = "ERR_FIELDS_INVALID";
    public static final String SORT_INVALID = "ERR_SORT_INVALID";
    public static final String GROUP_BY_INVALID = "ERR_GROUPBY_INVALID";
    public static final String OFFSET_INVALID = "ERR_OFFSET_INVALID";
    public static final String LIMIT_INVALID = "ERR_LIMIT_INVALID";
    public static final int UNLIMITED = Integer.MAX_VALUE;
    public static final int MAX_LIMIT = 100_000;

    public GlobalDataQuery {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(model, "model");
        filter = filter == null ? MongoFilter.matchAll() : filter;
        projection = projection == null ? Projection.identity() : projection;
        sort = sort == null ? SortSpec.unsorted() : sort;
        Objects.requireNonNull(groupBy, "groupBy");
        if (offset < 0) {
            throw DomainException.invalid(OFFSET_INVALID);
        }
        if (limit != UNLIMITED && (limit < 1 || limit > MAX_LIMIT)) {
            throw DomainException.invalid(LIMIT_INVALID);
        }
        identity = Collections.unmodifiableList(new ArrayList<>(identity)); // nulls stand for absent parameters
    }

    /**
     * A query from a client's parameters: {@code query}, {@code fields} and {@code sort} as parsed JSON values
     * (null when absent), {@code groupBy} a dotted path. Malformed ones are refused with {@code ERR_QUERY_INVALID},
     * {@code ERR_FIELDS_INVALID}, {@code ERR_SORT_INVALID} or {@code ERR_GROUPBY_INVALID}.
     */
    public static GlobalDataQuery fromRequest(GlobalDataType type, KeyRange range, Optional<String> model,
                                              Object query, Object fields, Object sort, int offset, int limit,
                                              Optional<String> groupBy, List<String> identity) {
        MongoFilter filter = compiled(() -> MongoFilter.compile(query, QUERY_INVALID));
        Projection projection = compiled(() -> Projection.compile(fields, FIELDS_INVALID));
        SortSpec order = compiled(() -> SortSpec.compile(sort, SortSpec.Ordering.MONGO, SORT_INVALID));
        Optional<JsonPath> group = groupBy.map(path -> compiled(() -> JsonPath.parse(path, GROUP_BY_INVALID)));
        return new GlobalDataQuery(type, range, model, filter, projection, order, offset, limit, group, identity);
    }

    /** The query engine's refusal as the domain's: one exception type reaches the HTTP error mapping. */
    private static <T> T compiled(Supplier<T> compile) {
        try {
            return compile.get();
        } catch (QueryException e) {
            throw DomainException.invalid(e.code());
        }
    }

    /** Every record of {@code type}, in key order. */
    public static GlobalDataQuery all(GlobalDataType type) {
        return new GlobalDataQuery(type, KeyRange.ALL, Optional.empty(), null, null, null, 0, UNLIMITED,
                Optional.empty(), List.of());
    }

    /** True when storage's key order and window are the answer: nothing to filter or reorder. */
    public boolean isWindowOfKeyOrder() {
        return filter.isMatchAll() && sort.isUnsorted();
    }
}
