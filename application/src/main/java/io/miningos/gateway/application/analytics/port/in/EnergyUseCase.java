package io.miningos.gateway.application.analytics.port.in;

import io.miningos.gateway.application.ork.port.GatheredAnswer;
import io.miningos.gateway.domain.analytics.TimeRange;
import io.miningos.gateway.domain.caller.Caller;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The site's energy forecast, kept by the electricity workers ({@code getWrkExtData}/{@code setWrkExtData
 * {type: "electricity"}}, docs/analytics-design.md §4.11, §6.3, README "Energy forecast"): read typed (a worker
 * answering another shape gives nulls), every ORK's racks as one site. Reads need a token; writes {@code miner:w}.
 */
public interface EnergyUseCase {

    /** {@code {issuedAt, log: [{ts, availablePowerMW, priceUsdPerMWh}]}}, hourly. */
    CompletableFuture<GatheredAnswer> forecast(boolean refresh);

    /** {@code {log: [{ts, forecastPowerMW, actualPowerMW, forecastPriceUsdPerMWh, actualPriceUsdPerMWh}]}}. */
    CompletableFuture<GatheredAnswer> forecastHistory(TimeRange range, boolean refresh);

    /** The first answering worker's settings object as stored ({@code {}} when none has one). */
    CompletableFuture<GatheredAnswer> forecastSettings(boolean refresh);

    /** Stores the settings on every ORK's electricity worker: {@code [{success: true} | {error}]} per ORK. */
    CompletableFuture<GatheredAnswer> saveForecastSettings(Caller caller, Map<String, Object> settings);

    /** Stores the available power from each point's {@code ts} on: as {@link #saveForecastSettings}. */
    CompletableFuture<GatheredAnswer> saveAvailableEnergy(Caller caller, AvailableEnergyCommand command);
}
