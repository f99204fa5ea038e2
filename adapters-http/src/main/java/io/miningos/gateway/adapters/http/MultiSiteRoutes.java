package io.miningos.gateway.adapters.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.miningos.gateway.application.multisite.port.in.CostsEntry;
import io.miningos.gateway.application.multisite.port.in.MultiSiteQuery;
import io.miningos.gateway.application.multisite.port.in.MultiSiteUseCase;
import io.miningos.gateway.application.multisite.port.in.MultiSiteUseCase.BtcData;
import io.miningos.gateway.application.multisite.port.in.MultiSiteUseCase.Downtime;
import io.miningos.gateway.application.multisite.port.in.MultiSiteUseCase.Operation;
import io.miningos.gateway.domain.caller.Caller;

/**
 * The routes of the UI's multi-site views (central gateway only, {@code common.json: multiSite}): {@code revenue},
 * {@code costs/production-price}, {@code costs/operational-energy}, {@code production-costs} (GET, POST),
 * {@code operations/{hashrate,consumption,efficiency,workers}}, {@code downtime}, {@code downtime/curtailment},
 * {@code downtime/operationalIssues}, {@code btcData/{price,hashrate,hashprice,current}} and {@code reports}. Reads
 * take {@code startDate}, {@code endDate} ({@code yyyy-MM-dd}), {@code regions} (a JSON array of upper-cased site
 * ids; all sites when absent), {@code period}, {@code overwriteCache}; {@code groupByRegion} is accepted and
 * ignored (every answer is the superset both kinds of readers take). A token is enough to read; writing a site's
 * production costs needs {@value MultiSiteUseCase#COSTS_PERMISSION}.
 */
public final class MultiSiteRoutes implements RouteGroup {

    private final MultiSiteUseCase sites;

    public MultiSiteRoutes(MultiSiteUseCase sites) {
        this.sites = sites;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/auth/revenue", ctx -> SiteResponses.send(ctx, sites.revenue(query(ctx), refresh(ctx))));
        routes.get("/auth/costs/production-price", ctx -> SiteResponses.send(ctx,
                sites.productionPrice(query(ctx), refresh(ctx))));
        routes.get("/auth/costs/operational-energy", ctx -> SiteResponses.send(ctx,
                sites.operationalEnergy(query(ctx), refresh(ctx))));
        routes.get("/auth/production-costs", ctx -> SiteResponses.send(ctx,
                sites.productionCosts(QueryParams.given(ctx, "region"))));
        routes.post("/auth/production-costs", this::saveCosts);
        routes.get("/auth/operations/hashrate", ctx -> operations(ctx, Operation.HASHRATE));
        routes.get("/auth/operations/consumption", ctx -> operations(ctx, Operation.CONSUMPTION));
        routes.get("/auth/operations/efficiency", ctx -> operations(ctx, Operation.EFFICIENCY));
        routes.get("/auth/operations/workers", ctx -> operations(ctx, Operation.WORKERS));
        routes.get("/auth/downtime", ctx -> downtime(ctx, Downtime.ALL));
        routes.get("/auth/downtime/curtailment", ctx -> downtime(ctx, Downtime.CURTAILMENT));
        routes.get("/auth/downtime/operationalIssues", ctx -> downtime(ctx, Downtime.OPERATIONAL_ISSUES));
        routes.get("/auth/btcData/price", ctx -> btcData(ctx, BtcData.PRICE));
        routes.get("/auth/btcData/hashrate", ctx -> btcData(ctx, BtcData.HASHRATE));
        routes.get("/auth/btcData/hashprice", ctx -> btcData(ctx, BtcData.HASHPRICE));
        routes.get("/auth/btcData/current", ctx -> btcData(ctx, BtcData.CURRENT));
        routes.get("/auth/reports", ctx -> SiteResponses.send(ctx, sites.reports(query(ctx), refresh(ctx))));
    }

    private void operations(Context ctx, Operation operation) {
        SiteResponses.send(ctx, sites.operations(operation, query(ctx), refresh(ctx)));
    }

    private void downtime(Context ctx, Downtime view) {
        SiteResponses.send(ctx, sites.downtime(view, query(ctx), refresh(ctx)));
    }

    private void btcData(Context ctx, BtcData view) {
        SiteResponses.send(ctx, sites.btcData(view, query(ctx), refresh(ctx)));
    }

    private void saveCosts(Context ctx) {
        Caller caller = Authentication.caller(ctx);
        caller.require(MultiSiteUseCase.COSTS_PERMISSION);
        SiteResponses.send(ctx, sites.saveProductionCosts(CostsEntry.of(JsonBodies.object(ctx))));
    }

    private MultiSiteQuery query(Context ctx) {
        return MultiSiteQuery.of(QueryParams.given(ctx, "startDate"), QueryParams.given(ctx, "endDate"),
                QueryParams.json(ctx, "regions"), QueryParams.given(ctx, "period"), sites.regions());
    }

    private static boolean refresh(Context ctx) {
        return QueryParams.refresh(ctx);
    }
}
