package io.miningos.gateway.adapters.ork.sim.stats;

import io.miningos.gateway.adapters.ork.sim.live.MinerSample;
import io.miningos.gateway.adapters.ork.sim.site.MinerModel;

import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

import static io.miningos.gateway.adapters.ork.sim.stats.StatDef.GroupOp.AVG;
import static io.miningos.gateway.adapters.ork.sim.stats.StatDef.GroupOp.MAX;
import static io.miningos.gateway.adapters.ork.sim.stats.StatDef.GroupOp.SUM;
import static io.miningos.gateway.adapters.ork.sim.stats.StatTable.always;
import static io.miningos.gateway.adapters.ork.sim.stats.StatTable.never;

/**
 * The miner racks' stats spec, one line per entry field in entry order: every rack has the base
 * fields, Whatsminer racks add the pool share totals and M63 racks the per-device groups. "excl. maint." is
 * {@code !v.maint}.
 */
final class MinerStats {

    private MinerStats() {
    }

    // shared functions: definitions reading the same things the same way share one accumulation
    private static final Predicate<MinerView> ONLINE = v -> !v.offline;
    private static final Predicate<MinerView> NOT_MAINT = v -> !v.maint;
    private static final ToDoubleFunction<MinerView> HASH = v -> v.hash;
    private static final ToDoubleFunction<MinerView> POWER = v -> v.power;
    private static final ToDoubleFunction<MinerView> EFF = v -> v.eff;
    private static final Function<MinerView, String> CONTAINER = v -> v.container;
    private static final Function<MinerView, String> TYPE = v -> v.type;
    private static final Function<MinerView, String> PDU = v -> v.pdu;
    private static final Predicate<MinerView> MINING = MinerView::mining;
    private static final Predicate<MinerView> SLEEPING = MinerView::sleeping;
    private static final ToDoubleFunction<MinerView> NOMINAL_HASH = MinerView::nominalHashrate;
    private static final ToDoubleFunction<MinerView> NOMINAL_EFF = MinerView::nominalEfficiency;

