package io.miningos.gateway.application.analytics.port.in;

import io.miningos.gateway.domain.analytics.Page;
import io.miningos.gateway.domain.analytics.site.RackQuery;
import io.miningos.gateway.domain.error.DomainException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code GET /auth/explorer/racks?group=&search=&sort=&offset=&limit=}: the racks of the listed groups (comma list)
 * any search term (comma list, ≤ {@value #MAX_SEARCH} characters in all) occurs in, sorted by {@code sort}
 * ({@link RackQuery}), a page of 1..{@value #MAX_LIMIT} (default {@value #DEFAULT_LIMIT}).
 */
public record ExplorerQuery(RackQuery racks, Page page, List<String> identity) {

    public static final String SEARCH_INVALID = "ERR_SEARCH_INVALID";
    public static final int MAX_SEARCH = 200;
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public ExplorerQuery {
        Objects.requireNonNull(racks, "racks");
        Objects.requireNonNull(page, "page");
        identity = List.copyOf(identity);
    }

    /**
     * @param sort the parsed {@code sort} JSON (null when absent)
     * @throws DomainException {@code ERR_SEARCH_INVALID}, {@code ERR_SORT_INVALID}, {@code ERR_OFFSET_INVALID},
     *                         {@code ERR_LIMIT_INVALID}
     */
    public static ExplorerQuery of(String group, String search, Object sort, Long offset, Long limit) {
        if (search != null && search.length() > MAX_SEARCH || group != null && group.length() > 10_000) {
            throw DomainException.invalid(SEARCH_INVALID);
        }
        Set<String> groups = new LinkedHashSet<>(list(group));
        RackQuery racks = new RackQuery(groups, list(search), RackQuery.parseSort(sort));
        Page page = Page.of(offset, limit, DEFAULT_LIMIT, MAX_LIMIT);
        return new ExplorerQuery(racks, page, Arrays.asList(String.join(",", groups.stream().sorted().toList()),
                String.join(",", racks.searchTerms()), racks.sort().toString(), Integer.toString(page.offset()),
                Integer.toString(page.limit())));
    }

    private static List<String> list(String commas) {
        List<String> out = new ArrayList<>();
        if (commas != null) {
            for (String s : commas.split(",", -1)) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
        }
        return out;
    }
}
