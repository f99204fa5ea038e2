package io.miningos.gateway.domain.analytics.site;

import io.miningos.gateway.domain.analytics.JsonView;
import io.miningos.gateway.domain.analytics.NaturalText;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The miners' live per-container and per-rack figures, from the first key of a {@code tailLogMulti} on
 * {@code stat-rtd} / {@code t-miner} ({@code [[<miner entry>], ...]} per ORK), added up over the ORKs. Rack
 * hashrate is the rack <b>total</b> ({@code hashrate_mhs_5m_pdu_rack_group_sum_aggr}; the Node gateway used the
 * per-miner average, so its rack hashrate and efficiency were off by the number of miners).
 */
public final class MinerGroupStats {

    /** The {@code aggrFields} this reads (the ORK returns nothing else). */
    public static final List<String> FIELDS = List.of("hashrate_mhs_5m_container_group_sum_aggr",
            "hashrate_mhs_5m_pdu_rack_group_sum_aggr", "power_w_container_group_sum_aggr",
            "power_w_pdu_rack_group_sum_aggr", "offline_cnt", "error_cnt", "not_mining_cnt", "power_mode_sleep_cnt",
            "power_mode_low_cnt", "power_mode_normal_cnt", "power_mode_high_cnt");

    /** Miner counts of one container by state. */
    public record StatusCounts(long offline, long error, long notMining, long sleep, long low, long normal,
                               long high) {
        public long total() {
            return offline + error + notMining + sleep + low + normal + high;
        }
    }

    private final Map<String, Double> hashrateByContainer;
    private final Map<String, Double> hashrateByRack;
    private final Map<String, Double> powerByContainer;
    private final Map<String, Double> powerByRack;
    private final Map<String, StatusCounts> counts;

    private MinerGroupStats(Map<String, Double> hashrateByContainer, Map<String, Double> hashrateByRack,
                            Map<String, Double> powerByContainer, Map<String, Double> powerByRack,
                            Map<String, StatusCounts> counts) {
        this.hashrateByContainer = hashrateByContainer;
        this.hashrateByRack = hashrateByRack;
        this.powerByContainer = powerByContainer;
        this.powerByRack = powerByRack;
        this.counts = counts;
    }

    public static MinerGroupStats read(List<JsonView> answers) {
        Map<String, Double> hc = new TreeMap<>(NaturalText.ORDER);
        Map<String, Double> hr = new TreeMap<>(NaturalText.ORDER);
        Map<String, Double> pc = new TreeMap<>(NaturalText.ORDER);
        Map<String, Double> pr = new TreeMap<>(NaturalText.ORDER);
        Map<String, long[]> states = new TreeMap<>(NaturalText.ORDER);
        String[] stateFields = {"offline_cnt", "error_cnt", "not_mining_cnt", "power_mode_sleep_cnt",
                "power_mode_low_cnt", "power_mode_normal_cnt", "power_mode_high_cnt"};
        for (JsonView answer : answers) {
            JsonView entry = answer.at(0).at(0);
            add(hc, entry.get("hashrate_mhs_5m_container_group_sum_aggr"));
            add(hr, entry.get("hashrate_mhs_5m_pdu_rack_group_sum_aggr"));
            add(pc, entry.get("power_w_container_group_sum_aggr"));
            add(pr, entry.get("power_w_pdu_rack_group_sum_aggr"));
            for (int i = 0; i < stateFields.length; i++) {
                int at = i;
                entry.get(stateFields[i]).fields().forEach((container, v) -> {
                    Long n = v.asLong();
                    if (n != null && n > 0) {
                        states.computeIfAbsent(container, c -> new long[stateFields.length])[at] += n;
                    }
                });
            }
        }
        Map<String, StatusCounts> counts = new LinkedHashMap<>();
        states.forEach((c, s) -> counts.put(c, new StatusCounts(s[0], s[1], s[2], s[3], s[4], s[5], s[6])));
        return new MinerGroupStats(hc, hr, pc, pr, counts);
    }

    private static void add(Map<String, Double> into, JsonView group) {
        group.fields().forEach((key, v) -> {
            Double d = v.asDouble();
            if (d != null && d >= 0) {
                into.merge(key, d, Double::sum);
            }
        });
    }

    /** Containers with any figure, in natural order. */
    public List<String> containers() {
        TreeMap<String, Boolean> all = new TreeMap<>(NaturalText.ORDER);
        for (Map<String, ?> m : List.of(hashrateByContainer, powerByContainer, counts)) {
            m.keySet().forEach(k -> all.put(k, true));
        }
        return List.copyOf(all.keySet());
    }

    /** Racks with any figure, in natural order of container, then rack. */
    public List<RackKey> racks() {
        TreeMap<RackKey, Boolean> all = new TreeMap<>();
        for (Map<String, Double> m : List.of(hashrateByRack, powerByRack)) {
            m.keySet().forEach(k -> {
                RackKey key = RackKey.parse(k);
                if (key != null) {
                    all.put(key, true);
                }
            });
        }
        return List.copyOf(all.keySet());
    }

    /** MH/s, 0 when unknown. */
    public double containerHashrateMhs(String container) {
        return hashrateByContainer.getOrDefault(container, 0.0);
    }

    /** W, null when unknown. */
    public Double containerPowerW(String container) {
        return powerByContainer.get(container);
    }

    public double rackHashrateMhs(RackKey rack) {
        return hashrateByRack.getOrDefault(rack.key(), 0.0);
    }

    public Double rackPowerW(RackKey rack) {
        return powerByRack.get(rack.key());
    }

    public StatusCounts counts(String container) {
        return counts.getOrDefault(container, new StatusCounts(0, 0, 0, 0, 0, 0, 0));
    }
}
