package io.miningos.gateway.adapters.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.miningos.gateway.application.analytics.port.in.CabinetQuery;
import io.miningos.gateway.application.analytics.port.in.DeviceListQuery;
import io.miningos.gateway.application.analytics.port.in.DevicesUseCase;
import io.miningos.gateway.application.analytics.port.in.ExplorerQuery;
import io.miningos.gateway.application.analytics.port.in.MinersQuery;
import io.miningos.gateway.application.analytics.port.in.RackStatsQuery;
import io.miningos.gateway.application.analytics.port.in.SiteUseCase;
import io.miningos.gateway.domain.analytics.Page;

import java.util.Arrays;
import java.util.List;

/**
 * The device lists: {@code /auth/miners?filter=&sort=&fields=&search=&offset=&limit=},
 * {@code /auth/miners/groups/stats?racks=}, {@code /auth/explorer/racks?group=&search=&sort=&offset=&limit=}
 * ({@code miner:r}, checked before the parameters), {@code /auth/list-firmwares},
 * {@code /auth/containers?filter=&sort=&fields=&search=&offset=&limit=}, {@code /auth/cabinets?filter=&sort=&offset=
 * &limit=} and {@code /auth/cabinets/:id} (a token). Each takes {@code overwriteCache}.
 */
public final class DeviceRoutes implements RouteGroup {

    private final DevicesUseCase devices;

    public DeviceRoutes(DevicesUseCase devices) {
        this.devices = devices;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/auth/miners", ctx -> {
            Authentication.caller(ctx).require(SiteUseCase.MINER_READ);
            MinersQuery query = MinersQuery.of(QueryParams.object(ctx, "filter"), QueryParams.object(ctx, "sort"),
                    QueryParams.object(ctx, "fields"), QueryParams.given(ctx, "search"), offset(ctx),
                    QueryParams.integer(ctx, "limit", Page.LIMIT_INVALID),
                    identity(ctx, "filter", "sort", "fields", "search", "offset", "limit"));
            OrkResponses.send(ctx, devices.miners(query, QueryParams.refresh(ctx)));
        });
        routes.get("/auth/miners/groups/stats", ctx -> {
            Authentication.caller(ctx).require(SiteUseCase.MINER_READ);
            OrkResponses.send(ctx, devices.rackStats(RackStatsQuery.of(QueryParams.given(ctx, "racks")),
                    QueryParams.refresh(ctx)));
        });
        routes.get("/auth/explorer/racks", ctx -> {
            Authentication.caller(ctx).require(SiteUseCase.MINER_READ);
            ExplorerQuery query = ExplorerQuery.of(QueryParams.given(ctx, "group"), QueryParams.given(ctx, "search"),
                    QueryParams.json(ctx, "sort"), offset(ctx), QueryParams.integer(ctx, "limit", Page.LIMIT_INVALID));
            OrkResponses.send(ctx, devices.explorerRacks(query, QueryParams.refresh(ctx)));
        });
        routes.get("/auth/list-firmwares", ctx -> OrkResponses.send(ctx,
                devices.firmwares(QueryParams.refresh(ctx))));
        routes.get("/auth/containers", ctx -> OrkResponses.send(ctx, devices.containers(
                DeviceListQuery.of(QueryParams.object(ctx, "filter"), QueryParams.object(ctx, "sort"),
                        QueryParams.object(ctx, "fields"), QueryParams.given(ctx, "search"), offset(ctx),
                        QueryParams.integer(ctx, "limit", Page.LIMIT_INVALID),
                        identity(ctx, "filter", "sort", "fields", "search", "offset", "limit")),
                QueryParams.refresh(ctx))));
        routes.get("/auth/cabinets", ctx -> OrkResponses.send(ctx, devices.cabinets(
                DeviceListQuery.of(QueryParams.object(ctx, "filter"), QueryParams.object(ctx, "sort"), null, null,
                        offset(ctx), QueryParams.integer(ctx, "limit", Page.LIMIT_INVALID),
                        identity(ctx, "filter", "sort", "offset", "limit")),
                QueryParams.refresh(ctx))));
        routes.get("/auth/cabinets/{id}", ctx -> OrkResponses.send(ctx,
                devices.cabinet(new CabinetQuery(ctx.pathParam("id")), QueryParams.refresh(ctx))));
    }

    private static Long offset(Context ctx) {
        return QueryParams.integer(ctx, "offset", Page.OFFSET_INVALID);
    }

    /** The parameters as sent (null for absent ones), for the cache key. */
    private static List<String> identity(Context ctx, String... names) {
        return Arrays.stream(names).map(n -> QueryParams.given(ctx, n)).toList();
    }
}
