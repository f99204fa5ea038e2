package io.miningos.gateway.domain.analytics.finance;

import io.miningos.gateway.domain.analytics.IntervalSum;
import io.miningos.gateway.domain.analytics.JsonView;
import io.miningos.gateway.domain.analytics.UtcCalendar;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Daily site stats from the ORK's daily store ({@code tailLogCustomRangeAggr}), asked for <b>one key per day and
 * type</b>: {@code {type, startDate: <day>, endDate: <day>}} in range-aggregate mode. Each answer element then
 * belongs to a known day by its position, so days are labelled right whatever order the ORK uses (with
 * {@code shouldReturnDailyData} the real ORK labels its days in reverse, docs/ORK.md §5.4), and each element carries
 * {@code aggrIntervals}, which turns a {@code sum}-type field (summed over the day's 5-minute intervals) into the
 * day's mean.
 */
public final class DailyAggregates {

    /** One requested key: the stats of {@code type} on the UTC day starting at {@code day}. */
    public record Key(long day, String type) {
        public Key {
            Objects.requireNonNull(type, "type");
        }
    }

    private final List<Key> keys;

    private DailyAggregates(List<Key> keys) {
        this.keys = List.copyOf(keys);
    }

    /** The keys for every day of {@code days} (UTC day starts) and every type of {@code types}. */
    public static DailyAggregates of(List<Long> days, List<String> types) {
        List<Key> keys = new ArrayList<>(days.size() * types.size());
        for (long day : days) {
            for (String type : types) {
                keys.add(new Key(UtcCalendar.dayStart(day), type));
            }
        }
        return new DailyAggregates(keys);
    }

    public List<Key> keys() {
        return keys;
    }

    /** The {@code keys} parameter of the {@code tailLogCustomRangeAggr} request. */
    public List<Map<String, Object>> request() {
        List<Map<String, Object>> out = new ArrayList<>(keys.size());
        for (Key key : keys) {
            Map<String, Object> k = new LinkedHashMap<>();
            k.put("type", key.type());
            k.put("startDate", UtcCalendar.iso(key.day()));
            k.put("endDate", UtcCalendar.iso(key.day()));
            out.add(k);
        }
        return out;
    }

    /**
     * Day → the mean of the {@code sum}-type {@code field} of {@code type} ({@code field / aggrIntervals}), added
     * across ORKs. A day is missing when no ORK had data for it (a per-key error, no intervals, no field): no data
     * is never a zero. An ORK answer that does not have one element per key is not read at all.
     */
    public Map<Long, DailyStat> sums(List<JsonView> answers, String type, String field) {
        Map<Long, DailyStat> out = new TreeMap<>();
        read(answers, type, (day, data) -> {
            IntervalSum sum = IntervalSum.ofNullable(data.get(field).asDouble(), data.get("aggrIntervals").asLong());
            if (sum != null && sum.sum() >= 0) {
                out.merge(day, DailyStat.of(sum), DailyStat::plus);
            }
        });
        return out;
    }

    /** Day → an {@code avg}-type {@code field} (already a mean), averaged over the ORKs that reported it. */
    public Map<Long, Double> means(List<JsonView> answers, String type, String field) {
        Map<Long, double[]> acc = new TreeMap<>();
        read(answers, type, (day, data) -> {
            Double value = data.get(field).asDouble();
            Long intervals = data.get("aggrIntervals").asLong();
            if (value != null && intervals != null && intervals > 0) {
                double[] a = acc.computeIfAbsent(day, d -> new double[2]);
                a[0] += value;
                a[1]++;
            }
        });
        Map<Long, Double> out = new TreeMap<>();
        acc.forEach((day, a) -> out.put(day, a[0] / a[1]));
        return out;
    }

    private interface DayReader {
        void accept(long day, JsonView data);
    }

    private void read(List<JsonView> answers, String type, DayReader reader) {
        for (JsonView answer : answers) {
            List<JsonView> elements = answer.items();
            if (elements.size() != keys.size()) {
                continue;
            }
            for (int i = 0; i < keys.size(); i++) {
                Key key = keys.get(i);
                JsonView element = elements.get(i);
                if (!key.type().equals(type) || !type.equals(element.get("type").asText())
                        || element.get("error").isTruthy() || !element.get("data").isObject()) {
                    continue;
                }
                reader.accept(key.day(), element.get("data"));
            }
        }
    }
}
