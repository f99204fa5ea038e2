package io.miningos.gateway.application.logs;

import io.miningos.gateway.application.logs.port.in.HistoryLogQuery;
import io.miningos.gateway.application.logs.port.in.LogsUseCase;
import io.miningos.gateway.application.logs.port.in.RangeAggrQuery;
import io.miningos.gateway.application.logs.port.in.TailLogMultiQuery;
import io.miningos.gateway.application.logs.port.in.TailLogQuery;
import io.miningos.gateway.application.ork.EntryRule;
import io.miningos.gateway.application.ork.Gathering;
import io.miningos.gateway.application.ork.MapMerge;
import io.miningos.gateway.application.ork.OrkReply;
import io.miningos.gateway.application.ork.OrkRequests;
import io.miningos.gateway.application.ork.port.GatheredAnswer;
import io.miningos.gateway.domain.ork.OrkMethod;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

public final class LogsService implements LogsUseCase {

    /** The ORK's answer as sent; a failed ORK becomes {@code {error}}. */
    static final EntryRule ANSWER_OR_ERROR = (reply, codec) -> switch (reply) {
        case OrkReply.Answered answered -> List.of(answered.answer());
        case OrkReply.Failed failed -> List.of(Map.of("error", failed.failure().clientMessage()));
    };

    private final OrkRequests orks;
    private final Clock clock;

    /** @param clock what "now" is for a range without {@code end} */
    public LogsService(OrkRequests orks, Clock clock) {
        this.orks = Objects.requireNonNull(orks, "orks");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public CompletableFuture<GatheredAnswer> tailLog(TailLogQuery query, boolean refresh) {
        query.requireAffordable(clock.millis());
        return orks.cachedRead(OrkMethod.TAIL_LOG, query.params(), Gathering.map(), refresh);
    }

    @Override
    public CompletableFuture<GatheredAnswer> tailLogMulti(TailLogMultiQuery query, boolean refresh) {
        query.requireAffordable(clock.millis());
        return orks.cachedRead(OrkMethod.TAIL_LOG_MULTI, query.params(), Gathering.map(), refresh);
    }

    @Override
    public CompletableFuture<GatheredAnswer> rangeAggr(RangeAggrQuery query, boolean refresh) {
        return orks.cachedRead(OrkMethod.TAIL_LOG_CUSTOM_RANGE_AGGR, Map.of("keys", query.keys()),
                Gathering.eachOfAnswers(ANSWER_OR_ERROR), refresh);
    }

    @Override
    public CompletableFuture<GatheredAnswer> historyLog(HistoryLogQuery query, boolean refresh) {
        // The ORK concatenates its racks' logs and sorts them when asked: merged the same way.
        return orks.cachedRead(OrkMethod.GET_HISTORICAL_LOGS, query.params(),
                Gathering.map(MapMerge.concatSorted(query.params().get("sort"))), refresh);
    }
}
