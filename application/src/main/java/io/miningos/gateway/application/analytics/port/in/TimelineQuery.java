package io.miningos.gateway.application.analytics.port.in;

import io.miningos.gateway.domain.analytics.TimeRange;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * {@code /auth/metrics/power-mode/timeline}: each miner's power mode and status over a range of at most
 * {@value #MAX_DAYS} days (default: the last 30 days), optionally of one container.
 *
 * @param identity the parameters as sent (null for absent ones), for the cache key: a default range moves with
 *                 the clock, so it is keyed as "absent"
 */
public record TimelineQuery(TimeRange range, String container, List<String> identity) {

    public static final int MAX_DAYS = 31;
    public static final Duration DEFAULT_SPAN = Duration.ofDays(30);

    public TimelineQuery {
        Objects.requireNonNull(range, "range");
        if (container != null) {
            IntervalQuery.container(container);
        }
        identity = List.copyOf(identity.stream().map(p -> p == null ? "-" : p).toList());
    }

    /**
     * @param now the current time, the default range's end
     * @throws io.miningos.gateway.domain.error.DomainException the range's codes ({@code start}/{@code end}
     *         absent or 0 take their default), {@code ERR_CONTAINER_INVALID}
     */
    public static TimelineQuery of(Long start, Long end, String container, long now) {
        TimeRange range = TimeRange.orDefault(start, end, now - DEFAULT_SPAN.toMillis(), now,
                Duration.ofDays(MAX_DAYS));
        String name = container == null || container.isEmpty() ? null : IntervalQuery.container(container);
        return new TimelineQuery(range, name, Arrays.asList(text(start), text(end), name));
    }

    static String text(Long value) {
        return value == null || value == 0 ? null : value.toString();
    }
}
