package io.miningos.gateway.application.analytics.port.in;

import io.miningos.gateway.domain.analytics.TimeRange;
import io.miningos.gateway.domain.analytics.metrics.MetricInterval;
import io.miningos.gateway.domain.error.DomainException;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The 3-hourly metric series ({@code /auth/metrics/power-mode}, {@code /temperature}, {@code /cooling}): a range
 * of at most {@link TimeRange#MAX_DAYS_SPAN}, the resolution ({@link MetricInterval}: as asked, else by the range's
 * length) and, for temperature, one container.
 *
 * @param container a container name ({@code info.container}), or null for all
 */
public record IntervalQuery(TimeRange range, MetricInterval interval, String container) {

    public static final String CONTAINER_INVALID = "ERR_CONTAINER_INVALID";
    /** A container name: 1 to 100 characters, none of them a control character. */
    private static final Pattern CONTAINER = Pattern.compile("[^\\p{Cntrl}]{1,100}");

    public IntervalQuery {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(interval, "interval");
        if (container != null) {
            container(container);
        }
    }

    /**
     * @throws DomainException the range's codes, {@code ERR_INTERVAL_INVALID}, {@code ERR_CONTAINER_INVALID}
     */
    public static IntervalQuery of(Long start, Long end, String interval, String container) {
        TimeRange range = TimeRange.of(start, end, TimeRange.MAX_DAYS_SPAN);
        return new IntervalQuery(range, MetricInterval.resolve(interval, range),
                container == null || container.isEmpty() ? null : container(container));
    }

    /** A container name as a parameter or path segment gives it, else {@code ERR_CONTAINER_INVALID}. */
    public static String container(String name) {
        if (name == null || name.isBlank() || !CONTAINER.matcher(name).matches()) {
            throw DomainException.invalid(CONTAINER_INVALID);
        }
        return name;
    }

    /** The parameters the answer depends on, for the cache key (the interval as resolved). */
    public List<String> identity() {
        return Arrays.asList(Long.toString(range.start()), Long.toString(range.end()), interval.text(), container);
    }
}
