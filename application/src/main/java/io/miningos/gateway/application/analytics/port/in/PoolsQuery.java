package io.miningos.gateway.application.analytics.port.in;

import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.query.MongoFilter;
import io.miningos.gateway.query.Projection;
import io.miningos.gateway.query.QueryException;
import io.miningos.gateway.query.SortSpec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@code GET /auth/pools}: which of the site's pool accounts to list and how, by the gateway's own query engine
 * over the accounts' documents ({@code query} filter, {@code sort} in MongoDB order, {@code fields} projection);
 * the summary is over every account.
 *
 * @param identity the parameters as sent (null for absent ones), for the cache key
 */
public record PoolsQuery(MongoFilter filter, SortSpec sort, Projection projection, List<String> identity) {

    public static final String QUERY_INVALID = "ERR_QUERY_INVALID";
    public static final String SORT_INVALID = "ERR_SORT_INVALID";
    public static final String FIELDS_INVALID = "ERR_FIELDS_INVALID";

    public PoolsQuery {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(projection, "projection");
        identity = Collections.unmodifiableList(new ArrayList<>(identity));
    }

    /**
     * From the parsed JSON parameters (null when absent).
     *
     * @throws DomainException {@code ERR_QUERY_INVALID}, {@code ERR_SORT_INVALID}, {@code ERR_FIELDS_INVALID} for
     *                         what the query engine refuses (unknown operators, bad directions, mixed projections)
     */
    public static PoolsQuery of(Object query, Object sort, Object fields, List<String> identity) {
        return new PoolsQuery(compiled(() -> MongoFilter.compile(query, QUERY_INVALID)),
                compiled(() -> SortSpec.compile(sort, SortSpec.Ordering.MONGO, SORT_INVALID)),
                compiled(() -> Projection.compile(fields, FIELDS_INVALID)), identity);
    }

    private static <T> T compiled(Supplier<T> compile) {
        try {
            return compile.get();
        } catch (QueryException e) {
            throw DomainException.invalid(e.code());
        }
    }
}
