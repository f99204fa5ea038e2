package io.miningos.gateway.application.logs.port.in;

import io.miningos.gateway.domain.error.DomainException;

import java.util.Map;
import java.util.Set;

/**
 * {@code GET /auth/history-log}: past alerts ({@code logType=alerts}) or thing changes ({@code logType=info}).
 * All parameters are passed on.
 */
public record HistoryLogQuery(Map<String, Object> params) {

    public static final String LOG_TYPE_INVALID = "ERR_LOG_TYPE_INVALID";
    private static final Set<String> LOG_TYPES = Set.of("alerts", "info");

    public HistoryLogQuery {
        params = TimeSeriesParams.copy(params);
        if (!(params.get("logType") instanceof String logType) || !LOG_TYPES.contains(logType)) {
            throw DomainException.invalid(LOG_TYPE_INVALID);
        }
        TimeSeriesParams.checkRanges(params, 0, TimeSeriesParams.MAX_HISTORY_LIMIT);
    }
}
