package io.miningos.gateway.application.analytics.port.in;

import io.miningos.gateway.domain.analytics.Page;
import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.query.MongoFilter;
import io.miningos.gateway.query.Projection;
import io.miningos.gateway.query.QueryException;
import io.miningos.gateway.query.SortSpec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@code GET /auth/containers} and {@code GET /auth/cabinets}: a list the gateway filters ({@code filter}, MongoDB
 * syntax), searches ({@code search}: a literal, case-insensitive, ≤ {@value #MAX_SEARCH} characters), sorts
 * ({@code sort}, texts in natural order, missing values last), projects ({@code fields}) and pages itself over every
 * ORK's things.
 *
 * @param search lower-cased search text, or null
 * @param offset 0..{@value Page#MAX_OFFSET}
 * @param limit  1..{@value #MAX_LIMIT}, or null for every item from {@code offset} on
 */
public record DeviceListQuery(MongoFilter filter, SortSpec sort, Projection projection, String search, int offset,
                              Integer limit, List<String> identity) {

    public static final String FILTER_INVALID = "ERR_FILTER_INVALID";
    public static final String SORT_INVALID = "ERR_SORT_INVALID";
    public static final String FIELDS_INVALID = "ERR_FIELDS_INVALID";
    public static final String SEARCH_INVALID = "ERR_SEARCH_INVALID";
    public static final int MAX_SEARCH = 200;
    public static final int MAX_LIMIT = 100;

    public DeviceListQuery {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(projection, "projection");
        if (search != null && search.length() > MAX_SEARCH) {
            throw DomainException.invalid(SEARCH_INVALID);
        }
        Page.of((long) offset, limit == null ? null : limit.longValue(), MAX_LIMIT, MAX_LIMIT);
        identity = Collections.unmodifiableList(new ArrayList<>(identity));
    }

    /**
     * From the request (null for absent parameters).
     *
     * @throws DomainException {@code ERR_FILTER_INVALID}, {@code ERR_SORT_INVALID}, {@code ERR_FIELDS_INVALID},
     *                         {@code ERR_SEARCH_INVALID}, {@code ERR_OFFSET_INVALID}, {@code ERR_LIMIT_INVALID}
     */
    public static DeviceListQuery of(Object filter, Object sort, Object fields, String search, Long offset, Long limit,
                                     List<String> identity) {
        if (search != null && search.length() > MAX_SEARCH) {
            throw DomainException.invalid(SEARCH_INVALID);
        }
        Page.of(offset, limit, MAX_LIMIT, MAX_LIMIT);
        return new DeviceListQuery(compiled(() -> MongoFilter.compile(filter, FILTER_INVALID)),
                compiled(() -> SortSpec.compile(sort, SortSpec.Ordering.NATURAL, SORT_INVALID)),
                compiled(() -> Projection.compile(fields, FIELDS_INVALID)),
                search == null || search.isEmpty() ? null : search.toLowerCase(Locale.ROOT),
                offset == null ? 0 : offset.intValue(), limit == null ? null : limit.intValue(), identity);
    }

    /** The items of this page out of {@code all}. */
    public <T> List<T> page(List<T> all) {
        int from = Math.min(offset, all.size());
        int to = limit == null ? all.size() : (int) Math.min(all.size(), (long) offset + limit);
        return List.copyOf(all.subList(from, to));
    }

    static <T> T compiled(Supplier<T> compile) {
        try {
            return compile.get();
        } catch (QueryException e) {
            throw DomainException.invalid(e.code());
        }
    }
}
