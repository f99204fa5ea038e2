package io.miningos.gateway.application.analytics.port.in;

import io.miningos.gateway.domain.analytics.Page;
import io.miningos.gateway.domain.analytics.devices.MinerFields;
import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.query.MongoFilter;
import io.miningos.gateway.query.SortSpec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * {@code GET /auth/miners}: the miners matching {@code filter} (clean names such as {@code status},
 * {@code hashrate} or thing paths; MongoDB syntax) and {@code search} (a literal, case-insensitive, over id, address,
 * serial and MAC numbers, container, code and type), sorted by {@code sort} (clean names or paths; natural order,
 * missing values last), a page of 1..{@value #MAX_LIMIT} (default {@value #DEFAULT_LIMIT}), each shown as the miner
 * view ({@link MinerFields#view}), only the {@code fields} asked for when given.
 *
 * @param orkQuery      the {@code listThings} query sent to every ORK
 * @param orkSort       the sort sent to every ORK (paths), or null
 * @param sort          the same sort, for merging the ORKs' lists
 * @param orkProjection the {@code listThings} fields
 * @param asked         the view's names asked for, or null for the whole view
 */
public record MinersQuery(Map<String, Object> orkQuery, Map<String, Object> orkSort, SortSpec sort,
                          Map<String, Object> orkProjection, List<String> asked, Page page, List<String> identity) {

    public static final String FILTER_INVALID = "ERR_FILTER_INVALID";
    public static final String SORT_INVALID = "ERR_SORT_INVALID";
    public static final String SEARCH_INVALID = "ERR_SEARCH_INVALID";
    public static final int MAX_SEARCH = 200;
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    /** Characters with a meaning in a JavaScript regular expression, escaped so a search is a literal. */
    private static final Pattern REGEX_SPECIAL = Pattern.compile("[\\\\^$.|?*+()\\[\\]{}/-]");
    private static final List<String> SEARCHED = List.of("id", "address", "opts.address", "info.serialNum",
            "info.macAddress", "info.container", "code", "type");

    public MinersQuery {
        Objects.requireNonNull(orkQuery, "orkQuery");
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(orkProjection, "orkProjection");
        Objects.requireNonNull(page, "page");
        asked = asked == null ? null : List.copyOf(asked);
        identity = Collections.unmodifiableList(new ArrayList<>(identity));
    }

    /**
     * From the parsed JSON parameters (null when absent).
     *
     * @throws DomainException {@code ERR_FILTER_INVALID}, {@code ERR_SORT_INVALID}, {@code ERR_FIELDS_INVALID},
     *                         {@code ERR_SEARCH_INVALID}, {@code ERR_OFFSET_INVALID}, {@code ERR_LIMIT_INVALID}
     */
    public static MinersQuery of(Map<String, Object> filter, Map<String, Object> sort, Map<String, Object> fields,
                                 String search, Long offset, Long limit, List<String> identity) {
        Page page = Page.of(offset, limit, DEFAULT_LIMIT, MAX_LIMIT);
        List<Object> and = new ArrayList<>();
        and.add(Map.of("tags", Map.of("$in", List.of("t-miner"))));
        if (filter != null && !filter.isEmpty()) {
            Object mapped = MinerFields.mapFilter(filter);
            DeviceListQuery.compiled(() -> MongoFilter.compile(mapped, FILTER_INVALID)); // what the ORK would refuse
            and.add(mapped);
        }
        if (search != null && !search.isEmpty()) {
            String literal = REGEX_SPECIAL.matcher(search).replaceAll("\\\\$0");
            if (search.length() > MAX_SEARCH || literal.length() > MAX_SEARCH) {
                throw DomainException.invalid(SEARCH_INVALID);
            }
            Map<String, Object> regex = new LinkedHashMap<>();
            regex.put("$regex", literal);
            regex.put("$options", "i");
            List<Object> any = new ArrayList<>();
            SEARCHED.forEach(f -> any.add(Map.of(f, regex)));
            and.add(Map.of("$or", any));
        }
        Map<String, Object> orkSort = null;
        if (sort != null && !sort.isEmpty()) {
            orkSort = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : sort.entrySet()) {
                orkSort.put(MinerFields.path(e.getKey()), e.getValue());
            }
        }
        Map<String, Object> compiledSort = orkSort;
        SortSpec spec = DeviceListQuery.compiled(() -> SortSpec.compile(compiledSort, SortSpec.Ordering.NATURAL,
                SORT_INVALID));
        Map<String, Object> projection = new LinkedHashMap<>(MinerFields.projection(fields));
        if (orkSort != null) {
            orkSort.keySet().forEach(path -> projection.putIfAbsent(path, 1));
        }
        return new MinersQuery(Map.of("$and", and), orkSort, spec, projection,
                fields == null ? null : new ArrayList<>(fields.keySet()), page, identity);
    }
}
