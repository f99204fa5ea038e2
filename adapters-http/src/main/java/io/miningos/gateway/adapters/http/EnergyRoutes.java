package io.miningos.gateway.adapters.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.miningos.gateway.application.analytics.port.in.AvailableEnergyCommand;
import io.miningos.gateway.application.analytics.port.in.EnergyUseCase;
import io.miningos.gateway.domain.analytics.TimeRange;
import io.miningos.gateway.domain.caller.Caller;
import io.miningos.gateway.domain.ork.OrkMethod;

import java.util.Map;

/**
 * {@code /auth/energy/*}: the electricity workers' forecast ({@code GET /auth/energy/forecast}), its history
 * ({@code GET .../forecast/history?start=&end=}) and settings ({@code GET}/{@code POST .../forecast/settings}), and
 * the available power ({@code POST /auth/energy/available}). Reads need a token, writes {@code miner:w} (checked
 * before the body is read).
 */
public final class EnergyRoutes implements RouteGroup {

    private final EnergyUseCase energy;

    public EnergyRoutes(EnergyUseCase energy) {
        this.energy = energy;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/auth/energy/forecast", ctx -> OrkResponses.send(ctx, energy.forecast(QueryParams.refresh(ctx))));
        routes.get("/auth/energy/forecast/history", ctx -> OrkResponses.send(ctx, energy.forecastHistory(
                TimeRange.of(QueryParams.integer(ctx, "start", TimeRange.MISSING_START_END),
                        QueryParams.integer(ctx, "end", TimeRange.MISSING_START_END), TimeRange.MAX_DAYS_SPAN),
                QueryParams.refresh(ctx))));
        routes.get("/auth/energy/forecast/settings", ctx -> OrkResponses.send(ctx,
                energy.forecastSettings(QueryParams.refresh(ctx))));
        routes.post("/auth/energy/forecast/settings", ctx -> {
            Caller caller = writer(ctx);
            OrkResponses.send(ctx, energy.saveForecastSettings(caller, JsonBodies.object(ctx)));
        });
        routes.post("/auth/energy/available", ctx -> {
            Caller caller = writer(ctx);
            Map<String, Object> body = JsonBodies.object(ctx);
            OrkResponses.send(ctx, energy.saveAvailableEnergy(caller, AvailableEnergyCommand.of(body.get("data"))));
        });
    }

    /** The caller, if it may write the workers' data: a caller without the right learns nothing from validation. */
    private static Caller writer(Context ctx) {
        Caller caller = Authentication.caller(ctx);
        OrkMethod.SET_WRK_EXT_DATA.authorize(caller);
        return caller;
    }
}
