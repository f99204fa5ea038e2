package io.miningos.gateway.domain.analytics.metrics;

import io.miningos.gateway.domain.analytics.JsonView;
import io.miningos.gateway.domain.analytics.Rounding;

import java.util.ArrayList;
import java.util.List;

/**
 * The DCS cooling history ({@code /auth/metrics/cooling}): the DCS worker's per-interval averages from
 * {@code stat-3h} of its type, bucketed by the racks and <b>averaged</b> ({@code shouldCalculateAvg: true}; the
 * Node gateway summed the 3-hour values of a day). Temperatures °C, flow m³/h, pressure bar, counts of running
 * towers and pumps, all 1 decimal; the chiller's running fraction as % (1 decimal). The site has one DCS, so a
 * time several ORKs report keeps the first ORK's point.
 */
public final class CoolingSeries {

    public static final List<String> FIELDS = List.of("miner_supply_temp_c", "miner_return_temp_c", "miner_flow_m3h",
            "system_pressure_bar", "hvac_supply_temp_c", "hvac_return_temp_c", "chiller_running", "towers_running",
            "pumps_running");

    private CoolingSeries() {
    }

    public record Point(long ts, Double minerSupplyTempC, Double minerReturnTempC, Double minerDeltaTC,
                        Double minerFlowM3h, Double systemPressureBar, Double hvacSupplyTempC, Double hvacReturnTempC,
                        Double chillerUptimePct, Double towersRunning, Double pumpsRunning) {
    }

    public record Summary(Double avgMinerSupplyTempC, Double avgMinerReturnTempC, Double avgMinerDeltaTC,
                          Double avgMinerFlowM3h, Double avgSystemPressureBar, Double avgHvacSupplyTempC,
                          Double avgHvacReturnTempC, Double chillerUptimePct) {
    }

    public static List<Point> read(List<JsonView> answers, MetricInterval interval) {
        List<Point> out = new ArrayList<>();
        SeriesEntries.byTime(answers, interval.groupRange() != null).forEach((ts, entries) -> {
            JsonView e = entries.getFirst();
            Double supply = read(e, "miner_supply_temp_c");
            Double ret = read(e, "miner_return_temp_c");
            Double chiller = read(e, "chiller_running");
            out.add(new Point(ts, r(supply), r(ret), supply == null || ret == null ? null : r(ret - supply),
                    r(read(e, "miner_flow_m3h")), r(read(e, "system_pressure_bar")), r(read(e, "hvac_supply_temp_c")),
                    r(read(e, "hvac_return_temp_c")), chiller == null ? null : r(chiller * 100),
                    r(read(e, "towers_running")), r(read(e, "pumps_running"))));
        });
        return out;
    }

    /** A field of the entry, or of its {@code aggrFields} object (both shapes occur). */
    private static Double read(JsonView entry, String field) {
        Double v = entry.get(field).asDouble();
        return v != null ? v : entry.path("aggrFields." + field).asDouble();
    }

    public static Summary summary(List<Point> points) {
        return new Summary(mean(points, Point::minerSupplyTempC), mean(points, Point::minerReturnTempC),
                mean(points, Point::minerDeltaTC), mean(points, Point::minerFlowM3h),
                mean(points, Point::systemPressureBar), mean(points, Point::hvacSupplyTempC),
                mean(points, Point::hvacReturnTempC), mean(points, Point::chillerUptimePct));
    }

    private static Double mean(List<Point> points, java.util.function.Function<Point, Double> field) {
        double sum = 0;
        int n = 0;
        for (Point p : points) {
            Double v = field.apply(p);
            if (v != null) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? null : r(sum / n);
    }

    private static Double r(Double v) {
        return Rounding.places(v, 1);
    }
}
