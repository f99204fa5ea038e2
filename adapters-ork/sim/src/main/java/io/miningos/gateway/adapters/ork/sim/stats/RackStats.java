package io.miningos.gateway.adapters.ork.sim.stats;

import io.miningos.gateway.adapters.ork.sim.live.Alert;
import io.miningos.gateway.adapters.ork.sim.live.ContainerSample;
import io.miningos.gateway.adapters.ork.sim.live.LiveSite;
import io.miningos.gateway.adapters.ork.sim.live.MeterSample;
import io.miningos.gateway.adapters.ork.sim.live.MinerSample;
import io.miningos.gateway.adapters.ork.sim.site.ContainerModel;
import io.miningos.gateway.adapters.ork.sim.site.MinerModel;
import io.miningos.gateway.adapters.ork.sim.site.Noise;
import io.miningos.gateway.adapters.ork.sim.site.SimRack;
import io.miningos.gateway.adapters.ork.sim.site.SimThing;
import io.miningos.gateway.adapters.ork.sim.site.ThingRole;

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
            case MINERPOOL -> new LinkedHashMap<>();
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

    private static Map<String, Object> alertCounts(Map<String, long[]> bySeverity) {
        Map<String, Object> out = new LinkedHashMap<>();
        bySeverity.forEach((k, v) -> out.put(k, v[0]));
        return out;
    }

    private static void countAlerts(Map<String, long[]> bySeverity, List<Alert> alerts) {
        if (alerts != null) {
            for (Alert a : alerts) {
                bySeverity.computeIfAbsent(a.severity() == null ? "medium" : a.severity(), k -> new long[1])[0]++;
            }
        }
    }

    private Map<String, Object> miners(SimRack rack, List<SimThing> things, long at, boolean realTime) {
        int n = things.size();
        Map<String, long[]> alerts = new LinkedHashMap<>();
        double hashSum = 0;
        long hashCnt = 0;
        long active = 0;
        double powerSum = 0;
        double effSum = 0;
        double uptimeSum = 0;
        double freqSum = 0;
        double tempSum = 0;
        double nominalHashSum = 0;
        double nominalEffSum = 0;
        long offlineOrSleeping = 0;
        long onlineOrMinor = 0;
        long errorCnt = 0;
        long notMining = 0;
        long accepted = 0;
        long rejected = 0;
        long stale = 0;
        GroupStat hashByContainerExt = new GroupStat();
        GroupStat hashByTypeExclMaint = new GroupStat();
        GroupStat hashByType = new GroupStat();
        GroupStat hashByContainer = new GroupStat();
        GroupStat activeByContainer = new GroupStat();
        GroupStat hashByPdu = new GroupStat();
        GroupStat powerByTypeExclMaint = new GroupStat();
        GroupStat powerByContainer = new GroupStat();
        GroupStat powerByPdu = new GroupStat();
        GroupStat effByType = new GroupStat();
        GroupStat effByContainer = new GroupStat();
        GroupStat effByPdu = new GroupStat();
        GroupStat tempByContainer = new GroupStat();
        GroupStat tempMaxByContainer = new GroupStat();
        GroupStat offlineC = new GroupStat();
        GroupStat errorC = new GroupStat();
        GroupStat notMiningC = new GroupStat();
        GroupStat sleepC = new GroupStat();
        GroupStat lowC = new GroupStat();
        GroupStat normalC = new GroupStat();
        GroupStat highC = new GroupStat();
        GroupStat lowErrC = new GroupStat();
        GroupStat normalErrC = new GroupStat();
        GroupStat highErrC = new GroupStat();
        GroupStat typeCnt = new GroupStat();
        GroupStat offlineT = new GroupStat();
        GroupStat errorT = new GroupStat();
        GroupStat notMiningT = new GroupStat();
        GroupStat maintT = new GroupStat();
        GroupStat positiveT = new GroupStat();
        GroupStat withoutHashT = new GroupStat();
        GroupStat sleepT = new GroupStat();
        GroupStat lowT = new GroupStat();
        GroupStat normalT = new GroupStat();
        GroupStat highT = new GroupStat();
        GroupStat invStatus = new GroupStat();
        GroupStat invLocation = new GroupStat();
        Map<String, Object> m63Hash = new LinkedHashMap<>();
        Map<String, Object> m63Mode = new LinkedHashMap<>();
        Map<String, Object> m63Power = new LinkedHashMap<>();
        Map<String, Object> m63Status = new LinkedHashMap<>();
        boolean whatsminer = rack.type().startsWith("miner-wm-");
        boolean m63 = rack.type().equals(MinerModel.WM_M63.type());

        for (SimThing t : things) {
            MinerSample s = live.miner(t, live.sampleInstant(t, at));
            boolean hasSnap = ((ThingRole.Miner) t.role()).connected();
            if (!hasSnap && realTime) {
                alerts.computeIfAbsent("medium", k -> new long[1])[0]++;
            }
            String type = t.type();
            String container = t.container();
            boolean maint = t.inMaintenance();
            String pos = t.pos();
            int cut = pos == null ? -1 : pos.indexOf('_');
            String pdu = container != null && pos != null ? container + "_" + (cut < 0 ? pos : pos.substring(0, cut))
                    : null;
            boolean offline = s.offline();
            String status = s.status().json();
            double hash = offline ? 0 : s.hashrateMhs();
            double power = offline ? 0 : s.powerW();
            double eff = offline || !t.minerModel().reportsEfficiency() ? 0 : Noise.round(s.efficiency(), 2);
            String mode = offline ? null : s.powerMode();
            boolean hasErrors = !s.faults().isEmpty();
            countAlerts(alerts, s.alerts());

            hashSum += hash;
            if (!offline && !maint) {
                hashCnt++;
            }
            if (s.status() == MinerSample.MinerStatus.MINING) {
                active++;
            }
            powerSum += power;
            effSum += eff;
            if (!offline) {
                uptimeSum += Math.max(0, live.sampleInstant(t, at) - s.bootTs());
                freqSum += s.frequencyMhz();
                tempSum += s.chipAvgC();
                nominalEffSum += t.minerModel().nominalEfficiency();
            }
            Object nominal = t.info().get("nominalHashrateMhs");
            nominalHashSum += StatNumbers.of(nominal);
            if (!maint) {
                switch (s.status()) {
                    case OFFLINE, SLEEPING -> offlineOrSleeping++;
                    case MINING -> onlineOrMinor++;
                    case ERROR -> errorCnt++;
                }
            }
            accepted += s.sharesAccepted();
            rejected += s.sharesRejected();
            stale += s.sharesStale();

            hashByContainerExt.add(container, hash);
            if (!maint) {
                hashByTypeExclMaint.add(type, hash);
                powerByTypeExclMaint.add(type, power);
            }
            hashByType.add(type, hash);
            hashByContainer.add(container, hash);
            if (hash > 0) {
                activeByContainer.count(container);
            }
            hashByPdu.add(pdu, hash);
            powerByContainer.add(container, power);
            powerByPdu.add(pdu, power);
            effByType.add(type, eff);
            effByContainer.add(container, eff);
            effByPdu.add(pdu, eff);
            if (!offline) {
                tempByContainer.add(container, s.chipAvgC());
                tempMaxByContainer.add(container, s.chipMaxC());
            }
            if (!maint) {
                if (offline) {
                    offlineC.count(container);
                    offlineT.count(type);
                }
                if (hasErrors) {
                    errorC.count(container);
                    errorT.count(type);
                }
                if (hasSnap) {
                    typeCnt.count(type);
                }
            } else {
                maintT.count(type);
            }
            if (s.status() == MinerSample.MinerStatus.SLEEPING) {
                sleepC.count(container);
                sleepT.count(type);
            }
            if (s.status() == MinerSample.MinerStatus.MINING && mode != null) {
                (switch (mode) {
                    case "low" -> lowC;
                    case "high" -> highC;
                    default -> normalC;
                }).count(container);
                (switch (mode) {
                    case "low" -> lowT;
                    case "high" -> highT;
                    default -> normalT;
                }).count(type);
            }
            if (hasErrors && hash > 0 && mode != null) {
                (switch (mode) {
                    case "low" -> lowErrC;
                    case "high" -> highErrC;
                    default -> normalErrC;
                }).count(container);
            }
            if (!offline) {
                if (hash > 0) {
                    positiveT.count(type);
                } else {
                    withoutHashT.count(type);
                }
            }
            invStatus.count(t.info().get("status") instanceof String st ? st : null);
            invLocation.count(t.info().get("location") instanceof String loc ? loc : null);
            if (m63 && container != null) {
                String key = container + "-" + pos;
                m63Hash.put(key, StatNumbers.clean(hash));
                m63Mode.put(key, mode);
                m63Power.put(key, StatNumbers.clean(power));
                m63Status.put(key, status);
            }
        }

        Map<String, Object> e = new LinkedHashMap<>();
        e.put("alerts_cnt", alertCounts(alerts));
        e.put("hashrate_mhs_1m_sum", StatNumbers.clean(hashSum));
        e.put("hashrate_mhs_1m_avg", StatNumbers.clean(n == 0 ? 0 : hashSum / n));
        e.put("hashrate_mhs_1m_cnt", hashCnt);
        e.put("hashrate_mhs_1m_cnt_active", active);
        e.put("hashrate_mhs_1m_group_sum", hashByContainerExt.sums());
        e.put("hashrate_mhs_5m_sum", StatNumbers.clean(hashSum));
        e.put("hashrate_mhs_5m_avg", StatNumbers.clean(n == 0 ? 0 : hashSum / n));
        e.put("hashrate_mhs_5m_cnt", (long) n);
        e.put("hashrate_mhs_5m_cnt_active", active);
        e.put("hashrate_mhs_1m_type_group_sum", hashByTypeExclMaint.sums());
        e.put("hashrate_mhs_1m_type_group_avg", hashByType.avgs());
        e.put("hashrate_mhs_5m_type_group_sum", hashByType.sums());
        e.put("hashrate_mhs_5m_type_group_avg", hashByType.avgs());
        e.put("hashrate_mhs_1m_container_group_sum", hashByContainer.sums());
        e.put("hashrate_mhs_1m_container_group_avg", hashByContainer.avgs());
        e.put("hashrate_mhs_5m_container_group_sum", hashByContainer.sums());
        e.put("hashrate_mhs_5m_container_group_avg", hashByContainer.avgs());
        e.put("hashrate_mhs_5m_active_container_group_cnt", activeByContainer.counts());
        e.put("hashrate_mhs_5m_pdu_rack_group_sum", hashByPdu.sums());
        e.put("hashrate_mhs_5m_pdu_rack_group_avg", hashByPdu.avgs());
        e.put("power_w_sum", StatNumbers.clean(powerSum));
        e.put("power_w_avg", StatNumbers.clean(n == 0 ? 0 : powerSum / n));
        e.put("power_w_type_group_sum", powerByTypeExclMaint.sums());
        e.put("power_w_type_group_avg", powerByTypeExclMaint.avgs());
        e.put("power_w_container_group_sum", powerByContainer.sums());
        e.put("power_w_container_group_avg", powerByContainer.avgs());
        e.put("power_w_pdu_rack_group_sum", powerByPdu.sums());
        e.put("efficiency_w_ths_avg", StatNumbers.clean(n == 0 ? 0 : effSum / n));
        e.put("efficiency_w_ths_type_group_avg", effByType.avgs());
        e.put("efficiency_w_ths_container_group_avg", effByContainer.avgs());
        e.put("efficiency_w_ths_pdu_rack_group_avg", effByPdu.avgs());
        e.put("uptime_ms_avg", StatNumbers.clean(n == 0 ? 0 : Math.floor(uptimeSum / n)));
        e.put("frequency_mhz_avg", StatNumbers.clean(n == 0 ? 0 : freqSum / n));
        e.put("temperature_c_avg", StatNumbers.clean(n == 0 ? 0 : tempSum / n));
        e.put("temperature_c_group_avg", tempByContainer.avgs());
        e.put("temperature_c_group_max", tempMaxByContainer.maxes());
        e.put("nominal_hashrate_mhs_avg", StatNumbers.clean(n == 0 ? 0 : nominalHashSum / n));
        e.put("nominal_hashrate_mhs_sum", StatNumbers.clean(nominalHashSum));
        e.put("nominal_efficiency_w_ths_avg", StatNumbers.clean(n == 0 ? 0 : nominalEffSum / n));
        e.put("nominal_efficiency_w_ths_sum", StatNumbers.clean(nominalEffSum));
        e.put("offline_or_sleeping_miners_cnt", offlineOrSleeping);
        e.put("online_or_minor_error_miners_cnt", onlineOrMinor);
        e.put("error_miners_cnt", errorCnt);
        e.put("not_mining_miners_cnt", notMining);
        e.put("offline_cnt", offlineC.counts());
        e.put("error_cnt", errorC.counts());
        e.put("not_mining_cnt", notMiningC.counts());
        e.put("power_mode_sleep_cnt", sleepC.counts());
        e.put("power_mode_low_cnt", lowC.counts());
        e.put("power_mode_normal_cnt", normalC.counts());
        e.put("power_mode_high_cnt", highC.counts());
        e.put("power_mode_low_include_error_cnt", lowErrC.counts());
        e.put("power_mode_normal_include_error_cnt", normalErrC.counts());
        e.put("power_mode_high_include_error_cnt", highErrC.counts());
        e.put("type_cnt", typeCnt.counts());
        e.put("offline_type_cnt", offlineT.counts());
        e.put("error_type_cnt", errorT.counts());
        e.put("not_mining_type_cnt", notMiningT.counts());
        e.put("maintenance_type_cnt", maintT.counts());
        e.put("online_positive_hashrate_type_cnt", positiveT.counts());
        e.put("online_without_hashrate_type_cnt", withoutHashT.counts());
        e.put("power_mode_sleep_type_cnt", sleepT.counts());
        e.put("power_mode_low_type_cnt", lowT.counts());
        e.put("power_mode_normal_type_cnt", normalT.counts());
        e.put("power_mode_high_type_cnt", highT.counts());
        e.put("miner_inventory_status_group_cnt", invStatus.counts());
        e.put("miner_inventory_location_group_cnt", invLocation.counts());
        if (whatsminer) {
            e.put("pools_accepted_shares_total", accepted);
            e.put("pools_rejected_shares_total", rejected);
            e.put("pools_stale_shares_total", stale);
        }
        if (m63) {
            e.put("hashrate_mhs_1m_group", m63Hash);
            e.put("power_mode_group", m63Mode);
            e.put("power_w_group", m63Power);
            e.put("status_group", m63Status);
        }
        return e;
    }

    private Map<String, Object> containers(List<SimThing> things, long at) {
        Map<String, long[]> alerts = new LinkedHashMap<>();
        Map<String, Object> status = new LinkedHashMap<>();
        Map<String, Object> power = new LinkedHashMap<>();
        Map<String, Object> specific = new LinkedHashMap<>();
        double powerSum = 0;
        double nominalHash = 0;
        double nominalEff = 0;
        double capacity = 0;
        for (SimThing t : things) {
            ThingRole.Container role = (ThingRole.Container) t.role();
            ContainerSample s = live.container(role.site(), live.sampleInstant(t, at));
            countAlerts(alerts, s.alerts());
            String name = t.container();
            status.put(name, s.status());
            double w = s.offline() ? 0 : Math.round(s.powerW());
            if (!s.offline()) {
                power.put(name, StatNumbers.clean(w));
                specific.put(name, specificStats(role.site().model(), s));
            }
            powerSum += w;
            nominalHash += StatNumbers.of(t.info().get("nominalHashrateMhs"));
            nominalEff += StatNumbers.of(t.info().get("nominalEfficiencyWThs"));
            capacity += StatNumbers.of(t.info().get("nominalMinerCapacity"));
        }
        int n = things.size();
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("alerts_cnt", alertCounts(alerts));
        e.put("container_status", status);
        e.put("container_power_w", power);
        e.put("container_power_w_sum", StatNumbers.clean(powerSum));
        e.put("container_nominal_hashrate_mhs_sum", StatNumbers.clean(nominalHash));
        e.put("container_nominal_hashrate_mhs_avg", StatNumbers.clean(n == 0 ? 0 : nominalHash / n));
        e.put("container_nominal_efficiency_w_ths_avg", StatNumbers.clean(n == 0 ? 0 : nominalEff / n));
        e.put("container_nominal_miner_capacity_sum", StatNumbers.clean(capacity));
        e.put("container_specific_stats_group", specific);
        return e;
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

    private Map<String, Object> meters(List<SimThing> things, long at) {
        double site = 0;
        double transformers = 0;
        Map<String, Object> byContainer = new LinkedHashMap<>();
        for (SimThing t : things) {
            MeterSample s = live.meter(t, live.sampleInstant(t, at));
            if (s.offline()) {
                continue;
            }
            if ("site".equals(t.pos())) {
                site += s.powerW();
            } else if (t.pos() != null && t.pos().matches("tr\\d+")) {
                transformers += s.powerW();
            }
            if (t.container() != null) {
                byContainer.put(t.container(), StatNumbers.clean(Noise.round(s.powerW(), 1)));
            }
        }
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("alerts_cnt", new LinkedHashMap<>());
        e.put("site_power_w", StatNumbers.clean(Noise.round(site, 1)));
        e.put("transformer_power_w", StatNumbers.clean(Noise.round(transformers, 1)));
        e.put("power_w_container_group_sum", byContainer);
        return e;
    }

    private Map<String, Object> sensors(List<SimThing> things, long at) {
        Map<String, long[]> alerts = new LinkedHashMap<>();
        for (SimThing t : things) {
            countAlerts(alerts, live.sensor(t, live.sampleInstant(t, at)).alerts());
        }
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("alerts_cnt", alertCounts(alerts));
        return e;
    }
}
