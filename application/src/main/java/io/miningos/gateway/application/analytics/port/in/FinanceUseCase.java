package io.miningos.gateway.application.analytics.port.in;

import io.miningos.gateway.application.ork.port.GatheredAnswer;

import java.util.concurrent.CompletableFuture;

/**
 * The site's finances over a range, computed from the ORKs' daily data (site meter and miners, pool revenue,
 * mempool prices and blocks, electricity) and the production costs entered here: {@code {log:[bucket...],
 * summary}} per {@link FinanceReport} (docs/analytics-design.md §4.1, README "Finance"). Cached per route and
 * parameters; an ORK that failed a read is reported and the others' data stands. A token is enough to read.
 */
public interface FinanceUseCase {

    CompletableFuture<GatheredAnswer> report(FinanceQuery query, boolean refresh);
}
