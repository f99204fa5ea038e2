package io.miningos.gateway.adapters.ork.sim.stats;

import io.miningos.gateway.adapters.ork.sim.live.ContainerSample;
import io.miningos.gateway.adapters.ork.sim.live.LiveSite;
import io.miningos.gateway.adapters.ork.sim.live.MeterSample;
import io.miningos.gateway.adapters.ork.sim.live.MinerSample;
import io.miningos.gateway.adapters.ork.sim.live.SensorSample;
import io.miningos.gateway.adapters.ork.sim.site.ContainerModel;
import io.miningos.gateway.adapters.ork.sim.site.Noise;
import io.miningos.gateway.adapters.ork.sim.site.SimRack;
import io.miningos.gateway.adapters.ork.sim.site.SimThing;
import io.miningos.gateway.adapters.ork.sim.site.ThingRole;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes one rack-level stat entry: the ops of the rack's stats spec over every thing carrying a tag, from the
 * snapshots the rack holds at that moment. Field names and semantics are the real racks' (avg counts missing
 * values as 0; "excl. maint." skips things in container {@code maintenance}).
 */
public final class RackStats {

    private final LiveSite live;

    public RackStats(LiveSite live) {
        this.live = live;
    }

    /**
     * The entry of {@code rack} for the things tagged {@code tag}, as computed at instant {@code at} (a cron tick, or
     * the current time for {@code stat-rtd}, {@code realTime}). {@code ts} is set by the caller. The real-time pass
     * also counts an {@code error_snap} alert for every thing without a snapshot.
     */
    public Map<String, Object> entry(SimRack rack, String tag, long at, boolean realTime) {
        List<SimThing> things = rack.things().stream().filter(t -> t.tags().contains(tag)
                && t.createdAt() <= at).toList();
        return switch (rack.kind()) {
            case MINER -> miners(rack, things, at, realTime);
            case CONTAINER -> containers(things, at);
            case POWERMETER -> meters(things, at);
            case SENSOR -> sensors(things, at);
            case INVENTORY -> PARTS.evaluate(things);
            case MINERPOOL, MEMPOOL, ELECTRICITY -> new LinkedHashMap<>();
        };
    }

    /** {@code stat-startup}: 1 when more than half of the counted miners are online. */
    public Map<String, Object> startup(SimRack rack, long at) {
        int counted = 0;
        int online = 0;
        for (SimThing t : rack.things()) {
            if (t.inMaintenance() || t.createdAt() > at) {
                continue;
            }
            counted++;
            MinerSample s = live.miner(t, live.sampleInstant(t, at));
            if (s.status() == MinerSample.MinerStatus.MINING) {
                online++;
            }
        }
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("startupStatus", counted > 0 && online * 2 > counted ? 1 : 0);
        return e;
    }

    private Map<String, Object> miners(SimRack rack, List<SimThing> things, long at, boolean realTime) {
        List<MinerView> views = new ArrayList<>(things.size());
        for (SimThing t : things) {
            long sampledAt = live.sampleInstant(t, at);
            views.add(new MinerView(t, live.miner(t, sampledAt), sampledAt, realTime));
        }
        return MinerStats.of(rack.type()).evaluate(views);
    }

    /** A container as its rack's stats see it: the sample and the draw it reports (0 while offline). */
    private record ContainerView(SimThing thing, ContainerModel model, ContainerSample sample, double powerW) {
        boolean online() {
            return !sample.offline();
        }

        double info(String field) {
            return StatNumbers.of(thing.info().get(field));
        }
    }

    private static final StatTable<ContainerView> CONTAINERS = StatTable.<ContainerView>builder()
            .add(new StatDef.Alerts<>("alerts_cnt", v -> v.sample().alerts(), StatTable.never()))
            .keyed("container_status", v -> v.thing().container(), StatTable.always(), v -> v.sample().status())
            .keyed("container_power_w", v -> v.thing().container(), ContainerView::online,
                    v -> StatNumbers.clean(v.powerW()))
            .sum("container_power_w_sum", ContainerView::powerW)
            .sum("container_nominal_hashrate_mhs_sum", v -> v.info("nominalHashrateMhs"))
            .avg("container_nominal_hashrate_mhs_avg", v -> v.info("nominalHashrateMhs"))
            .avg("container_nominal_efficiency_w_ths_avg", v -> v.info("nominalEfficiencyWThs"))
            .sum("container_nominal_miner_capacity_sum", v -> v.info("nominalMinerCapacity"))
            .keyed("container_specific_stats_group", v -> v.thing().container(), ContainerView::online,
                    v -> specificStats(v.model(), v.sample()))
            .build();

