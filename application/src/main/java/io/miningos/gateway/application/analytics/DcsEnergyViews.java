package io.miningos.gateway.application.analytics;

import io.miningos.gateway.domain.analytics.JsonView;
import io.miningos.gateway.domain.analytics.site.DcsSite;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The electrical views of {@code /auth/dcs/energy-system} (API-NEXT-analytics §3.9 X2) from the DCS thing's
 * snapshot: power meters ({@code {equipment, role, name, power: {value, unit: "kW"}, ...}}, passed through whole),
 * protection relays, transformers and distribution boards, along the configured energy layout.
 */
final class DcsEnergyViews {

    private static final Pattern FIRST_NUMBER = Pattern.compile("\\d{1,9}");

    private final DcsSite dcs;
    private final DcsEquipment e;

    DcsEnergyViews(DcsSite dcs) {
        this.dcs = dcs;
        this.e = new DcsEquipment(dcs.snap());
    }

    Map<String, Object> view(String view) {
        return switch (view) {
            case "miners" -> miners();
            case "cooling_auxiliary" -> coolingAuxiliary();
            case "layout" -> layout();
            default -> throw new IllegalArgumentException("no view " + view);
        };
    }

    Map<String, Object> miners() {
        List<JsonView> racks = new ArrayList<>(meters("rack"));
        racks.sort(Comparator.comparingLong(m -> firstNumber(m.get("equipment").asText())));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("title", "Miners Energy");
        out.put("site_total", siteTotal());
        out.put("meters", racks.stream().map(JsonView::raw).toList());
        return out;
    }

    Map<String, Object> coolingAuxiliary() {
        List<JsonView> ccm = meters("ccm_principal");
        JsonView meter = ccm.isEmpty() ? JsonView.of(null) : ccm.getFirst();
        Map<String, Object> principal = new LinkedHashMap<>();
        principal.put("power_kw", meter.path("power.value").asDouble(0));
        principal.put("equipment", meter.get("equipment").raw());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("title", "Cooling & Auxiliary");
        out.put("ccm_principal", principal);
        out.put("ccm_meter", meter.raw());
        out.put("auxiliary_meters", meters("auxiliary").stream().map(JsonView::raw).toList());
        return out;
    }

    Map<String, Object> layout() {
        List<JsonView> relays = e.list("protection_relays");
        List<JsonView> transformers = e.list("transformers");
        List<JsonView> boards = e.list("distribution_boards");
        JsonView energyLayout = dcs.snap().path("config.energy_layout");
        List<Object> branches = new ArrayList<>();
        List<JsonView> configured = energyLayout.get("branches").items().stream().filter(JsonView::isObject).toList();
        if (!configured.isEmpty()) {
            for (JsonView b : configured) {
                JsonView meter = e.find("power_meters", b.get("meter").asText());
                Map<String, Object> m = null;
                if (meter.isObject()) {
                    m = new LinkedHashMap<>();
                    m.put("equipment", meter.get("equipment").raw());
                    m.put("power", meter.get("power").raw());
                }
                branches.add(branch(b.get("feeds").raw(), e.find("protection_relays", b.get("relay").asText()).raw(),
                        e.find("transformers", b.get("transformer").asText()).raw(),
                        e.find("distribution_boards", b.get("board").asText()).raw(), m));
            }
        } else {
            int n = 0;
            for (JsonView relay : relays) {
                if (!"branch_feeder".equals(relay.get("role").asText())) {
                    continue;
                }
                n++;
                Object feeds = relay.get("description").isTruthy() ? relay.get("description").raw() : "Branch " + n;
                branches.add(branch(feeds, relay.raw(), n <= transformers.size() ? transformers.get(n - 1).raw() : null,
                        n <= boards.size() ? boards.get(n - 1).raw() : null, null));
            }
        }
        JsonView mainProtection = relays.stream().filter(r -> "main_incoming".equals(r.get("role").asText()))
                .findFirst().orElse(JsonView.of(null));
        DcsSite.Meter site = dcs.siteMeter();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("protection_relays_total", relays.size());
        summary.put("protection_relays_tripped", relays.stream().filter(r -> r.get("is_tripped").isTruthy()).count());
        summary.put("transformers_total", transformers.size());
        summary.put("distribution_boards_total", boards.size());
        summary.put("distribution_boards_tripped", boards.stream().filter(b -> b.get("is_tripped").isTruthy())
                .count());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("title", "Energy Layout");
        out.put("source_label", energyLayout.get("source_label").raw());
        out.put("site_total", siteTotal());
        out.put("site_pm", site == null ? null : site.raw().raw());
        out.put("main_protection", mainProtection.raw());
        out.put("branches", branches);
        out.put("summary", summary);
        return out;
    }

    private static Map<String, Object> branch(Object feeds, Object relay, Object transformer, Object board,
                                              Object meter) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("feeds", feeds);
        out.put("protection_relay", relay);
        out.put("transformer", transformer);
        out.put("distribution_board", board);
        out.put("meter", meter);
        return out;
    }

    /** {@code stats.energy.site_total} as the DCS reports it, else the site meter's power. */
    private Object siteTotal() {
        JsonView reported = dcs.snap().path("stats.energy.site_total");
        if (reported.isTruthy()) {
            return reported.raw();
        }
        DcsSite.Meter site = dcs.siteMeter();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("power_kw", site == null ? 0 : site.raw().path("power.value").asDouble(0));
        out.put("equipment", site == null ? null : site.equipment());
        return out;
    }

    private List<JsonView> meters(String role) {
        return e.list("power_meters").stream().filter(m -> role.equals(m.get("role").asText())).toList();
    }

    private static long firstNumber(String equipment) {
        Matcher m = equipment == null ? null : FIRST_NUMBER.matcher(equipment);
        return m != null && m.find() ? Long.parseLong(m.group()) : 0;
    }
}
