package io.miningos.gateway.application.logs.port.in;

import io.miningos.gateway.application.ork.port.GatheredAnswer;

import java.util.concurrent.CompletableFuture;

/** Time series and history from every ORK; all cached, {@code refresh} is {@code overwriteCache=true}. */
public interface LogsUseCase {

    /** One slot per ORK: that ORK's aggregated entries. */
    CompletableFuture<GatheredAnswer> tailLog(TailLogQuery query, boolean refresh);

    /** One slot per ORK: one entry array per requested key. */
    CompletableFuture<GatheredAnswer> tailLogMulti(TailLogMultiQuery query, boolean refresh);

    /** One entry per ORK: its per-key results, or {@code {error}} for an ORK that failed. */
    CompletableFuture<GatheredAnswer> rangeAggr(RangeAggrQuery query, boolean refresh);

    /** One slot per ORK: its history entries. */
    CompletableFuture<GatheredAnswer> historyLog(HistoryLogQuery query, boolean refresh);
}
