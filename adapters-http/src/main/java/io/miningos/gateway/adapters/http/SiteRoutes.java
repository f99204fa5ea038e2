package io.miningos.gateway.adapters.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.miningos.gateway.application.analytics.port.in.PowerConsumptionQuery;
import io.miningos.gateway.application.analytics.port.in.SiteUseCase;
import io.miningos.gateway.domain.analytics.TimeRange;

/**
 * {@code /auth/site/status/live}, {@code /auth/site/power-consumption?start=&end=&interval=&tag=&powerAttribute=
 * &totalTransformerConsumption=&limit=} (a token is enough), {@code /auth/site/overview/groups} and
 * {@code /auth/site/efficiency} ({@code miner:r}). Each takes {@code overwriteCache}.
 */
public final class SiteRoutes implements RouteGroup {

    private final SiteUseCase site;

    public SiteRoutes(SiteUseCase site) {
        this.site = site;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/auth/site/status/live", ctx -> OrkResponses.send(ctx, site.statusLive(QueryParams.refresh(ctx))));
        routes.get("/auth/site/power-consumption", ctx -> OrkResponses.send(ctx,
                site.powerConsumption(powerQuery(ctx), QueryParams.refresh(ctx))));
        routes.get("/auth/site/overview/groups", ctx -> {
            Authentication.caller(ctx).require(SiteUseCase.MINER_READ);
            OrkResponses.send(ctx, site.overviewGroups(QueryParams.refresh(ctx)));
        });
        routes.get("/auth/site/efficiency", ctx -> {
            Authentication.caller(ctx).require(SiteUseCase.MINER_READ);
            OrkResponses.send(ctx, site.efficiency(QueryParams.refresh(ctx)));
        });
    }

    private static PowerConsumptionQuery powerQuery(Context ctx) {
        return PowerConsumptionQuery.of(QueryParams.integer(ctx, "start", TimeRange.MISSING_START_END),
                QueryParams.integer(ctx, "end", TimeRange.MISSING_START_END), QueryParams.given(ctx, "interval"),
                QueryParams.given(ctx, "tag"), QueryParams.given(ctx, "powerAttribute"),
                QueryParams.flag(ctx, "totalTransformerConsumption", "ERR_TOTALTRANSFORMERCONSUMPTION_INVALID"),
                QueryParams.integer(ctx, "limit", 1, PowerConsumptionQuery.MAX_LIMIT));
    }
}
