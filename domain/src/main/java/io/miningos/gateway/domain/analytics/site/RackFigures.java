package io.miningos.gateway.domain.analytics.site;

import io.miningos.gateway.domain.analytics.Hashrate;
import io.miningos.gateway.domain.analytics.Power;
import io.miningos.gateway.domain.analytics.Rounding;

/**
 * Hashrate, consumption and efficiency of a rack or group, as the overview pages show them: hashrate in PH/s
 * (2 decimals), consumption in kW (2 decimals), efficiency in W/TH/s (1 decimal). Efficiency is the consumption
 * over the hashrate, null when either is missing or zero; consumption is null when no meter reported it.
 */
public record RackFigures(Double efficiencyWThs, Double consumptionKw, double hashratePhs) {

    public static RackFigures of(double hashrateMhs, Double powerW) {
        Hashrate hashrate = new Hashrate(Math.max(0, hashrateMhs));
        Double efficiency = powerW == null ? null : new Power(Math.max(0, powerW)).per(hashrate);
        return new RackFigures(Rounding.places(efficiency, 1),
                powerW == null ? null : Rounding.places(powerW / 1000, 2), Rounding.places(hashrate.phs(), 2));
    }
}