    private Map<String, Object> containers(List<SimThing> things, long at) {
        List<ContainerView> views = new ArrayList<>(things.size());
        for (SimThing t : things) {
            ThingRole.Container role = (ThingRole.Container) t.role();
            ContainerSample s = live.container(role.site(), live.sampleInstant(t, at));
            views.add(new ContainerView(t, role.site().model(), s, s.offline() ? 0 : Math.round(s.powerW())));
        }
        return CONTAINERS.evaluate(views);
    }

    private static Map<String, Object> specificStats(ContainerModel model, ContainerSample s) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (model.isBitdeer()) {
            m.put("cold_temp_c_1_group", Noise.round(s.supplyC() + 6, 1));
            m.put("cold_temp_c_2_group", Noise.round(s.supplyC() + 6.3, 1));
            m.put("hot_temp_c_1_group", Noise.round(s.returnC() + 4, 1));
            m.put("hot_temp_c_2_group", Noise.round(s.returnC() + 4.4, 1));
            m.put("cold_temp_c_w_1_group", Noise.round(s.supplyC() - 4, 1));
            m.put("cold_temp_c_w_2_group", Noise.round(s.supplyC() - 3.8, 1));
            m.put("hot_temp_c_w_1_group", Noise.round(s.returnC() - 2, 1));
            m.put("hot_temp_c_w_2_group", Noise.round(s.returnC() - 1.7, 1));
            m.put("tank1_bar_group", s.coolingOn() ? 3.4 : 0.2);
            m.put("tank2_bar_group", s.coolingOn() ? 3.35 : 0.2);
        } else if (model.isMicroBt()) {
            boolean pump = s.coolingOn() && !"stopped".equals(s.status());
            m.put("unit_inlet_pressure_p2_group", pump ? 2.4 : 0.3);
            m.put("unit_outlet_pressure_p3_group", pump ? 1.6 : 0.3);
            m.put("circulation_pump_inlet_pressure_p1_group", pump ? 1.35 : 0.3);
            m.put("circulation_pump_outlet_pressure_p5_group", pump ? 3.0 : 0.3);
            m.put("filter_pressure_difference_group", 0.18);
            m.put("makeup_water_pump_fault_group", false);
            m.put("unit_inlet_temp_t2_group", Noise.round(s.supplyC(), 1));
            m.put("cooling_temp_t1_group", Noise.round(s.supplyC() - 2.5, 1));
        }
        return m;
    }

    private record MeterView(SimThing thing, MeterSample sample) {
        boolean at(String pos) {
            return !sample.offline() && pos.equals(thing.pos());
        }

        boolean atTransformer() {
            return !sample.offline() && thing.pos() != null && thing.pos().matches("tr\\d+");
        }
    }

    /** ABB racks: site intake and transformer totals, each container's meter. */
    private static final StatTable<MeterView> METERS = StatTable.<MeterView>builder()
            .add(new StatDef.Alerts<>("alerts_cnt", v -> null, StatTable.never()))
            .roundedSum("site_power_w", 1, v -> v.at("site"), v -> v.sample().powerW())
            .roundedSum("transformer_power_w", 1, MeterView::atTransformer, v -> v.sample().powerW())
            .keyed("power_w_container_group_sum", v -> v.thing().container(),
                    v -> !v.sample().offline() && v.thing().container() != null,
                    v -> StatNumbers.clean(Noise.round(v.sample().powerW(), 1)))
            .build();

    private Map<String, Object> meters(List<SimThing> things, long at) {
        List<MeterView> views = new ArrayList<>(things.size());
        for (SimThing t : things) {
            views.add(new MeterView(t, live.meter(t, live.sampleInstant(t, at))));
        }
        return METERS.evaluate(views);
    }

    /** Inventory racks: their parts counted, by type, status and location ({@code info}). */
    private static final StatTable<SimThing> PARTS = StatTable.<SimThing>builder()
            .count("spare_parts_cnt", StatTable.always())
            .groupCount("spare_parts_type_group_cnt", SimThing::type, StatTable.always())
            .groupCount("spare_part_inventory_status_group_cnt", t -> infoText(t, "status"), StatTable.always())
            .groupCount("spare_part_inventory_location_group_cnt", t -> infoText(t, "location"), StatTable.always())
            .build();

    private static String infoText(SimThing t, String field) {
        return t.info().get(field) instanceof String s ? s : null;
    }

    private static final StatTable<SensorSample> SENSORS = StatTable.<SensorSample>builder()
            .add(new StatDef.Alerts<>("alerts_cnt", SensorSample::alerts, StatTable.never()))
            .build();

    private Map<String, Object> sensors(List<SimThing> things, long at) {
        List<SensorSample> samples = new ArrayList<>(things.size());
        for (SimThing t : things) {
            samples.add(live.sensor(t, live.sampleInstant(t, at)));
        }
        return SENSORS.evaluate(samples);
    }
}
