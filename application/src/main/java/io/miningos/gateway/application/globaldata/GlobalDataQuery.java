package io.miningos.gateway.application.globaldata;

import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.globaldata.GlobalDataType;
import io.miningos.gateway.domain.globaldata.KeyRange;
import io.miningos.gateway.domain.query.JsonPath;
import io.miningos.gateway.domain.query.MongoFilter;
import io.miningos.gateway.domain.query.Projection;
import io.miningos.gateway.domain.query.SortSpec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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

    /** Every record of {@code type}, in key order. */
    public static GlobalDataQuery all(GlobalDataType type) {
        return new GlobalDataQuery(type, KeyRange.ALL, Optional.empty(), null, null, null, 0, UNLIMITED,
                Optional.empty(), List.of());
    }

    /** True when storage's key order and window are the answer: nothing to filter or reorder. */
    boolean isWindowOfKeyOrder() {
        return filter.isMatchAll() && sort.isUnsorted();
    }
}
