package io.miningos.gateway.application.logs;

import io.miningos.gateway.application.logs.port.in.HistoryLogQuery;
import io.miningos.gateway.application.logs.port.in.LogsUseCase;
import io.miningos.gateway.application.logs.port.in.RangeAggrQuery;
import io.miningos.gateway.application.logs.port.in.TailLogMultiQuery;
import io.miningos.gateway.application.logs.port.in.TailLogQuery;
import io.miningos.gateway.application.ork.EntryRule;
import io.miningos.gateway.application.ork.Gathering;
import io.miningos.gateway.application.ork.OrkReply;
import io.miningos.gateway.application.ork.OrkRequests;
import io.miningos.gateway.application.ork.port.GatheredAnswer;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

public final class LogsService implements LogsUseCase {

    public static final String TAIL_LOG = "/auth/tail-log";
    public static final String TAIL_LOG_MULTI = "/auth/tail-log/multi";
    public static final String RANGE_AGGR = "/auth/tail-log/range-aggr";
    public static final String HISTORY_LOG = "/auth/history-log";

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
        return orks.cachedRead(TAIL_LOG, "tailLog", query.params(), Gathering.map(), refresh);
    }

    @Override
    public CompletableFuture<GatheredAnswer> tailLogMulti(TailLogMultiQuery query, boolean refresh) {
        query.requireAffordable(clock.millis());
        return orks.cachedRead(TAIL_LOG_MULTI, "tailLogMulti", query.params(), Gathering.map(), refresh);
    }

    @Override
    public CompletableFuture<GatheredAnswer> rangeAggr(RangeAggrQuery query, boolean refresh) {
        return orks.cachedRead(RANGE_AGGR, "tailLogCustomRangeAggr", Map.of("keys", query.keys()),
                Gathering.eachOfAnswers(ANSWER_OR_ERROR), refresh);
    }

    @Override
    public CompletableFuture<GatheredAnswer> historyLog(HistoryLogQuery query, boolean refresh) {
        return orks.cachedRead(HISTORY_LOG, "getHistoricalLogs", query.params(), Gathering.map(), refresh);
    }
}
