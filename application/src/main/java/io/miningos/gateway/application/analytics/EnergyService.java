package io.miningos.gateway.application.analytics;

import io.miningos.gateway.application.analytics.port.in.AvailableEnergyCommand;
import io.miningos.gateway.application.analytics.port.in.EnergyUseCase;
import io.miningos.gateway.application.analytics.port.in.ForecastSettingsCommand;
import io.miningos.gateway.application.ork.EntryRule;
import io.miningos.gateway.application.ork.Gathering;
import io.miningos.gateway.application.ork.OrkCall;
import io.miningos.gateway.application.ork.OrkReply;
import io.miningos.gateway.application.ork.OrkRequests;
import io.miningos.gateway.application.ork.port.GatheredAnswer;
import io.miningos.gateway.domain.analytics.JsonView;
import io.miningos.gateway.domain.analytics.TimeRange;
import io.miningos.gateway.domain.analytics.energy.ForecastAnswers;
import io.miningos.gateway.domain.caller.Caller;
import io.miningos.gateway.domain.ork.OrkMethod;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The energy-forecast routes: the electricity workers' forecast, its history and settings read from every ORK
 * ({@link ForecastAnswers}), and the two writes, each sent to every ORK. A write drops the cached forecast and
 * settings (the method catalogue's {@link OrkMethod#SET_WRK_EXT_DATA}), so the next read shows it.
 */
public final class EnergyService implements EnergyUseCase {

    public static final String FORECAST = "/auth/energy/forecast";
    public static final String HISTORY = "/auth/energy/forecast/history";
    public static final String SETTINGS = "/auth/energy/forecast/settings";
    static final String TYPE = "electricity";

    /** An ORK's answer to a write as it came ({@code {success: true}}), or why it failed ({@code {error}}). */
    static final EntryRule WRITTEN = (reply, codec) -> {
        Object entry = switch (reply) {
            case OrkReply.Answered a -> codec.read(a.answer()) instanceof Map<?, ?> m ? m
                    : Map.of("success", Objects.requireNonNullElse(codec.read(a.answer()), false));
            case OrkReply.Failed f -> Map.of("error", f.failure().clientMessage());
        };
        return List.of(entry);
    };

    private final OrkRequests orks;

    public EnergyService(OrkRequests orks) {
        this.orks = Objects.requireNonNull(orks, "orks");
    }

    @Override
    public CompletableFuture<GatheredAnswer> forecast(boolean refresh) {
        return orks.cachedCompute(FORECAST, List.of("-"), refresh, List.of(read(Map.of("key", "forecast"))),
                replies -> {
                    ForecastAnswers.Forecast f = ForecastAnswers.forecast(replies.getFirst().answers());
                    List<Object> log = new ArrayList<>();
                    f.points().forEach(p -> log.add(MetricViews.entry("ts", p.ts(), "availablePowerMW",
                            p.availablePowerMW(), "priceUsdPerMWh", p.priceUsdPerMWh())));
                    return MetricViews.entry("issuedAt", f.issuedAt(), "log", log);
                });
    }

    @Override
    public CompletableFuture<GatheredAnswer> forecastHistory(TimeRange range, boolean refresh) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("key", "forecastHistory");
        query.put("start", range.start());
        query.put("end", range.end());
        return orks.cachedCompute(HISTORY, List.of(Long.toString(range.start()), Long.toString(range.end())), refresh,
                List.of(read(query)), replies -> {
                    List<Object> log = new ArrayList<>();
                    ForecastAnswers.history(replies.getFirst().answers()).forEach(p -> log.add(MetricViews.entry(
                            "ts", p.ts(), "forecastPowerMW", p.forecastPowerMW(), "actualPowerMW", p.actualPowerMW(),
                            "forecastPriceUsdPerMWh", p.forecastPriceUsdPerMWh(), "actualPriceUsdPerMWh",
                            p.actualPriceUsdPerMWh())));
                    return MetricViews.entry("log", log);
                });
    }

    @Override
    public CompletableFuture<GatheredAnswer> forecastSettings(boolean refresh) {
        return orks.cachedCompute(SETTINGS, List.of("-"), refresh, List.of(read(Map.of("key", "forecastSettings"))),
                replies -> {
                    JsonView settings = ForecastAnswers.settings(replies.getFirst().answers());
                    return settings == null ? Map.of() : settings.raw();
                });
    }

    @Override
    public CompletableFuture<GatheredAnswer> saveForecastSettings(Caller caller, Map<String, Object> settings) {
        OrkMethod.SET_WRK_EXT_DATA.authorize(caller);
        return write("forecastSettings", new ForecastSettingsCommand(settings).settings());
    }

    @Override
    public CompletableFuture<GatheredAnswer> saveAvailableEnergy(Caller caller, AvailableEnergyCommand command) {
        OrkMethod.SET_WRK_EXT_DATA.authorize(caller);
        return write("availableEnergy", command.points());
    }

    private CompletableFuture<GatheredAnswer> write(String key, Object value) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", TYPE);
        payload.put("key", key);
        payload.put("value", value);
        return orks.write(OrkMethod.SET_WRK_EXT_DATA, payload, Gathering.each(WRITTEN));
    }

    private static OrkCall read(Map<String, Object> query) {
        return new OrkCall(OrkMethod.GET_WRK_EXT_DATA, Map.of("type", TYPE, "query", query));
    }
}
