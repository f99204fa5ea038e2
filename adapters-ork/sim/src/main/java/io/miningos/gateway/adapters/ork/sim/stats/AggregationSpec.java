package io.miningos.gateway.adapters.ork.sim.stats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ORK's {@code aggr.stats} configuration: per base type, each aggregated field with its op and the rack field it
 * reads. Mirrors the example configuration shipped with the real ORK, plus the PDU-rack fields the gateway asks for
 * (defined as {@code obj_concat} of the matching rack fields).
 */
public final class AggregationSpec {

    /** One aggregated field: {@code op} over rack field {@code src}. */
    public record Op(String op, String src) {
    }

    private static final Map<String, Map<String, Op>> SPEC = build();

    private AggregationSpec() {
    }

    /** The fields of a base type in configuration order, or null when the type has no spec. */
    public static Map<String, Op> forBaseType(String baseType) {
        Map<String, Op> m = SPEC.get(baseType);
        return m == null ? null : Collections.unmodifiableMap(m);
    }

    private static Map<String, Map<String, Op>> build() {
        Map<String, Map<String, Op>> spec = new LinkedHashMap<>();

        Map<String, Op> miner = new LinkedHashMap<>();
        for (String f : new String[]{"hashrate_mhs_1m_sum", "hashrate_mhs_5m_sum"}) {
            miner.put(f + "_aggr", new Op("sum", f));
        }
        for (String f : new String[]{"hashrate_mhs_1m_avg", "hashrate_mhs_5m_avg"}) {
            miner.put(f + "_aggr", new Op("avg", f));
        }
        for (String f : new String[]{"hashrate_mhs_1m_cnt", "hashrate_mhs_1m_cnt_active", "hashrate_mhs_5m_cnt",
                "hashrate_mhs_5m_cnt_active"}) {
            miner.put(f + "_aggr", new Op("sum", f));
        }
        for (String f : new String[]{"hashrate_mhs_1m_group_sum", "hashrate_mhs_1m_type_group_sum",
                "hashrate_mhs_1m_type_group_avg", "hashrate_mhs_1m_container_group_sum",
                "hashrate_mhs_1m_container_group_avg", "hashrate_mhs_5m_type_group_sum",
                "hashrate_mhs_5m_type_group_avg", "hashrate_mhs_5m_container_group_sum",
                "hashrate_mhs_5m_container_group_avg"}) {
            miner.put(f + "_aggr", new Op("obj_concat", f));
        }
        miner.put("hashrate_mhs_5m_active_container_group_cnt",
                new Op("obj_concat", "hashrate_mhs_5m_active_container_group_cnt"));
        miner.put("hashrate_mhs_5m_pdu_rack_group_sum_aggr", new Op("obj_concat",
                "hashrate_mhs_5m_pdu_rack_group_sum"));
        miner.put("hashrate_mhs_5m_pdu_rack_group_avg_aggr", new Op("obj_concat",
                "hashrate_mhs_5m_pdu_rack_group_avg"));
        miner.put("hashrate_mhs_5m_rack_group_sum_aggr", new Op("obj_concat", "hashrate_mhs_5m_pdu_rack_group_sum"));
        miner.put("power_w_sum_aggr", new Op("sum", "power_w_sum"));
        miner.put("power_w_avg_aggr", new Op("avg", "power_w_avg"));
        for (String f : new String[]{"power_w_type_group_sum", "power_w_type_group_avg", "power_w_container_group_sum",
                "power_w_container_group_avg"}) {
            miner.put(f + "_aggr", new Op("obj_concat", f));
        }
        miner.put("power_w_pdu_rack_group_sum_aggr", new Op("obj_concat", "power_w_pdu_rack_group_sum"));
        miner.put("power_w_rack_group_sum_aggr", new Op("obj_concat", "power_w_pdu_rack_group_sum"));
        for (String f : new String[]{"uptime_ms_avg", "efficiency_w_ths_avg", "frequency_mhz_avg",
                "temperature_c_avg"}) {
            miner.put(f + "_aggr", new Op("avg", f));
        }
        for (String f : new String[]{"temperature_c_group_avg", "temperature_c_group_max",
                "efficiency_w_ths_type_group_avg", "efficiency_w_ths_container_group_avg"}) {
            miner.put(f + "_aggr", new Op("obj_concat", f));
        }
        miner.put("efficiency_w_ths_pdu_rack_group_avg_aggr", new Op("obj_concat",
                "efficiency_w_ths_pdu_rack_group_avg"));
        miner.put("nominal_hashrate_mhs_avg_aggr", new Op("avg", "nominal_hashrate_mhs_avg"));
        miner.put("nominal_efficiency_w_ths_avg_aggr", new Op("avg", "nominal_efficiency_w_ths_avg"));
        miner.put("nominal_hashrate_mhs_sum_aggr", new Op("sum", "nominal_hashrate_mhs_sum"));
        miner.put("nominal_efficiency_w_ths_sum_aggr", new Op("sum", "nominal_efficiency_w_ths_sum"));
        miner.put("offline_or_sleeping_miners_amount_aggr", new Op("sum", "offline_or_sleeping_miners_cnt"));
        miner.put("online_or_minor_error_miners_amount_aggr", new Op("sum", "online_or_minor_error_miners_cnt"));
        miner.put("error_miners_amount_aggr", new Op("sum", "error_miners_cnt"));
        miner.put("not_mining_miners_amount_aggr", new Op("sum", "not_mining_miners_cnt"));
        for (String f : new String[]{"offline_cnt", "error_cnt", "not_mining_cnt", "power_mode_sleep_cnt",
                "power_mode_low_cnt", "power_mode_normal_cnt", "power_mode_high_cnt",
                "power_mode_low_include_error_cnt", "power_mode_normal_include_error_cnt",
                "power_mode_high_include_error_cnt", "type_cnt", "offline_type_cnt", "maintenance_type_cnt",
                "online_positive_hashrate_type_cnt", "online_without_hashrate_type_cnt", "error_type_cnt",
                "not_mining_type_cnt", "power_mode_sleep_type_cnt", "power_mode_low_type_cnt",
                "power_mode_normal_type_cnt", "power_mode_high_type_cnt"}) {
            miner.put(f, new Op("obj_concat", f));
        }
        for (String f : new String[]{"hashrate_mhs_1m_group", "power_mode_group", "power_w_group", "status_group"}) {
            miner.put(f + "_aggr", new Op("obj_concat", f));
        }
        for (String f : new String[]{"pools_accepted_shares_total", "pools_rejected_shares_total",
                "pools_stale_shares_total"}) {
            miner.put(f + "_aggr", new Op("sum", f));
        }
        miner.put("full_mining_startup_count", new Op("sum", "startupStatus"));
        miner.put("miner_inventory_status_group_cnt_aggr", new Op("obj_concat", "miner_inventory_status_group_cnt"));
        miner.put("miner_inventory_location_group_cnt_aggr", new Op("obj_concat",
                "miner_inventory_location_group_cnt"));
        miner.put("alerts_aggr", new Op("alerts_aggr", "alerts_cnt"));
        spec.put("miner", miner);

        Map<String, Op> container = new LinkedHashMap<>();
        container.put("alerts_aggr", new Op("alerts_aggr", "alerts_cnt"));
        container.put("container_status_aggr", new Op("obj_concat", "container_status"));
        container.put("container_power_w_aggr", new Op("obj_concat", "container_power_w"));
        container.put("container_power_w_sum_aggr", new Op("sum", "container_power_w_sum"));
        container.put("container_specific_stats_group_aggr", new Op("obj_concat", "container_specific_stats_group"));
        container.put("container_nominal_hashrate_mhs_sum_aggr", new Op("sum", "container_nominal_hashrate_mhs_sum"));
        container.put("container_nominal_hashrate_mhs_avg_aggr", new Op("avg", "container_nominal_hashrate_mhs_avg"));
        container.put("container_nominal_efficiency_w_ths_avg_aggr",
                new Op("avg", "container_nominal_efficiency_w_ths_avg"));
        container.put("container_nominal_miner_capacity_sum_aggr",
                new Op("sum", "container_nominal_miner_capacity_sum"));
        spec.put("container", container);

        Map<String, Op> powermeter = new LinkedHashMap<>();
        powermeter.put("alerts_aggr", new Op("alerts_aggr", "alerts_cnt"));
        powermeter.put("site_power_w", new Op("sum", "site_power_w"));
        powermeter.put("transformer_power_w", new Op("sum", "transformer_power_w"));
        powermeter.put("power_w_pos_group_aggr", new Op("obj_concat", "power_w_pos_group"));
        powermeter.put("powermeter_specific_stats_group_aggr", new Op("obj_concat", "powermeter_specific_stats_group"));
        powermeter.put("power_w_container_group_aggr", new Op("obj_concat", "power_w_container_group"));
        spec.put("powermeter", powermeter);

        Map<String, Op> sensor = new LinkedHashMap<>();
        sensor.put("alerts_aggr", new Op("alerts_aggr", "alerts_cnt"));
        spec.put("sensor", sensor);

        Map<String, Op> minerpool = new LinkedHashMap<>();
        minerpool.put("stats", new Op("arr_concat", "stats"));
        minerpool.put("workers", new Op("arr_concat", "workers"));
        minerpool.put("transactions", new Op("arr_concat", "transactions"));
        minerpool.put("blocksData", new Op("obj_concat", "blocksData"));
        minerpool.put("workersCount", new Op("sum", "count"));
        spec.put("minerpool", minerpool);

        Map<String, Op> inventory = new LinkedHashMap<>();
        inventory.put("spare_parts_cnt_aggr", new Op("sum", "spare_parts_cnt"));
        for (String f : new String[]{"spare_parts_type_group_cnt", "spare_part_inventory_status_group_cnt",
                "spare_part_inventory_location_group_cnt"}) {
            inventory.put(f + "_aggr", new Op("obj_concat", f));
        }
        spec.put("inventory", inventory);
        return spec;
    }
}
