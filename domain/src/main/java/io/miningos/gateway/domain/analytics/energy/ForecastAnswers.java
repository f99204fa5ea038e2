package io.miningos.gateway.domain.analytics.energy;

import io.miningos.gateway.domain.analytics.JsonView;
import io.miningos.gateway.domain.analytics.Rounding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The electricity worker's forecast answers ({@code getWrkExtData {type: "electricity"}}, docs/analytics-design.md
 * §6.3), read field by field so that a worker answering something else gives nulls, never a broken shape. Per ORK an
 * answer is the list of its electricity racks' answers (or one rack's answer). Several racks or ORKs forecasting
 * the same hour are one site: their power is added, their prices averaged. MW with 3 decimals, USD/MWh with 2.
 */
public final class ForecastAnswers {

    private ForecastAnswers() {
    }

    /** One hour of the forecast. */
    public record Point(long ts, Double availablePowerMW, Double priceUsdPerMWh) {
    }

    /** The forecast: when the newest was issued (null if none says), and its hours, oldest first. */
    public record Forecast(Long issuedAt, List<Point> points) {
    }

    /** One past hour: what was forecast and what happened. */
    public record HistoryPoint(long ts, Double forecastPowerMW, Double actualPowerMW, Double forecastPriceUsdPerMWh,
                               Double actualPriceUsdPerMWh) {
    }

    /** {@code key: "forecast"}: {@code {ts, points: [{ts, availablePowerMW, priceUSDPerMWh}]}} per rack. */
    public static Forecast forecast(List<JsonView> answers) {
        Long issued = null;
        Map<Long, Hour> hours = new TreeMap<>();
        for (JsonView rack : racks(answers)) {
            Long ts = rack.get("ts").asEpochMillis();
            if (ts != null && !rack.get("points").items().isEmpty()) {
                issued = issued == null ? ts : Math.max(issued, ts);
            }
            for (JsonView p : rack.get("points").items()) {
                Long hour = p.get("ts").asEpochMillis();
                if (hour != null) {
                    Hour h = hours.computeIfAbsent(hour, k -> new Hour());
                    h.add(0, p.get("availablePowerMW").asDouble(), false);
                    h.add(1, p.get("priceUSDPerMWh").asDouble(), true);
                }
            }
        }
        List<Point> out = new ArrayList<>();
        hours.forEach((ts, h) -> out.add(new Point(ts, h.value(0, 3), h.value(1, 2))));
        return new Forecast(issued, out);
    }

    /** {@code key: "forecastHistory"}: {@code [{ts, forecastPowerMW, actualPowerMW, ...}]} per rack. */
    public static List<HistoryPoint> history(List<JsonView> answers) {
        Map<Long, Hour> hours = new TreeMap<>();
        for (JsonView answer : answers) {
            for (JsonView p : answer.items()) {
                Long hour = p.get("ts").asEpochMillis();
                if (hour == null || !p.isObject()) {
                    continue;
                }
                Hour h = hours.computeIfAbsent(hour, k -> new Hour());
                h.add(0, p.get("forecastPowerMW").asDouble(), false);
                h.add(1, p.get("actualPowerMW").asDouble(), false);
                h.add(2, p.get("forecastPriceUSDPerMWh").asDouble(), true);
                h.add(3, p.get("actualPriceUSDPerMWh").asDouble(), true);
            }
        }
        List<HistoryPoint> out = new ArrayList<>();
        hours.forEach((ts, h) -> out.add(new HistoryPoint(ts, h.value(0, 3), h.value(1, 3), h.value(2, 2),
                h.value(3, 2))));
        return out;
    }

    /** {@code key: "forecastSettings"}: the first rack's object (as stored), or null. */
    public static JsonView settings(List<JsonView> answers) {
        List<JsonView> racks = racks(answers);
        return racks.isEmpty() ? null : racks.getFirst();
    }

    /** The racks' answers that are objects, in ORK order. */
    private static List<JsonView> racks(List<JsonView> answers) {
        List<JsonView> out = new ArrayList<>();
        for (JsonView answer : answers) {
            if (answer.isObject()) {
                out.add(answer);
            }
            for (JsonView rack : answer.items()) {
                if (rack.isObject()) {
                    out.add(rack);
                }
            }
        }
        return out;
    }

    /** Per field: the sum of the values and how many there were (a mean for prices). */
    private static final class Hour {
        private final double[] sums = new double[4];
        private final int[] counts = new int[4];
        private final boolean[] averaged = new boolean[4];

        void add(int field, Double value, boolean average) {
            averaged[field] = average;
            if (value != null && Double.isFinite(value)) {
                sums[field] += value;
                counts[field]++;
            }
        }

        Double value(int field, int places) {
            if (counts[field] == 0) {
                return null;
            }
            return Rounding.places(averaged[field] ? sums[field] / counts[field] : sums[field], places);
        }
    }
}
