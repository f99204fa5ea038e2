package io.miningos.gateway.application.analytics.port.in;

import io.miningos.gateway.application.ork.port.GatheredAnswer;
import io.miningos.gateway.domain.identity.Permission;

import java.util.concurrent.CompletableFuture;

/**
 * The site's live state: the header snapshot, the power chart, the overview by group and rack, and (with a central
 * DCS) the site's efficiency by power meter. Cached; each answer is computed from every ORK that answered.
 */
public interface SiteUseCase {

    /** What the group overview and the efficiency page need (a token is enough for the others). */
    Permission MINER_READ = Permission.declared("miner:r");

    /**
     * {@code {hashrate:{valueMhs, nominalMhs, utilizationPct}, power:{valueW, nominalW, utilizationPct, alert, error},
     * efficiencyWThs, miners:{online, offline, error, notMining, total, containerCapacity}, alerts:{critical, high,
     * medium, total}, pools:{totalHashrateMhs, activeWorkers, totalWorkers}, ts}}.
     */
    CompletableFuture<GatheredAnswer> statusLive(boolean refresh);

    /** {@code {log:[{ts, valueW}], summary:{minW, maxW, avgW, currentW}}}. */
    CompletableFuture<GatheredAnswer> powerConsumption(PowerConsumptionQuery query, boolean refresh);

    /** {@code {groups:[{id, name, summary, racks, status}]}}. */
    CompletableFuture<GatheredAnswer> overviewGroups(boolean refresh);

    /**
     * {@code {summary:{site_efficiency, mining_efficiency, total_consumption, ca_overhead}, efficiency_per_meter,
     * consumption_breakdown}}; 501 {@code ERR_FEATURE_NOT_ENABLED} without a central DCS, 404
     * {@code ERR_DCS_DATA_NOT_FOUND} when no ORK has the DCS thing.
     */
    CompletableFuture<GatheredAnswer> efficiency(boolean refresh);
}
