package io.miningos.gateway.domain.analytics.finance;

import io.miningos.gateway.domain.analytics.JsonView;
import io.miningos.gateway.domain.analytics.UtcCalendar;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the electricity worker's daily energy ({@code getWrkExtData {type:"electricity", query:{key:
 * "stats-history", start, end, groupRange:"1D"}}}). The worker is not public, so this is the <b>gateway's
 * contract</b>: each rack answers an array of day records {@code {ts: <UTC day start, ms>, energy_aggr:
 * {active_energy_in_aggr: <MWh available>, ute_energy_aggr: <MWh expected after curtailment>}}}; the ORK
 * concatenates the racks' arrays. Also read: records wrapped as {@code {data:[...]}} or in nested arrays (the
 * shapes the Node gateway looked for). Records of the same day (several racks or ORKs) are added up; negative or
 * non-numeric energies are ignored.
 */
public final class ElectricityAnswers {

    private ElectricityAnswers() {
    }

    public static Map<Long, ElectricityDay> daily(List<JsonView> answers) {
        Map<Long, ElectricityDay> out = new TreeMap<>();
        List<JsonView> records = new ArrayList<>();
        for (JsonView answer : answers) {
            collect(answer, records, 0);
        }
        for (JsonView record : records) {
            Long ts = record.get("ts").isMissing() ? record.get("timestamp").asEpochMillis()
                    : record.get("ts").asEpochMillis();
            JsonView energy = record.get("energy_aggr");
            Double available = nonNegative(energy.get("active_energy_in_aggr").asDouble());
            Double expected = nonNegative(energy.get("ute_energy_aggr").asDouble());
            if (ts == null || available == null && expected == null) {
                continue;
            }
            out.merge(UtcCalendar.dayStart(ts), new ElectricityDay(available, expected), ElectricityDay::plus);
        }
        return out;
    }

    private static void collect(JsonView value, List<JsonView> into, int depth) {
        if (depth > 5) { // deeper nesting is no shape a worker sends
            return;
        }
        if (value.isArray()) {
            value.items().forEach(item -> collect(item, into, depth + 1));
        } else if (value.isObject()) {
            if (value.get("energy_aggr").isObject()) {
                into.add(value);
            } else if (value.get("data").isArray()) {
                collect(value.get("data"), into, depth + 1);
            }
        }
    }

    private static Double nonNegative(Double v) {
        return v == null || v < 0 ? null : v;
    }
}
