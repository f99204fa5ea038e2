package io.miningos.gateway.application.logs.port.in;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /auth/tail-log}: one stat log ({@code key}, e.g. {@code stat-5m}) of one thing type, aggregated by
 * the ORKs. All parameters are passed on; {@code key} is required, {@code limit} is 1..{@value
 * TimeSeriesParams#MAX_TAIL_LIMIT}, and what the read costs the ORKs is bounded ({@link ReadCost}).
 */
public record TailLogQuery(Map<String, Object> params) {

    public static final String KEY_INVALID = "ERR_KEY_INVALID";

    public TailLogQuery {
        params = TimeSeriesParams.copy(params);
        TimeSeriesParams.requiredText(params, "key", KEY_INVALID);
        TimeSeriesParams.checkRanges(params, 1, TimeSeriesParams.MAX_TAIL_LIMIT);
        TimeSeriesParams.checkAggregation(params);
    }

    /** Refuses a read that would make the ORKs go through too many entries ({@link ReadCost}). */
    public void requireAffordable(long nowMillis) {
        ReadCost.requireAffordable(List.of(params), nowMillis);
    }
}