    static final StatTable<MinerView> BASE = StatTable.<MinerView>builder()
            .add(new StatDef.Alerts<>("alerts_cnt", MinerView::alerts, v -> v.missingSnapAlert))
            .sum("hashrate_mhs_1m_sum", HASH)
            .avg("hashrate_mhs_1m_avg", HASH)
            .count("hashrate_mhs_1m_cnt", v -> !v.offline && !v.maint)
            .count("hashrate_mhs_1m_cnt_active", MINING)
            .group("hashrate_mhs_1m_group_sum", CONTAINER, SUM, HASH)
            .sum("hashrate_mhs_5m_sum", HASH)
            .avg("hashrate_mhs_5m_avg", HASH)
            .count("hashrate_mhs_5m_cnt", always())
            .count("hashrate_mhs_5m_cnt_active", MINING)
            .group("hashrate_mhs_1m_type_group_sum", TYPE, SUM, NOT_MAINT, HASH)
            .group("hashrate_mhs_1m_type_group_avg", TYPE, AVG, HASH)
            .group("hashrate_mhs_5m_type_group_sum", TYPE, SUM, HASH)
            .group("hashrate_mhs_5m_type_group_avg", TYPE, AVG, HASH)
            .group("hashrate_mhs_1m_container_group_sum", CONTAINER, SUM, HASH)
            .group("hashrate_mhs_1m_container_group_avg", CONTAINER, AVG, HASH)
            .group("hashrate_mhs_5m_container_group_sum", CONTAINER, SUM, HASH)
            .group("hashrate_mhs_5m_container_group_avg", CONTAINER, AVG, HASH)
            .groupCount("hashrate_mhs_5m_active_container_group_cnt", CONTAINER, v -> v.hash > 0)
            .group("hashrate_mhs_5m_pdu_rack_group_sum", PDU, SUM, HASH)
            .group("hashrate_mhs_5m_pdu_rack_group_avg", PDU, AVG, HASH)
            .sum("power_w_sum", POWER)
            .avg("power_w_avg", POWER)
            .group("power_w_type_group_sum", TYPE, SUM, NOT_MAINT, POWER)
            .group("power_w_type_group_avg", TYPE, AVG, NOT_MAINT, POWER)
            .group("power_w_container_group_sum", CONTAINER, SUM, POWER)
            .group("power_w_container_group_avg", CONTAINER, AVG, POWER)
            .group("power_w_pdu_rack_group_sum", PDU, SUM, POWER)
            .avg("efficiency_w_ths_avg", EFF)
            .group("efficiency_w_ths_type_group_avg", TYPE, AVG, EFF)
            .group("efficiency_w_ths_container_group_avg", CONTAINER, AVG, EFF)
            .group("efficiency_w_ths_pdu_rack_group_avg", PDU, AVG, EFF)
            .avgFloor("uptime_ms_avg", v -> v.uptime)
            .avg("frequency_mhz_avg", v -> v.offline ? 0 : v.sample.frequencyMhz())
            .avg("temperature_c_avg", v -> v.offline ? 0 : v.sample.chipAvgC())
            .group("temperature_c_group_avg", CONTAINER, AVG, ONLINE, v -> v.sample.chipAvgC())
            .group("temperature_c_group_max", CONTAINER, MAX, ONLINE, v -> v.sample.chipMaxC())
            .avg("nominal_hashrate_mhs_avg", NOMINAL_HASH)
            .sum("nominal_hashrate_mhs_sum", NOMINAL_HASH)
            .avg("nominal_efficiency_w_ths_avg", NOMINAL_EFF)
            .sum("nominal_efficiency_w_ths_sum", NOMINAL_EFF)
            .count("offline_or_sleeping_miners_cnt", v -> !v.maint && (v.offline || v.sleeping()))
            .count("online_or_minor_error_miners_cnt", v -> !v.maint && v.mining())
            .count("error_miners_cnt", v -> !v.maint && v.status == MinerSample.MinerStatus.ERROR)
            .count("not_mining_miners_cnt", never())
            .groupCount("offline_cnt", CONTAINER, v -> !v.maint && v.offline)
            .groupCount("error_cnt", CONTAINER, v -> !v.maint && v.hasErrors)
            .groupCount("not_mining_cnt", CONTAINER, never())
            .groupCount("power_mode_sleep_cnt", CONTAINER, SLEEPING)
            .groupCount("power_mode_low_cnt", CONTAINER, v -> v.miningIn("low"))
            .groupCount("power_mode_normal_cnt", CONTAINER, v -> v.miningIn("normal"))
            .groupCount("power_mode_high_cnt", CONTAINER, v -> v.miningIn("high"))
            .groupCount("power_mode_low_include_error_cnt", CONTAINER, v -> v.erroringIn("low"))
            .groupCount("power_mode_normal_include_error_cnt", CONTAINER, v -> v.erroringIn("normal"))
            .groupCount("power_mode_high_include_error_cnt", CONTAINER, v -> v.erroringIn("high"))
            .groupCount("type_cnt", TYPE, v -> !v.maint && v.hasSnap)
            .groupCount("offline_type_cnt", TYPE, v -> !v.maint && v.offline)
            .groupCount("error_type_cnt", TYPE, v -> !v.maint && v.hasErrors)
            .groupCount("not_mining_type_cnt", TYPE, never())
            .groupCount("maintenance_type_cnt", TYPE, v -> v.maint)
            .groupCount("online_positive_hashrate_type_cnt", TYPE, v -> !v.offline && v.hash > 0)
            .groupCount("online_without_hashrate_type_cnt", TYPE, v -> !v.offline && !(v.hash > 0))
            .groupCount("power_mode_sleep_type_cnt", TYPE, SLEEPING)
            .groupCount("power_mode_low_type_cnt", TYPE, v -> v.miningIn("low"))
            .groupCount("power_mode_normal_type_cnt", TYPE, v -> v.miningIn("normal"))
            .groupCount("power_mode_high_type_cnt", TYPE, v -> v.miningIn("high"))
            .groupCount("miner_inventory_status_group_cnt", v -> v.inventory("status"), always())
            .groupCount("miner_inventory_location_group_cnt", v -> v.inventory("location"), always())
            .build();

    /** Whatsminer racks: pool share totals of the interval. */
    static final StatTable<MinerView> WHATSMINER = StatTable.<MinerView>builder()
            .addAll(BASE)
            .sum("pools_accepted_shares_total", v -> v.sample.sharesAccepted())
            .sum("pools_rejected_shares_total", v -> v.sample.sharesRejected())
            .sum("pools_stale_shares_total", v -> v.sample.sharesStale())
            .build();

    /** M63 racks also report every device's values keyed {@code <container>-<pos>}. */
    static final StatTable<MinerView> M63 = StatTable.<MinerView>builder()
            .addAll(WHATSMINER)
            .keyed("hashrate_mhs_1m_group", MinerView::device, v -> v.container != null,
                    v -> StatNumbers.clean(v.hash))
            .keyed("power_mode_group", MinerView::device, v -> v.container != null, v -> v.mode)
            .keyed("power_w_group", MinerView::device, v -> v.container != null, v -> StatNumbers.clean(v.power))
            .keyed("status_group", MinerView::device, v -> v.container != null, v -> v.status.json())
            .build();

    /** The spec of a miner rack of this registration type. */
    static StatTable<MinerView> of(String rackType) {
        if (rackType.equals(MinerModel.WM_M63.type())) {
            return M63;
        }
        return rackType.startsWith("miner-wm-") ? WHATSMINER : BASE;
    }
}
