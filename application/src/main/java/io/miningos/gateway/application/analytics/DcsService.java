package io.miningos.gateway.application.analytics;

import io.miningos.gateway.application.analytics.port.in.CoolingView;
import io.miningos.gateway.application.analytics.port.in.DcsUseCase;
import io.miningos.gateway.application.analytics.port.in.EnergyView;
import io.miningos.gateway.application.ork.OrkCall;
import io.miningos.gateway.application.ork.OrkRequests;
import io.miningos.gateway.application.ork.port.GatheredAnswer;
import io.miningos.gateway.domain.analytics.site.DcsSite;
import io.miningos.gateway.domain.analytics.site.MinerGroupStats;
import io.miningos.gateway.domain.ork.OrkMethod;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * {@code /auth/dcs/cooling-system} and {@code /auth/dcs/energy-system}: the DCS thing (the first thing, in ORK
 * order, whose type contains {@code dcs} and that has a snapshot, among {@code listThings} of the DCS tag), read with
 * the view's projection, and the view built from it ({@link DcsCoolingViews}, {@link DcsEnergyViews}); the miners'
 * layout also reads the miners' live rack power ({@code tailLogMulti stat-rtd}) to mark racks that draw power.
 * No DCS among the answers while an ORK failed: 502 (the failed ORK may hold it), rather than "not found".
 */
public final class DcsService implements DcsUseCase {

    public static final String COOLING = "/auth/dcs/cooling-system";
    public static final String ENERGY = "/auth/dcs/energy-system";
    private static final String EQUIPMENT = "last.snap.stats.dcs_specific.equipment.";
    private static final String COOLING_CONFIG = "last.snap.config.cooling_system";
    private static final Map<String, List<String>> COOLING_LISTS = Map.of(
            "miners/circuit1", List.of("pumps", "temperatures", "pressures", "flows", "heat_exchangers", "valves"),
            "miners/circuit2", List.of("pumps", "temperatures", "levels", "heat_exchangers", "cooling_towers",
                    "valves", "tanks", "vibration_sensors", "vibration_switches", "fans"),
            "miners/layout", List.of("pumps", "temperatures", "pressures", "flows", "levels", "heat_exchangers",
                    "cooling_towers", "valves", "tanks", "vibration_sensors", "vibration_switches", "fans"),
            "hvac/circuit1", List.of("pumps", "temperatures", "pressures", "flows", "levels", "chillers", "fan_coils",
                    "fans", "valves", "tanks", "flow_switches"),
            "hvac/circuit2", List.of("pumps", "temperatures", "flows", "levels", "cooling_towers",
                    "vibration_sensors", "vibration_switches"),
            "hvac/layout", List.of("pumps", "temperatures", "pressures", "flows", "levels", "chillers",
                    "cooling_towers", "fan_coils", "fans", "valves", "tanks", "flow_switches", "vibration_sensors",
                    "vibration_switches"),
            "hvac/ambient", List.of("fan_coils", "humidity_sensors"));

    private final OrkRequests orks;
    private final AnalyticsSettings settings;

    public DcsService(OrkRequests orks, AnalyticsSettings settings) {
        this.orks = Objects.requireNonNull(orks, "orks");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public CompletableFuture<GatheredAnswer> cooling(CoolingView view, boolean refresh) {
        settings.requireDcs();
        String name = view.type() + "/" + view.view();
        List<String> paths = new ArrayList<>();
        COOLING_LISTS.get(name).forEach(list -> paths.add(EQUIPMENT + list));
        paths.add(COOLING_CONFIG);
        if (name.equals("miners/layout")) {
            paths.add("last.snap.stats.flow");
            paths.add("last.snap.config.mining");
        } else if (name.equals("hvac/ambient")) {
            paths.add("last.snap.stats.humidity");
        }
        List<OrkCall> calls = new ArrayList<>(List.of(dcsThing(paths)));
        boolean layout = name.equals("miners/layout");
        if (layout) {
            calls.add(rackPower());
        }
        return orks.cachedCompute(COOLING, List.of(view.type(), view.view()), refresh, calls, replies -> {
            DcsSite dcs = DcsThing.require(replies.getFirst());
            MinerGroupStats racks = MinerGroupStats.read(layout ? replies.get(1).answers() : List.of());
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("type", view.type());
            out.put("view", view.view());
            out.put("data", new DcsCoolingViews(dcs).view(view.type(), view.view(), racks));
            return out;
        });
    }

    @Override
    public CompletableFuture<GatheredAnswer> energy(EnergyView view, boolean refresh) {
        settings.requireDcs();
        List<String> paths = new ArrayList<>(List.of(EQUIPMENT + "power_meters", "last.snap.stats.energy",
                "last.snap.config.energy_layout"));
        if (view.view().equals("layout")) {
            paths.addAll(List.of(EQUIPMENT + "protection_relays", EQUIPMENT + "transformers",
                    EQUIPMENT + "distribution_boards"));
        }
        return orks.cachedCompute(ENERGY, List.of(view.view()), refresh, List.of(dcsThing(paths)), replies -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("view", view.view());
            out.put("data", new DcsEnergyViews(DcsThing.require(replies.getFirst())).view(view.view()));
            return out;
        });
    }

    /** {@code listThings} of the DCS tag with the thing's identity and the given paths. */
    private OrkCall dcsThing(List<String> paths) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String f : List.of("id", "code", "type", "tags", "rack")) {
            fields.put(f, 1);
        }
        paths.forEach(p -> fields.put(p, 1));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("query", Map.of("tags", Map.of("$in", List.of(settings.dcsTag()))));
        payload.put("status", 1);
        payload.put("fields", fields);
        return new OrkCall(OrkMethod.LIST_THINGS, payload);
    }

    /** The miners' live power per PDU rack ({@code group-<g>_rack-<r>}), as the rack lists read it. */
    private static OrkCall rackPower() {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("key", "stat-rtd");
        key.put("type", "miner");
        key.put("tag", "t-miner");
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("keys", List.of(key));
        payload.put("limit", 1);
        payload.put("aggrFields", Map.of("power_w_pdu_rack_group_sum_aggr", 1));
        return new OrkCall(OrkMethod.TAIL_LOG_MULTI, payload);
    }
}
