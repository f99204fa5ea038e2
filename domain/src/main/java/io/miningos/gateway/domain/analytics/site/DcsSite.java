package io.miningos.gateway.domain.analytics.site;

import io.miningos.gateway.domain.analytics.JsonView;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the site-wide DCS (distributed control system) thing says about the site's layout and electrical
 * system, read from its {@code last.snap}: the mining layout ({@code config.mining}), the energy layout
 * ({@code config.energy_layout}: site meter and branches) and the live equipment lists
 * ({@code stats.dcs_specific.equipment}: power meters in kW, distribution boards, transformers). The DCS worker
 * is not public; the fields read are those listed in API-NEXT-analytics §2.7 H-DCS and are the gateway's
 * contract with it (and what the simulator produces).
 */
public record DcsSite(String id, String type, Mining mining, String siteMeterTag, String sourceLabel,
                      List<Branch> branches, List<Meter> meters, Map<String, String> boardNames,
                      Map<String, String> transformerNames, JsonView snap) {

    /**
     * {@code config.mining}. A layout that does not say how many groups it has has none (the Node gateway used 0
     * here and 16 in the cooling view).
     */
    public record Mining(int totalGroups, int racksPerGroup, int minersPerRack, int vlanStart, String minerModel) {
        public int minersPerGroup() {
            return racksPerGroup * minersPerRack;
        }
    }

    /** One electrical branch: relay → transformer → distribution board → meter, feeding {@code feeds}. */
    public record Branch(String relay, String transformer, String board, String meter, String feeds) {
    }

    /** A power meter: {@code power.value} in kW (unit as reported, normally {@code kW}). */
    public record Meter(String equipment, String role, String name, double powerKw, String unit, JsonView raw) {
    }

    /** The DCS thing among {@code listThings} answers: the first, in ORK order, whose type contains {@code dcs}
     * and that has a snapshot; null when there is none. */
    public static DcsSite find(List<JsonView> answers) {
        for (JsonView answer : answers) {
            for (JsonView thing : answer.items()) {
                String type = thing.get("type").asText();
                if (type != null && type.contains("dcs") && thing.path("last.snap").isObject()) {
                    return read(thing);
                }
            }
        }
        return null;
    }

    static DcsSite read(JsonView thing) {
        JsonView snap = thing.path("last.snap");
        JsonView m = snap.path("config.mining");
        Mining mining = new Mining(count(m.get("total_groups"), 0), count(m.get("racks_per_group"), 4),
                count(m.get("miners_per_rack"), 20), count(m.get("vlan_start"), 129), m.get("miner_model").asText());
        JsonView layout = snap.path("config.energy_layout");
        List<Branch> branches = new ArrayList<>();
        for (JsonView b : layout.get("branches").items()) {
            if (b.isObject()) {
                branches.add(new Branch(b.get("relay").asText(), b.get("transformer").asText(),
                        b.get("board").asText(), b.get("meter").asText(), b.get("feeds").asText()));
            }
        }
        JsonView equipment = snap.path("stats.dcs_specific.equipment");
        List<Meter> meters = new ArrayList<>();
        for (JsonView pm : equipment.get("power_meters").items()) {
            String tag = pm.get("equipment").asText();
            if (tag != null) {
                Double kw = pm.path("power.value").asDouble();
                meters.add(new Meter(tag, pm.get("role").asText(), pm.get("name").asText(),
                        kw == null || kw < 0 ? 0 : kw, pm.path("power.unit").asText(), pm));
            }
        }
        return new DcsSite(thing.get("id").asText(), thing.get("type").asText(), mining,
                layout.get("site_meter").asText(), layout.get("source_label").asText(), branches, meters,
                names(equipment.get("distribution_boards")), names(equipment.get("transformers")), snap);
    }

    private static Map<String, String> names(JsonView list) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonView e : list.items()) {
            String tag = e.get("equipment").asText();
            if (tag != null) {
                out.put(tag, e.get("name").asText() != null ? e.get("name").asText() : tag);
            }
        }
        return out;
    }

    private static int count(JsonView v, int fallback) {
        Long n = v.asLong();
        return n == null || n < 0 || n > 10_000 ? fallback : n.intValue();
    }

    public Meter meter(String equipment) {
        for (Meter meter : meters) {
            if (meter.equipment().equals(equipment)) {
                return meter;
            }
        }
        return null;
    }

    /** The site's main meter: the one the energy layout names, else the one with role {@code site_main}. */
    public Meter siteMeter() {
        Meter named = siteMeterTag == null ? null : meter(siteMeterTag);
        if (named != null) {
            return named;
        }
        for (Meter meter : meters) {
            if ("site_main".equals(meter.role())) {
                return meter;
            }
        }
        return null;
    }

    /** The group ids of the layout: {@code group-1} … {@code group-<total_groups>}. */
    public List<String> groups() {
        List<String> out = new ArrayList<>();
        for (int g = 1; g <= mining.totalGroups(); g++) {
            out.add("group-" + g);
        }
        return out;
    }

    /**
     * Each group's share of the rack meters' power (kW): a meter with role {@code rack} feeding groups
     * {@code a..b} is split over them in proportion to their hashrate, or equally when they have none.
     */
    public Map<String, Double> groupPowerKw(Map<String, Double> hashrateByGroup) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Branch b : branches) {
            Meter meter = b.meter() == null ? null : meter(b.meter());
            List<String> covered = Feeds.groups(b.feeds());
            if (meter == null || !"rack".equals(meter.role()) || meter.powerKw() == 0 || covered.isEmpty()) {
                continue;
            }
            double hashrate = 0;
            for (String g : covered) {
                hashrate += hashrateByGroup.getOrDefault(g, 0.0);
            }
            for (String g : covered) {
                double share = hashrate > 0 ? hashrateByGroup.getOrDefault(g, 0.0) / hashrate
                        : 1.0 / covered.size();
                out.merge(g, meter.powerKw() * share, Double::sum);
            }
        }
        return out;
    }
}
