package io.miningos.gateway.application.multisite.port.in;

import io.miningos.gateway.application.multisite.port.FederatedAnswer;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The multi-site views' routes, computed from the sites' own gateways. Every read answers the sites that answered
 * (the others' blocks marked {@code missing} and listed in {@code errors}, and in the answer's failures for
 * {@code X-Site-Failures}); when no requested site answered it fails with
 * {@link io.miningos.gateway.application.multisite.SitesUnavailableException}.
 */
public interface MultiSiteUseCase {

    /** Permission needed to write a site's production costs through this gateway. */
    String COSTS_PERMISSION = "production:w";

    /** The sites' regions (upper-cased ids), in configuration order: a request's default {@code regions}. */
    List<String> regions();

    CompletableFuture<FederatedAnswer> revenue(MultiSiteQuery query, boolean refresh);

    CompletableFuture<FederatedAnswer> productionPrice(MultiSiteQuery query, boolean refresh);

    CompletableFuture<FederatedAnswer> operationalEnergy(MultiSiteQuery query, boolean refresh);

    CompletableFuture<FederatedAnswer> operations(Operation operation, MultiSiteQuery query, boolean refresh);

    CompletableFuture<FederatedAnswer> downtime(Downtime view, MultiSiteQuery query, boolean refresh);

    CompletableFuture<FederatedAnswer> btcData(BtcData view, MultiSiteQuery query, boolean refresh);

    CompletableFuture<FederatedAnswer> reports(MultiSiteQuery query, boolean refresh);

    /** {@code GET production-costs?region=}: the site's stored months, oldest first. */
    CompletableFuture<FederatedAnswer> productionCosts(String region);

    /** {@code POST production-costs}: written to the site's gateway. */
    CompletableFuture<FederatedAnswer> saveProductionCosts(CostsEntry entry);

    /** The four {@code operations/*} routes. */
    enum Operation { HASHRATE, CONSUMPTION, EFFICIENCY, WORKERS }

    /** {@code downtime}, {@code downtime/curtailment}, {@code downtime/operationalIssues}. */
    enum Downtime { ALL, CURTAILMENT, OPERATIONAL_ISSUES }

    /** {@code btcData/price}, {@code /hashrate}, {@code /hashprice}, {@code /current}. */
    enum BtcData { PRICE, HASHRATE, HASHPRICE, CURRENT }
}
