package io.miningos.gateway.domain.analytics.metrics;

import io.miningos.gateway.domain.analytics.TimeRange;
import io.miningos.gateway.domain.error.DomainException;

import java.time.Duration;

/**
 * The resolution of the 3-hourly metric series (power modes, temperature, cooling): {@code 1h} (the
 * {@code stat-3h} points as they are; there is no finer log), {@code 1d} and {@code 1w} (the racks bucket the
 * points by UTC day / week with {@code groupRange} and average them). Aliases {@code hourly}, {@code daily},
 * {@code weekly}. Without one: {@code 1h} up to 2 days, {@code 1d} up to 90 days, else {@code 1w}.
 */
public enum MetricInterval {
    HOUR("1h", null),
    DAY("1d", "1D"),
    WEEK("1w", "1W");

    public static final String INTERVAL_INVALID = "ERR_INTERVAL_INVALID";
    /** The log every interval reads. */
    public static final String KEY = "stat-3h";

    private final String text;
    private final String groupRange;

    MetricInterval(String text, String groupRange) {
        this.text = text;
        this.groupRange = groupRange;
    }

    public String text() {
        return text;
    }

    /** The {@code groupRange} to send, or null (points as stored). */
    public String groupRange() {
        return groupRange;
    }

    public static MetricInterval resolve(String requested, TimeRange range) {
        if (requested == null || requested.isEmpty()) {
            Duration span = range.span();
            return span.compareTo(Duration.ofDays(2)) <= 0 ? HOUR
                    : span.compareTo(Duration.ofDays(90)) <= 0 ? DAY : WEEK;
        }
        return switch (requested) {
            case "1h", "hourly" -> HOUR;
            case "1d", "daily" -> DAY;
            case "1w", "weekly" -> WEEK;
            default -> throw DomainException.invalid(INTERVAL_INVALID);
        };
    }
}
