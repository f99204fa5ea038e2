package io.miningos.gateway.application.analytics.port.in;

import io.miningos.gateway.domain.analytics.TimeRange;
import io.miningos.gateway.domain.error.DomainException;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * {@code /auth/metrics/containers/:id/history}: one container's 5-minute stats over a range of at most
 * {@value #MAX_DAYS} days (default: the last 24 hours), at most {@code limit} points (1 to {@value #MAX_LIMIT};
 * default: the range's 5-minute ticks, at most {@value #MAX_LIMIT}).
 *
 * @param identity the parameters as sent ("-" for absent ones), for the cache key
 */
public record ContainerHistoryQuery(String container, TimeRange range, int limit, List<String> identity) {

    public static final int MAX_DAYS = 35;
    public static final int MAX_LIMIT = 10_080;
    public static final String LIMIT_INVALID = "ERR_LIMIT_INVALID";
    static final long TICK_MS = 300_000;

    public ContainerHistoryQuery {
        IntervalQuery.container(container);
        Objects.requireNonNull(range, "range");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw DomainException.invalid(LIMIT_INVALID);
        }
        identity = List.copyOf(identity.stream().map(p -> p == null ? "-" : p).toList());
    }

    /**
     * @param limit null for the default
     * @throws DomainException {@code ERR_CONTAINER_INVALID}, the range's codes, {@code ERR_LIMIT_INVALID}
     */
    public static ContainerHistoryQuery of(String container, Long start, Long end, Long limit, long now) {
        IntervalQuery.container(container);
        TimeRange range = TimeRange.orDefault(start, end, now - Duration.ofDays(1).toMillis(), now,
                Duration.ofDays(MAX_DAYS));
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw DomainException.invalid(LIMIT_INVALID);
        }
        int shown = limit != null ? limit.intValue()
                : (int) Math.min(MAX_LIMIT, range.span().toMillis() / TICK_MS + 1);
        return new ContainerHistoryQuery(container, range, shown, Arrays.asList(container,
                TimelineQuery.text(start), TimelineQuery.text(end), limit == null ? null : limit.toString()));
    }
}
