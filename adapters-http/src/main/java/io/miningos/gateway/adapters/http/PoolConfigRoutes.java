package io.miningos.gateway.adapters.http;

import io.javalin.config.RoutesConfig;
import io.miningos.gateway.application.analytics.port.in.ConfigsQuery;
import io.miningos.gateway.application.analytics.port.in.PoolConfigsUseCase;

import java.util.Arrays;

/**
 * {@code GET /auth/configs/:type?query=&fields=} ({@code pool_config:r}, checked before the parameters; cached),
 * {@code GET /auth/pools/config/:id} and {@code GET /auth/pools/stats/containers} (a token; not cached).
 */
public final class PoolConfigRoutes implements RouteGroup {

    private final PoolConfigsUseCase configs;

    public PoolConfigRoutes(PoolConfigsUseCase configs) {
        this.configs = configs;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/auth/configs/{type}", ctx -> {
            Authentication.caller(ctx).require(PoolConfigsUseCase.POOL_CONFIG_READ);
            ConfigsQuery query = new ConfigsQuery(ctx.pathParam("type"), QueryParams.object(ctx, "query"),
                    QueryParams.object(ctx, "fields"), Arrays.asList(QueryParams.given(ctx, "query"),
                    QueryParams.given(ctx, "fields")));
            OrkResponses.send(ctx, configs.configs(query, QueryParams.refresh(ctx)));
        });
        routes.get("/auth/pools/config/{id}", ctx -> OrkResponses.send(ctx, configs.thingConfig(ctx.pathParam("id"))));
        routes.get("/auth/pools/stats/containers", ctx -> OrkResponses.send(ctx, configs.containers()));
    }
}
