package io.miningos.gateway.adapters.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.miningos.gateway.application.analytics.port.in.BalanceHistoryQuery;
import io.miningos.gateway.application.analytics.port.in.PoolsQuery;
import io.miningos.gateway.application.analytics.port.in.PoolsUseCase;
import io.miningos.gateway.domain.analytics.TimeRange;

import java.util.Arrays;

/**
 * {@code GET /auth/pools?query=&sort=&fields=} (JSON parameters, each an object) and
 * {@code GET /auth/pools/:pool/balance-history?start=&end=&range=}. A token is enough.
 */
public final class PoolRoutes implements RouteGroup {

    private final PoolsUseCase pools;

    public PoolRoutes(PoolsUseCase pools) {
        this.pools = pools;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/auth/pools", ctx -> OrkResponses.send(ctx, pools.pools(query(ctx), QueryParams.refresh(ctx))));
        routes.get("/auth/pools/{pool}/balance-history", ctx -> OrkResponses.send(ctx, pools.balanceHistory(
                BalanceHistoryQuery.of(ctx.pathParam("pool"),
                        QueryParams.integer(ctx, "start", TimeRange.MISSING_START_END),
                        QueryParams.integer(ctx, "end", TimeRange.MISSING_START_END), QueryParams.given(ctx, "range")),
                QueryParams.refresh(ctx))));
    }

    private static PoolsQuery query(Context ctx) {
        return PoolsQuery.of(QueryParams.object(ctx, "query"), QueryParams.object(ctx, "sort"),
                QueryParams.object(ctx, "fields"), Arrays.asList(QueryParams.given(ctx, "query"),
                        QueryParams.given(ctx, "sort"), QueryParams.given(ctx, "fields")));
    }
}
