package io.miningos.gateway.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * One page of a collection of JSON documents: filter, then sort, then skip {@code offset}, then take
 * {@code limit}, then project. Only the page is projected, and a sorted query with a limit keeps just the best
 * {@code offset + limit} documents in a heap instead of sorting every match.
 *
 * @param filter     which documents qualify; {@code null} means all
 * @param projection the shape of each returned document; {@code null} means unchanged
 * @param sort       the order; {@code null} or unsorted keeps the input order
 * @param offset     matches to skip, at least 0
 * @param limit      matches to return at most, at least 0; {@link #UNLIMITED} for no limit
 */
public record DocumentQuery(MongoFilter filter, Projection projection, SortSpec sort, int offset, int limit) {

    public static final int UNLIMITED = Integer.MAX_VALUE;

    public DocumentQuery {
        filter = filter == null ? MongoFilter.matchAll() : filter;
        projection = projection == null ? Projection.identity() : projection;
        sort = sort == null ? SortSpec.unsorted() : sort;
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
    }

    public static DocumentQuery of(MongoFilter filter, Projection projection, SortSpec sort, int offset, int limit) {
        return new DocumentQuery(filter, projection, sort, offset, limit);
    }

    /** Runs the query over {@code documents}, which are read once and never modified. */
    public List<Object> run(Iterable<?> documents) {
        if (limit == 0) {
            return new ArrayList<>();
        }
        if (sort.isUnsorted()) {
            return firstPage(documents);
        }
        long window = (long) offset + limit;
        SortSpec.Keyed[] ranked = limit == UNLIMITED || window > Integer.MAX_VALUE
                ? allMatchesSorted(documents)
                : best(documents, (int) window);
        int end = (int) Math.min(ranked.length, window);
        List<Object> page = new ArrayList<>(Math.max(0, end - offset));
        for (int i = offset; i < end; i++) {
            page.add(projection.apply(ranked[i].document()));
        }
        return page;
    }

    // Unsorted: stream through, stop as soon as the page is full.
    private List<Object> firstPage(Iterable<?> documents) {
        List<Object> page = new ArrayList<>(Math.min(limit, 256));
        int skipped = 0;
        for (Object document : documents) {
            if (!filter.matches(document)) {
                continue;
            }
            if (skipped < offset) {
                skipped++;
                continue;
            }
            page.add(projection.apply(document));
            if (page.size() == limit) {
                break;
            }
        }
        return page;
    }

    private SortSpec.Keyed[] allMatchesSorted(Iterable<?> documents) {
        List<SortSpec.Keyed> matches = new ArrayList<>();
        int sequence = 0;
        for (Object document : documents) {
            if (filter.matches(document)) {
                matches.add(new SortSpec.Keyed(document, sort.keysOf(document), sequence++));
            }
        }
        SortSpec.Keyed[] sorted = matches.toArray(new SortSpec.Keyed[0]);
        Arrays.sort(sorted, sort.keyedOrder());
        return sorted;
    }

    // Top-k: a heap whose head is the worst of the best k seen so far.
    private SortSpec.Keyed[] best(Iterable<?> documents, int k) {
        Comparator<SortSpec.Keyed> order = sort.keyedOrder();
        PriorityQueue<SortSpec.Keyed> heap = new PriorityQueue<>(Math.min(k, 1024) + 1, order.reversed());
        int sequence = 0;
        for (Object document : documents) {
            if (!filter.matches(document)) {
                continue;
            }
            SortSpec.Keyed candidate = new SortSpec.Keyed(document, sort.keysOf(document), sequence++);
            if (heap.size() < k) {
                heap.add(candidate);
            } else if (order.compare(candidate, heap.peek()) < 0) {
                heap.poll();
                heap.add(candidate);
            }
        }
        SortSpec.Keyed[] sorted = heap.toArray(new SortSpec.Keyed[0]);
        Arrays.sort(sorted, order);
        return sorted;
    }

    /**
     * Groups rows by the string form of the value at {@code path} (as JavaScript's {@code String(value)} writes
     * it: {@code 2024}, {@code "null"} for null, {@code "undefined"} when missing), groups in first-seen order,
     * rows in input order. The global-data API returns {@code groupBy} results in this shape.
     */
    public static Map<String, List<Object>> groupBy(Iterable<?> rows, JsonPath path) {
        Map<String, List<Object>> groups = new LinkedHashMap<>();
        for (Object row : rows) {
            groups.computeIfAbsent(JsStringForm.of(path.getOrMissing(row)), key -> new ArrayList<>()).add(row);
        }
        return groups;
    }
}
