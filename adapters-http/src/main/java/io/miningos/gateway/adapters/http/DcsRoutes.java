package io.miningos.gateway.adapters.http;

import io.javalin.config.RoutesConfig;
import io.miningos.gateway.application.analytics.port.in.CoolingView;
import io.miningos.gateway.application.analytics.port.in.DcsUseCase;
import io.miningos.gateway.application.analytics.port.in.EnergyView;

/**
 * {@code GET /auth/dcs/cooling-system?type=&view=} and {@code GET /auth/dcs/energy-system?view=}: the site's DCS
 * views. A token is enough; bad parameters are 400 before the feature switch is looked at (as in the Node gateway).
 */
public final class DcsRoutes implements RouteGroup {

    private final DcsUseCase dcs;

    public DcsRoutes(DcsUseCase dcs) {
        this.dcs = dcs;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/auth/dcs/cooling-system", ctx -> {
            CoolingView view = new CoolingView(QueryParams.given(ctx, "type"), QueryParams.given(ctx, "view"));
            OrkResponses.send(ctx, dcs.cooling(view, QueryParams.refresh(ctx)));
        });
        routes.get("/auth/dcs/energy-system", ctx -> {
            EnergyView view = new EnergyView(QueryParams.given(ctx, "view"));
            OrkResponses.send(ctx, dcs.energy(view, QueryParams.refresh(ctx)));
        });
    }
}
