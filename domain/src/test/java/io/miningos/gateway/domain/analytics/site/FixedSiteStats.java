package io.miningos.gateway.domain.analytics.site;

import io.miningos.gateway.domain.analytics.JsonView;

import java.util.List;

import static io.miningos.gateway.domain.analytics.Json.answers;
import static io.miningos.gateway.domain.analytics.Json.arr;
import static io.miningos.gateway.domain.analytics.Json.dec;
import static io.miningos.gateway.domain.analytics.Json.obj;

/**
 * The fixed site's live state: two groups of two racks (20 miner slots each) behind one DCS.
 * <pre>
 * group-1: 36 PH/s, miners 600,000 W; racks rack-1 and rack-2: 18 PH/s and 300,000 W each; 39 normal, 1 error
 * group-2: 35 PH/s, miners 590,000 W; racks pdu-a and pdu-b: 17.5 PH/s and 295,000 W each; 36 normal,
 *          2 offline, 1 sleeping
 * DCS meters: PM-MV site main 1,262.4 kW; PM-7511 (rack) 1,190.2 kW feeding "Groups 1-2";
 *             PM-CCM (ccm_principal) 72.2 kW feeding "Cooling & Auxiliary"
 * </pre>
 * The miner stats come from two ORKs (group-2's figures from the second), to show they are added up.
 */
final class FixedSiteStats {

    private FixedSiteStats() {
    }

    static List<JsonView> minerStats() {
        Object ork1 = arr(arr(obj(
                "hashrate_mhs_5m_container_group_sum_aggr", obj("group-1", dec("3.6e10")),
                "hashrate_mhs_5m_pdu_rack_group_sum_aggr", obj("group-1_rack-1", dec("1.8e10"),
                        "group-1_rack-2", dec("1.8e10")),
                "power_w_container_group_sum_aggr", obj("group-1", 600_000),
                "power_w_pdu_rack_group_sum_aggr", obj("group-1_rack-1", 300_000, "group-1_rack-2", 300_000),
                "power_mode_normal_cnt", obj("group-1", 39), "error_cnt", obj("group-1", 1))));
        Object ork2 = arr(arr(obj(
                "hashrate_mhs_5m_container_group_sum_aggr", obj("group-2", dec("3.5e10")),
                "hashrate_mhs_5m_pdu_rack_group_sum_aggr", obj("group-2_pdu-b", dec("1.75e10"),
                        "group-2_pdu-a", dec("1.75e10"), "no-underscore", 5),
                "power_w_container_group_sum_aggr", obj("group-2", 590_000),
                "power_w_pdu_rack_group_sum_aggr", obj("group-2_pdu-a", 295_000, "group-2_pdu-b", 295_000),
                "power_mode_normal_cnt", obj("group-2", 36), "offline_cnt", obj("group-2", 2),
                "power_mode_sleep_cnt", obj("group-2", 1, "group-9", -4))));
        return answers(ork1, ork2);
    }

    static Object dcsThing() {
        return obj("id", "dcs-1", "type", "dcs-siemens", "tags", arr("t-dcs"), "last", obj("snap", obj(
                "config", obj(
                        "mining", obj("total_groups", 2, "racks_per_group", 2, "miners_per_rack", 20,
                                "vlan_start", 129, "miner_model", "S21"),
                        "energy_layout", obj("site_meter", "PM-MV", "source_label", "Grid 33 kV", "branches", arr(
                                obj("relay", "PR-1", "transformer", "TX-7511", "board", "DB-7511", "meter", "PM-7511",
                                        "feeds", "Groups 1-2"),
                                obj("relay", "PR-2", "transformer", "TX-CCM", "board", "DB-CCM", "meter", "PM-CCM",
                                        "feeds", "Cooling & Auxiliary")))),
                "stats", obj("dcs_specific", obj("equipment", obj(
                        "power_meters", arr(
                                obj("equipment", "PM-MV", "role", "site_main", "name", "Site PM",
                                        "power", obj("value", dec("1262.4"), "unit", "kW")),
                                obj("equipment", "PM-7511", "role", "rack", "name", "Groups 1-2 PM",
                                        "power", obj("value", dec("1190.2"), "unit", "kW")),
                                obj("equipment", "PM-CCM", "role", "ccm_principal",
                                        "power", obj("value", dec("72.2"), "unit", "kW"))),
                        "distribution_boards", arr(obj("equipment", "DB-7511", "name", "LV Board 1")),
                        "transformers", arr(obj("equipment", "TX-7511", "name", "TR-1"))))))));
    }

    static DcsSite dcs() {
        // the first ORK has no DCS thing, only a container; the second has it
        return DcsSite.find(answers(arr(obj("id", "c", "type", "container-x", "last", obj("snap", obj()))),
                arr(obj("id", "dcs-0", "type", "dcs-siemens"), dcsThing())));
    }
}
