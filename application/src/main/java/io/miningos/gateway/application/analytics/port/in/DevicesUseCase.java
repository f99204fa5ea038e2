package io.miningos.gateway.application.analytics.port.in;

import io.miningos.gateway.application.ork.port.GatheredAnswer;

import java.util.concurrent.CompletableFuture;

/**
 * The site's devices as lists the gateway filters, sorts and pages itself over every ORK's things: miners, the
 * racks of the miner groups and the explorer ({@code miner:r}, {@link SiteUseCase#MINER_READ}), firmwares,
 * containers and LV cabinets (a token). Cached.
 */
public interface DevicesUseCase {

    /** {@code {data:[miner view], totalCount, offset, limit, hasMore}}. */
    CompletableFuture<GatheredAnswer> miners(MinersQuery query, boolean refresh);

    /** {@code {data:[rack], totalCount}}: the asked racks with their live figures, in layout order. */
    CompletableFuture<GatheredAnswer> rackStats(RackStatsQuery query, boolean refresh);

    /** {@code {data:[rack], totalCount, offset, limit, hasMore}}. */
    CompletableFuture<GatheredAnswer> explorerRacks(ExplorerQuery query, boolean refresh);

    /** {@code [{name, file, id}]}: every ORK's firmwares, each id once. */
    CompletableFuture<GatheredAnswer> firmwares(boolean refresh);

    /** {@code {containers:[thing], total}}. */
    CompletableFuture<GatheredAnswer> containers(DeviceListQuery query, boolean refresh);

    /** {@code {cabinets:[{id, devices, type:"cabinet"}], total}}. */
    CompletableFuture<GatheredAnswer> cabinets(DeviceListQuery query, boolean refresh);

    /** {@code {cabinet:{id, devices, type}}}; 404 {@code ERR_CABINET_NOT_FOUND}. */
    CompletableFuture<GatheredAnswer> cabinet(CabinetQuery query, boolean refresh);
}
