package io.miningos.gateway.application.logs.port.in;

import io.miningos.gateway.domain.error.DomainException;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /auth/tail-log/range-aggr}: daily aggregates over date ranges. {@code keys} holds at least one
 * {@code {type, startDate, endDate, timezoneOffset?, fields?}} (other flags such as {@code shouldReturnDailyData}
 * are passed on). Dates are whatever the ORK's date parser accepts: ISO text or epoch milliseconds. At most
 * {@value ReadCost#MAX_RANGE_KEYS} keys, each spanning at most {@value ReadCost#MAX_RANGE_DAYS} days.
 */
public record RangeAggrQuery(List<Object> keys) {

    public static final String KEYS_INVALID_ARRAY = TailLogMultiQuery.KEYS_INVALID_ARRAY;
    public static final String KEYS_INVALID = "ERR_KEYS_INVALID";

    public RangeAggrQuery {
        if (keys == null || keys.isEmpty()) {
            throw DomainException.invalid(KEYS_INVALID_ARRAY);
        }
        if (keys.size() > ReadCost.MAX_RANGE_KEYS) {
            throw DomainException.invalid(ReadCost.KEYS_TOO_LARGE);
        }
        for (Object key : keys) {
            if (!(key instanceof Map<?, ?> range) || !validRange(range)) {
                throw DomainException.invalid(KEYS_INVALID);
            }
            ReadCost.requireRangeSpan(range);
        }
        keys = Collections.unmodifiableList(keys);
    }

    private static boolean validRange(Map<?, ?> range) {
        return range.get("type") instanceof String type && !type.isBlank()
                && isDate(range.get("startDate")) && isDate(range.get("endDate"))
                && (range.get("timezoneOffset") == null || range.get("timezoneOffset") instanceof Number)
                && (range.get("fields") == null || range.get("fields") instanceof Map<?, ?>);
    }

    private static boolean isDate(Object value) {
        return value instanceof String text && !text.isBlank() || value instanceof Number;
    }
}
