package io.miningos.gateway.application.analytics.port.in;

import io.miningos.gateway.domain.analytics.Page;
import io.miningos.gateway.domain.analytics.alerts.AlertQuery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code GET /auth/alerts/site}: which current alerts to list. Filter keys {@link #FILTER_KEYS}, order keys
 * {@link #SORT_KEYS} (default newest first), search over {@link #SEARCH_FIELDS}, pages of 1..{@value #MAX_LIMIT}
 * (default {@value #DEFAULT_LIMIT}).
 *
 * @param identity the parameters as sent (null for absent ones), for the cache key
 */
public record SiteAlertsQuery(AlertQuery alerts, Page page, List<String> identity) {

    public static final Set<String> FILTER_KEYS = Set.of("severity", "type", "container", "deviceId", "message",
            "name", "code");
    public static final Set<String> SORT_KEYS = Set.of("createdAt", "severity", "name", "type", "container");
    public static final List<String> SEARCH_FIELDS = List.of("id", "code", "deviceCode", "container", "message",
            "description", "name");
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 200;

    public SiteAlertsQuery {
        Objects.requireNonNull(alerts, "alerts");
        Objects.requireNonNull(page, "page");
        identity = Collections.unmodifiableList(new ArrayList<>(identity));
    }

    /**
     * From the parsed parameters ({@code filter}, {@code sort} as decoded JSON, null when absent).
     *
     * @throws io.miningos.gateway.domain.error.DomainException {@code ERR_INVALID_FILTER}, {@code ERR_INVALID_SORT},
     *                         {@code ERR_SEARCH_INVALID}, {@code ERR_OFFSET_INVALID}, {@code ERR_LIMIT_INVALID}
     */
    public static SiteAlertsQuery of(Object filter, Object sort, String search, Long offset, Long limit,
                                     List<String> identity) {
        AlertQuery alerts = AlertQuery.of(filter, search, sort, FILTER_KEYS, SORT_KEYS);
        return new SiteAlertsQuery(alerts, Page.of(offset, limit, DEFAULT_LIMIT, MAX_LIMIT), identity);
    }
}
