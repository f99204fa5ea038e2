package io.miningos.gateway.domain.analytics.metrics;

import io.miningos.gateway.domain.analytics.JsonView;
import io.miningos.gateway.domain.analytics.NaturalText;
import io.miningos.gateway.domain.analytics.Rounding;
import io.miningos.gateway.domain.error.DomainException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Daily hashrate or power by miner type, container or PDU rack ({@code /auth/metrics/hashrate} and
 * {@code /consumption} with {@code groupBy}): a {@code tailLog} of {@code stat-3h} that the racks bucket by UTC day
 * and average ({@code groupRange: "1D", shouldCalculateAvg: true}), so each value is the day's mean of the 3-hourly
 * samples, added up over every ORK (the Node gateway read the first ORK's midnight snapshot only).
 */
public final class GroupedDaily {

    public static final String GROUP_BY_INVALID = "ERR_GROUPBY_INVALID";
    public static final String RACKS_INVALID = "ERR_RACKS_INVALID";
    /** More racks than any site has: a longer list is a mistake. */
    public static final int MAX_RACKS = 1_000;

    public enum GroupBy {
        MINER("miner", "hashrate_mhs_5m_type_group_sum_aggr", "power_w_type_group_sum_aggr"),
        CONTAINER("container", "hashrate_mhs_5m_container_group_sum_aggr", "power_w_container_group_sum_aggr"),
        RACK("rack", "hashrate_mhs_5m_pdu_rack_group_sum_aggr", "power_w_pdu_rack_group_sum_aggr");

        private final String text;
        private final String hashrateField;
        private final String powerField;

        GroupBy(String text, String hashrateField, String powerField) {
            this.text = text;
            this.hashrateField = hashrateField;
            this.powerField = powerField;
        }

        public String hashrateField() {
            return hashrateField;
        }

        public String powerField() {
            return powerField;
        }

        /** Null when absent (no grouping), else {@code miner}, {@code container} or {@code rack}. */
        public static GroupBy parse(String text) {
            if (text == null || text.isEmpty()) {
                return null;
            }
            for (GroupBy g : values()) {
                if (g.text.equals(text)) {
                    return g;
                }
            }
            throw DomainException.invalid(GROUP_BY_INVALID);
        }
    }

    /** The {@code racks} parameter: comma-separated rack keys, blanks dropped, at most {@value #MAX_RACKS}. */
    public static Set<String> parseRacks(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        List<String> out = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String key = part.trim();
            if (key.length() > 200) {
                throw DomainException.invalid(RACKS_INVALID);
            }
            if (!key.isEmpty()) {
                out.add(key);
            }
        }
        if (out.size() > MAX_RACKS) {
            throw DomainException.invalid(RACKS_INVALID);
        }
        return Set.copyOf(out);
    }

    /** One day: group → that day's mean. */
    public record Day(long ts, Map<String, Double> values) {
    }

    /**
     * Per group: the mean over the days it appears on, and (power) the energy over those days, MWh.
     *
     * @param energyMWh null for hashrate
     */
    public record Group(Double avg, Double energyMWh, int days) {
    }

    /** Site: the mean over days of the groups' sum, and the energy of all groups (power only). */
    public record Summary(Double avg, Double energyMWh, Map<String, Group> groupedBy) {
    }

    /** Days ascending, groups in natural order; {@code keep} (when not empty) selects groups. */
    public static List<Day> read(List<JsonView> answers, String field, Set<String> keep) {
        List<Day> out = new ArrayList<>();
        SeriesEntries.byTime(answers, true).forEach((day, entries) -> {
            Map<String, Double> values = new TreeMap<>(NaturalText.ORDER);
            for (JsonView entry : entries) {
                entry.get(field).fields().forEach((group, v) -> {
                    Double d = v.asDouble();
                    if (d != null && d >= 0 && (keep.isEmpty() || keep.contains(group))) {
                        values.merge(group, d, Double::sum);
                    }
                });
            }
            if (!values.isEmpty()) {
                out.add(new Day(day, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values))));
            }
        });
        return out;
    }

    /**
     * @param power true for power (energy is computed), false for hashrate
     * @param now   the current time: today's energy covers the hours elapsed so far
     */
    public static Summary summary(List<Day> days, boolean power, long now) {
        Map<String, double[]> groups = new TreeMap<>(NaturalText.ORDER);
        double siteSum = 0;
        double siteEnergy = 0;
        for (Day d : days) {
            double hours = Math.max(0, Math.min(24, (now - d.ts()) / 3_600_000.0));
            double daySum = 0;
            for (Map.Entry<String, Double> e : d.values().entrySet()) {
                double[] acc = groups.computeIfAbsent(e.getKey(), g -> new double[3]);
                acc[0] += e.getValue();
                acc[1] += e.getValue() * hours / 1e6;
                acc[2]++;
                daySum += e.getValue();
            }
            siteSum += daySum;
            siteEnergy += daySum * hours / 1e6;
        }
        Map<String, Group> groupedBy = new LinkedHashMap<>();
        groups.forEach((g, acc) -> groupedBy.put(g, new Group(Rounding.places(acc[0] / acc[2], 0),
                power ? Rounding.places(acc[1], 3) : null, (int) acc[2])));
        if (days.isEmpty()) {
            return new Summary(null, null, Map.of());
        }
        return new Summary(Rounding.places(siteSum / days.size(), 0), power ? Rounding.places(siteEnergy, 3) : null,
                java.util.Collections.unmodifiableMap(groupedBy));
    }

    /** A day's values rounded for display: whole MH/s or W. */
    public static Map<String, Double> rounded(Map<String, Double> values) {
        Map<String, Double> out = new LinkedHashMap<>();
        values.forEach((g, v) -> out.put(g, Rounding.places(v, 0)));
        return out;
    }

    /** The day's energy per group (MWh, 3 decimals) for power values in W, up to {@code now}. */
    public static Map<String, Double> energyMWh(Day day, long now) {
        double hours = Math.max(0, Math.min(24, (now - day.ts()) / 3_600_000.0));
        Map<String, Double> out = new LinkedHashMap<>();
        day.values().forEach((g, w) -> out.put(g, Rounding.places(w * hours / 1e6, 3)));
        return out;
    }
}
