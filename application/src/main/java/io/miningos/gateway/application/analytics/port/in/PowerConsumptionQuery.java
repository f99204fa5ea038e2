package io.miningos.gateway.application.analytics.port.in;

import io.miningos.gateway.domain.analytics.Page;
import io.miningos.gateway.domain.analytics.TimeRange;
import io.miningos.gateway.domain.analytics.site.PowerSeries;
import io.miningos.gateway.domain.error.DomainException;

import java.util.List;
import java.util.Objects;

/**
 * {@code GET /auth/site/power-consumption}: which power series to draw over a range of at most
 * {@link TimeRange#MAX_DAYS_SPAN}.
 *
 * @param tag              the stat log's tag (default {@code t-miner})
 * @param series           the thing type, stat key and value path read ({@link PowerSeries.Request})
 * @param totalTransformer {@code totalTransformerConsumption}: the transformer meters' sum is the default value
 * @param limit            entries per rack asked of the ORK, 1..{@value #MAX_LIMIT}
 */
public record PowerConsumptionQuery(TimeRange range, String tag, PowerSeries.Request series, boolean totalTransformer,
                                    int limit) {

    public static final int DEFAULT_LIMIT = 288;
    /** A week of 1-minute ticks, or 35 days of 5-minute ones. */
    public static final int MAX_LIMIT = 10_080;
    private static final String DEFAULT_TAG = "t-miner";

    public PowerConsumptionQuery {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(series, "series");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw DomainException.invalid(Page.LIMIT_INVALID);
        }
    }

    /**
     * From the request's parameters (null when absent).
     *
     * @throws DomainException {@code ERR_MISSING_START_END}, {@code ERR_INVALID_DATE_RANGE},
     *                         {@code ERR_DATE_RANGE_TOO_LARGE}, {@code ERR_INTERVAL_INVALID}, {@code ERR_TAG_INVALID},
     *                         {@code ERR_POWERATTRIBUTE_INVALID}, {@code ERR_LIMIT_INVALID}
     */
    public static PowerConsumptionQuery of(Long start, Long end, String interval, String tag, String powerAttribute,
                                           Boolean totalTransformer, Long limit) {
        TimeRange range = TimeRange.of(start, end, TimeRange.MAX_DAYS_SPAN);
        boolean ttc = Boolean.TRUE.equals(totalTransformer);
        PowerSeries.Request series = PowerSeries.Request.of(tag, interval, powerAttribute, ttc);
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw DomainException.invalid(Page.LIMIT_INVALID);
        }
        return new PowerConsumptionQuery(range, tag == null || tag.isEmpty() ? DEFAULT_TAG : tag, series, ttc,
                limit == null ? DEFAULT_LIMIT : limit.intValue());
    }

    /** The parameters the answer depends on, for the cache key. */
    public List<String> identity() {
        return List.of(Long.toString(range.start()), Long.toString(range.end()), series.key(), tag,
                series.attribute(), Boolean.toString(totalTransformer), Integer.toString(limit));
    }
}
