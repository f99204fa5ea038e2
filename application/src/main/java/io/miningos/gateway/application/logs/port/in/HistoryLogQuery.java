package io.miningos.gateway.application.logs.port.in;

import io.miningos.gateway.domain.error.DomainException;

import java.util.Map;
import java.util.Set;

/**
 * {@code GET /auth/history-log}: past alerts ({@code logType=alerts}) or thing changes ({@code logType=info}).
 * All parameters are passed on. ORKs apply {@code limit} per rack and have no limit of their own, so a read
 * without one gets {@value #DEFAULT_LIMIT} (all of the demo's alerts were 34 MB); {@code limit} is
 * 1..{@value #MAX_LIMIT}.
 */
public record HistoryLogQuery(Map<String, Object> params) {

    public static final String LOG_TYPE_INVALID = "ERR_LOG_TYPE_INVALID";
    public static final long DEFAULT_LIMIT = 1_000;
    public static final long MAX_LIMIT = 10_000;
    private static final Set<String> LOG_TYPES = Set.of("alerts", "info");

    public HistoryLogQuery {
        params = TimeSeriesParams.copy(params);
        if (!(params.get("logType") instanceof String logType) || !LOG_TYPES.contains(logType)) {
            throw DomainException.invalid(LOG_TYPE_INVALID);
        }
        TimeSeriesParams.checkRanges(params, 1, MAX_LIMIT);
        if (params.get("limit") == null) {
            Map<String, Object> limited = new java.util.TreeMap<>(params);
            limited.put("limit", DEFAULT_LIMIT);
            params = TimeSeriesParams.copy(limited);
        }
    }
}
