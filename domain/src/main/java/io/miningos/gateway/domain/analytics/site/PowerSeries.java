package io.miningos.gateway.domain.analytics.site;

import io.miningos.gateway.domain.analytics.JsonView;
import io.miningos.gateway.domain.error.DomainException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The site power chart ({@code /auth/site/power-consumption}): a {@code tailLog} series of one power attribute,
 * added up over the ORKs per tick (the Node gateway drew the first ORK's series only), with its min, max, mean
 * and current value, all in W.
 */
public final class PowerSeries {

    public static final String TAG_INVALID = "ERR_TAG_INVALID";
    public static final String INTERVAL_INVALID = "ERR_INTERVAL_INVALID";
    public static final String POWER_ATTRIBUTE_INVALID = "ERR_POWERATTRIBUTE_INVALID";
    /** Stat logs a power series can be read from. */
    public static final List<String> INTERVALS = List.of("1m", "5m", "30m", "3h", "1D");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");
    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z0-9_-]{1,100}(\\.[A-Za-z0-9_.-]{1,100})?");

    private PowerSeries() {
    }

    public record Point(long ts, double valueW) {
    }

    /** Null values where there are no points ({@code currentW} null when nothing is known now either). */
    public record Summary(Double minW, Double maxW, Double avgW, Double currentW) {
    }

    /**
     * What to read for a tag: the log's thing {@code type}, the stat {@code key}, and the dot path of the value.
     * {@code type}: {@code container} for a tag naming containers, {@code miner} for miners, else the tag without
     * {@code t-}. Default attribute: {@code container_power_w_aggr.<name>} for a {@code container-<name>} tag,
     * {@code transformer_power_w} with {@code totalTransformerConsumption}, {@code site_power_w} for power meters,
     * else {@code power_w_sum_aggr}.
     */
    public record Request(String type, String key, String attribute) {

        public static Request of(String tag, String interval, String powerAttribute, boolean totalTransformer) {
            String t = tag == null || tag.isEmpty() ? "t-miner" : tag;
            if (!TAG.matcher(t).matches()) {
                throw DomainException.invalid(TAG_INVALID);
            }
            String i = interval == null || interval.isEmpty() ? "5m" : interval;
            if (!INTERVALS.contains(i)) {
                throw DomainException.invalid(INTERVAL_INVALID);
            }
            if (powerAttribute != null && !powerAttribute.isEmpty() && !ATTRIBUTE.matcher(powerAttribute).matches()) {
                throw DomainException.invalid(POWER_ATTRIBUTE_INVALID);
            }
            String type = t.contains("container") ? "container" : t.contains("miner") ? "miner"
                    : t.startsWith("t-") ? t.substring(2) : t;
            String attribute = powerAttribute != null && !powerAttribute.isEmpty() ? powerAttribute
                    : t.contains("container") ? "container_power_w_aggr." + t.replaceFirst("^container-", "")
                    : totalTransformer ? "transformer_power_w"
                    : t.contains("powermeter") ? "site_power_w"
                    : "power_w_sum_aggr";
            return new Request(type, "stat-" + i, attribute);
        }

        /** The {@code aggrFields} to ask for: the attribute's first segment. */
        public String aggrField() {
            int dot = attribute.indexOf('.');
            return dot < 0 ? attribute : attribute.substring(0, dot);
        }
    }

    /** Ticks in time order, each the sum over the ORKs that reported the attribute at that tick. */
    public static List<Point> read(List<JsonView> answers, String attribute) {
        Map<Long, Double> byTs = new TreeMap<>();
        for (JsonView answer : answers) {
            for (JsonView entry : answer.items()) {
                Long ts = entry.get("ts").asEpochMillis();
                Double v = entry.path(attribute).asDouble();
                if (ts != null && v != null && v >= 0) {
                    byTs.merge(ts, v, Double::sum);
                }
            }
        }
        List<Point> out = new ArrayList<>(byTs.size());
        byTs.forEach((ts, v) -> out.add(new Point(ts, v)));
        return out;
    }

    /**
     * @param current the live value when known (the site meters), else null to use the last point
     */
    public static Summary summary(List<Point> points, Double current) {
        if (points.isEmpty()) {
            return new Summary(null, null, null, current);
        }
        double min = Double.MAX_VALUE;
        double max = 0;
        double sum = 0;
        for (Point p : points) {
            min = Math.min(min, p.valueW());
            max = Math.max(max, p.valueW());
            sum += p.valueW();
        }
        return new Summary(min, max, sum / points.size(), current != null ? current : points.getLast().valueW());
    }
}
