package io.miningos.gateway.application.analytics.port.in;

import io.miningos.gateway.application.ork.port.GatheredAnswer;

import java.util.concurrent.CompletableFuture;

/**
 * The site's pool accounts and what they earned, from the pool workers ({@code getWrkExtData minerpool}), each
 * account once across ORKs. Cached; a token is enough to read.
 */
public interface PoolsUseCase {

    /** {@code {pools:[account], summary:{poolCount, totalHashrate, totalWorkers, totalActiveWorkers, totalBalance}}}. */
    CompletableFuture<GatheredAnswer> pools(PoolsQuery query, boolean refresh);

    /** {@code {log:[{ts, revenueBTC, cumulativeRevenueBTC, hashrateHs}]}}, oldest first. */
    CompletableFuture<GatheredAnswer> balanceHistory(BalanceHistoryQuery query, boolean refresh);
}
