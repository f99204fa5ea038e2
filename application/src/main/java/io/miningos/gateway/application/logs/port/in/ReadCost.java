package io.miningos.gateway.application.logs.port.in;

import io.miningos.gateway.domain.error.DomainException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much a time-series read makes the ORKs do, bounded before it is sent: an ORK reads every tick of a range
 * that has no {@code limit} (docs/ORK.md §4.3), so {@code stat-5m} from 1970 is millions of entries. A read over a
 * bound is refused with 400 and reaches no ORK.
 *
 * <ul>
 *   <li>A range without {@code limit} ({@code start} and/or {@code end}; a missing {@code end} is now, a missing
 *       {@code start} is 0) holds one tick per interval of its key ({@code stat-5m}: 5 minutes; keys without an
 *       interval in their name count as one-minute logs): at most {@value #MAX_GROUPED_TICKS} ticks when the ORK
 *       groups them ({@code groupRange} or {@code aggrTimes}; 35 days of {@code stat-5m}, enough for the UI's
 *       30-day reports), at most {@value #MAX_TICKS} when every tick comes back as an entry (7 days of
 *       {@code stat-5m}); else {@value #RANGE_TOO_LARGE}. A {@code limit} (at most 10,080) counts as that many
 *       ticks.</li>
 *   <li>{@code tail-log/multi}: at most {@value #MAX_MULTI_KEYS} keys ({@value #KEYS_TOO_LARGE}), whose costs
 *       add up against the same bound.</li>
 *   <li>{@code aggrTimes} holds at most {@value #MAX_AGGR_TIMES} ranges ({@value #AGGR_TIMES_TOO_LARGE}).</li>
 *   <li>{@code range-aggr}: at most {@value #MAX_RANGE_KEYS} keys, each spanning at most {@value #MAX_RANGE_DAYS}
 *       days (ORKs keep 180 days of daily aggregates).</li>
 * </ul>
 */
public final class ReadCost {

    public static final String RANGE_TOO_LARGE = "ERR_RANGE_TOO_LARGE";
    public static final String KEYS_TOO_LARGE = "ERR_KEYS_TOO_LARGE";
    public static final String AGGR_TIMES_TOO_LARGE = "ERR_AGGRTIMES_TOO_LARGE";
    /** Ticks of a range without {@code limit} that come back one entry each: 7 days of {@code stat-5m}. */
    public static final long MAX_TICKS = 2_016;
    /** Ticks of a range without {@code limit} that the ORK groups: 35 days of {@code stat-5m}. */
    public static final long MAX_GROUPED_TICKS = 10_080;
    public static final int MAX_AGGR_TIMES = 1_000;
    public static final int MAX_MULTI_KEYS = 20;
    public static final int MAX_RANGE_KEYS = 100;
    public static final long MAX_RANGE_DAYS = 366;

    /** An ungrouped tick costs this many grouped ones: each becomes an entry of the answer. */
    private static final long UNGROUPED_WEIGHT = MAX_GROUPED_TICKS / MAX_TICKS;
    private static final long MINUTE = 60_000;
    private static final long DAY = 86_400_000;
    private static final Pattern STAT_KEY = Pattern.compile("stat-(\\d{1,4})(s|m|h|d|D|w|W)");

    private ReadCost() {
    }

    /** The interval between two entries of a stat log, e.g. 300,000 ms for {@code stat-5m}. */
    static long intervalOf(Object key) {
        Matcher m = key instanceof String text ? STAT_KEY.matcher(text) : null;
        if (m == null || !m.matches()) {
            return MINUTE;
        }
        long n = Math.max(1, Long.parseLong(m.group(1)));
        return n * switch (m.group(2)) {
            case "s" -> 1_000L;
            case "m" -> MINUTE;
            case "h" -> 3_600_000L;
            case "d", "D" -> DAY;
            default -> 7 * DAY;
        };
    }

    /**
     * What one stat log's read costs, in ticks the ORK goes through: its {@code limit} when it has one (bounded
     * separately), nothing without any range (the ORK's default of 100 entries), else the ticks of the range, five
     * times over when each of them comes back as an entry (so {@value #MAX_TICKS} ungrouped ticks cost as much as
     * {@value #MAX_GROUPED_TICKS} grouped ones).
     */
    static long cost(Map<?, ?> params, long nowMillis) {
        OptionalLong limit = whole(params.get("limit"));
        if (limit.isPresent()) {
            return Math.max(0, limit.getAsLong());
        }
        OptionalLong start = whole(params.get("start"));
        OptionalLong end = whole(params.get("end"));
        if (params.get("start") == null && params.get("end") == null) {
            return 0;
        }
        long from = start.orElse(0);
        long to = end.orElse(nowMillis);
        if (to < from) {
            return 0;
        }
        long span;
        try {
            span = Math.subtractExact(to, from);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
        long ticks = span / intervalOf(params.get("key")) + 1;
        boolean grouped = params.get("groupRange") != null || params.get("aggrTimes") != null;
        if (grouped) {
            return ticks;
        }
        return ticks > Long.MAX_VALUE / UNGROUPED_WEIGHT ? Long.MAX_VALUE : ticks * UNGROUPED_WEIGHT;
    }

    /**
     * Refuses a read whose stat logs together cost more than {@value #MAX_GROUPED_TICKS} ticks, or whose
     * {@code aggrTimes} hold more than {@value #MAX_AGGR_TIMES} ranges.
     *
     * @param logs the parameters each stat log is read with (one for tail-log; one per key for tail-log/multi)
     */
    static void requireAffordable(List<? extends Map<?, ?>> logs, long nowMillis) {
        long total = 0;
        for (Map<?, ?> log : logs) {
            if (log.get("aggrTimes") instanceof List<?> ranges && ranges.size() > MAX_AGGR_TIMES) {
                throw DomainException.invalid(AGGR_TIMES_TOO_LARGE);
            }
            total += Math.min(MAX_GROUPED_TICKS + 1, cost(log, nowMillis));
            if (total > MAX_GROUPED_TICKS) {
                throw DomainException.invalid(RANGE_TOO_LARGE);
            }
        }
    }

    /** A whole number as the ORK reads it (JSON numbers arrive as Integer, Long or BigDecimal; text as text). */
    private static OptionalLong whole(Object value) {
        if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
            double d = n.doubleValue();
            return d >= Long.MAX_VALUE ? OptionalLong.of(Long.MAX_VALUE)
                    : d <= Long.MIN_VALUE ? OptionalLong.of(Long.MIN_VALUE) : OptionalLong.of(n.longValue());
        }
        if (value instanceof String text && text.matches("-?\\d{1,18}")) {
            return OptionalLong.of(Long.parseLong(text));
        }
        return OptionalLong.empty();
    }

    /** Refuses a range-aggr key whose dates the ORK can read and which spans more than a year. */
    static void requireRangeSpan(Map<?, ?> range) {
        OptionalLong start = dateMillis(range.get("startDate"));
        OptionalLong end = dateMillis(range.get("endDate"));
        if (start.isPresent() && end.isPresent() && end.getAsLong() - start.getAsLong() > MAX_RANGE_DAYS * DAY) {
            throw DomainException.invalid(RANGE_TOO_LARGE);
        }
    }

    /**
     * A date as the ORK reads it ({@code new Date(x)}): epoch milliseconds, an ISO day ({@code 2025-11-01}, UTC) or
     * an ISO date-time; empty for text the gateway cannot read the same way (the ORK answers that key's error).
     */
    static OptionalLong dateMillis(Object value) {
        if (value instanceof Number n) {
            return Double.isFinite(n.doubleValue()) ? OptionalLong.of(n.longValue()) : OptionalLong.empty();
        }
        if (!(value instanceof String text)) {
            return OptionalLong.empty();
        }
        String s = text.trim();
        try {
            if (s.length() == 10) {
                return OptionalLong.of(LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
            }
            return OptionalLong.of(OffsetDateTime.parse(s).toInstant().toEpochMilli());
        } catch (DateTimeParseException | ArithmeticException e) {
            try {
                return OptionalLong.of(Instant.parse(s).toEpochMilli());
            } catch (DateTimeParseException | ArithmeticException again) {
                return s.matches("-?\\d{1,15}") ? OptionalLong.of(Long.parseLong(s)) : OptionalLong.empty();
            }
        }
    }
}
