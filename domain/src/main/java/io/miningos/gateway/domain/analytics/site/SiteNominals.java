package io.miningos.gateway.domain.analytics.site;

import io.miningos.gateway.domain.analytics.JsonView;

import java.util.List;

/**
 * The site's nameplate figures from the ORKs' global configs ({@code getGlobalConfig}), added up over the ORKs
 * (each ORK runs its own part of the site, as its hashrate and power are added up too; the Node gateway took the
 * last ORK's value). Read: {@code nominalHashrate} or {@code nominalSiteHashrate_MHS} (MH/s) and
 * {@code nominalPowerAvailability_MW} or {@code nominalAvailablePowerMWh} (MW). Null when no ORK has one.
 */
public record SiteNominals(Double hashrateMhs, Double powerMW) {

    public static SiteNominals read(List<JsonView> globalConfigs) {
        Double hashrate = null;
        Double power = null;
        for (JsonView config : globalConfigs) {
            hashrate = add(hashrate, first(config, "nominalHashrate", "nominalSiteHashrate_MHS"));
            power = add(power, first(config, "nominalPowerAvailability_MW", "nominalAvailablePowerMWh"));
        }
        return new SiteNominals(hashrate, power);
    }

    private static Double first(JsonView config, String name, String fallback) {
        Double v = config.get(name).asDouble();
        return v != null ? v : config.get(fallback).asDouble();
    }

    private static Double add(Double total, Double v) {
        if (v == null || v <= 0) {
            return total;
        }
        return total == null ? v : total + v;
    }
}
