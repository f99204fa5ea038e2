package io.miningos.gateway.application.analytics.port.in;

import io.miningos.gateway.domain.analytics.Page;
import io.miningos.gateway.domain.analytics.TimeRange;
import io.miningos.gateway.domain.analytics.alerts.AlertQuery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code GET /auth/alerts/history}: the alerts raised within a range of at most {@link TimeRange#MAX_DAYS_SPAN},
 * filtered by {@link #FILTER_KEYS} ({@code tags} matches a device holding the tag), ordered by {@link #SORT_KEYS}
 * (default newest first), searched over {@link #SEARCH_FIELDS}, in pages of 1..{@value #MAX_LIMIT} (default
 * {@value #DEFAULT_LIMIT}).
 *
 * @param identity the parameters as sent (null for absent ones), for the cache key
 */
public record AlertHistoryQuery(TimeRange range, AlertQuery alerts, Page page, List<String> identity) {

    public static final Set<String> FILTER_KEYS = Set.of("severity", "code", "deviceCode", "deviceType",
            "container", "deviceId", "tags", "message", "name");
    public static final Set<String> SORT_KEYS = Set.of("createdAt", "severity", "name", "deviceType", "container");
    /** The Node gateway's fields, plus {@code deviceCode} (its {@code code} was the device's). */
    public static final List<String> SEARCH_FIELDS = List.of("name", "description", "position", "code",
            "deviceCode", "message");
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1_000;
    /** Alerts read per rack of an ORK at most (the ORK applies {@code limit} per rack). */
    public static final int ORK_LIMIT = 10_000;

    public AlertHistoryQuery {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(alerts, "alerts");
        Objects.requireNonNull(page, "page");
        identity = Collections.unmodifiableList(new ArrayList<>(identity));
    }

    /**
     * @throws io.miningos.gateway.domain.error.DomainException {@code ERR_MISSING_START_END},
     *                         {@code ERR_INVALID_DATE_RANGE}, {@code ERR_DATE_RANGE_TOO_LARGE}, and those of
     *                         {@link SiteAlertsQuery#of}
     */
    public static AlertHistoryQuery of(Long start, Long end, Object filter, Object sort, String search, Long offset,
                                       Long limit, List<String> identity) {
        TimeRange range = TimeRange.of(start, end, TimeRange.MAX_DAYS_SPAN);
        AlertQuery alerts = AlertQuery.of(filter, search, sort, FILTER_KEYS, SORT_KEYS);
        return new AlertHistoryQuery(range, alerts, Page.of(offset, limit, DEFAULT_LIMIT, MAX_LIMIT), identity);
    }
}
