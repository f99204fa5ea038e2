package io.miningos.gateway.application.analytics.port.in;

import io.miningos.gateway.domain.analytics.TimeRange;
import io.miningos.gateway.domain.analytics.metrics.GroupedDaily;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code /auth/metrics/hashrate} and {@code /consumption}: a range of at most {@link TimeRange#MAX_DAYS_SPAN}, by
 * UTC day, optionally grouped by miner type, container or PDU rack; with {@code groupBy=rack}, {@code racks}
 * selects rack keys (ignored otherwise, as the Node gateway did).
 *
 * @param groupBy null for the site's daily means from the daily store
 * @param racks   the rack keys to keep (empty: all)
 */
public record DailyMetricQuery(TimeRange range, GroupedDaily.GroupBy groupBy, Set<String> racks) {

    public DailyMetricQuery {
        Objects.requireNonNull(range, "range");
        racks = groupBy == GroupedDaily.GroupBy.RACK ? Set.copyOf(racks) : Set.of();
    }

    /**
     * From the request's parameters (absent ones null).
     *
     * @throws io.miningos.gateway.domain.error.DomainException {@code ERR_MISSING_START_END},
     *         {@code ERR_INVALID_DATE_RANGE}, {@code ERR_DATE_RANGE_TOO_LARGE}, {@code ERR_GROUPBY_INVALID},
     *         {@code ERR_RACKS_INVALID} (more than 1,000 keys or one over 200 characters)
     */
    public static DailyMetricQuery of(Long start, Long end, String groupBy, String racks) {
        TimeRange range = TimeRange.of(start, end, TimeRange.MAX_DAYS_SPAN);
        GroupedDaily.GroupBy by = GroupedDaily.GroupBy.parse(groupBy);
        Set<String> keys = GroupedDaily.parseRacks(racks);
        return new DailyMetricQuery(range, by, keys);
    }

    /** The parameters the answer depends on, for the cache key (racks sorted). */
    public List<String> identity() {
        List<String> parts = new ArrayList<>(List.of(Long.toString(range.start()), Long.toString(range.end()),
                groupBy == null ? "-" : groupBy.name()));
        parts.add(String.join(",", new TreeSet<>(racks)));
        return parts;
    }
}
