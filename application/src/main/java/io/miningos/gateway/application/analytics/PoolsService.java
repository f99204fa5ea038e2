package io.miningos.gateway.application.analytics;

import io.miningos.gateway.application.analytics.port.in.BalanceHistoryQuery;
import io.miningos.gateway.application.analytics.port.in.PoolsQuery;
import io.miningos.gateway.application.analytics.port.in.PoolsUseCase;
import io.miningos.gateway.application.ork.OrkCall;
import io.miningos.gateway.application.ork.OrkRequests;
import io.miningos.gateway.application.ork.port.GatheredAnswer;
import io.miningos.gateway.domain.analytics.UtcCalendar;
import io.miningos.gateway.domain.analytics.finance.PoolDay;
import io.miningos.gateway.domain.analytics.finance.PoolTransactions;
import io.miningos.gateway.domain.analytics.pools.BalanceHistory;
import io.miningos.gateway.domain.analytics.pools.PoolAccount;
import io.miningos.gateway.domain.analytics.pools.PoolAccounts;
import io.miningos.gateway.domain.ork.OrkMethod;
import io.miningos.gateway.query.DocumentQuery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * {@code /auth/pools} (the accounts of every pool rack of every ORK, each {@code poolType:username} once, filtered,
 * sorted and projected by the gateway's query engine) and {@code /auth/pools/:pool/balance-history} (the pool's
 * daily revenue transactions in calendar buckets).
 */
public final class PoolsService implements PoolsUseCase {

    public static final String POOLS = "/auth/pools";
    public static final String BALANCE_HISTORY = "/auth/pools/:pool/balance-history";

    private final OrkRequests orks;

    public PoolsService(OrkRequests orks) {
        this.orks = Objects.requireNonNull(orks, "orks");
    }

    @Override
    public CompletableFuture<GatheredAnswer> pools(PoolsQuery query, boolean refresh) {
        OrkCall stats = new OrkCall(OrkMethod.GET_WRK_EXT_DATA, Map.of("type", "minerpool", "query",
                Map.of("key", "stats")));
        return orks.cachedCompute(POOLS, query.identity(), refresh, List.of(stats), replies -> {
            List<PoolAccount> accounts = PoolAccounts.read(replies.getFirst().answers());
            List<Object> documents = new ArrayList<>(accounts.size());
            accounts.forEach(a -> documents.add(a.toDocument()));
            List<Object> shown = DocumentQuery.of(query.filter(), query.projection(), query.sort(), 0,
                    DocumentQuery.UNLIMITED).run(documents);
            PoolAccounts.Summary s = PoolAccounts.summary(accounts);
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("poolCount", s.poolCount());
            summary.put("totalHashrate", Math.round(s.totalHashrateHs()));
            summary.put("totalWorkers", s.totalWorkers());
            summary.put("totalActiveWorkers", s.totalActiveWorkers());
            summary.put("totalBalance", s.totalBalanceBtc());
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("pools", shown);
            out.put("summary", summary);
            return out;
        });
    }

    @Override
    public CompletableFuture<GatheredAnswer> balanceHistory(BalanceHistoryQuery query, boolean refresh) {
        Map<String, Object> transactions = new LinkedHashMap<>();
        transactions.put("key", "transactions");
        transactions.put("start", query.range().start());
        transactions.put("end", query.range().end());
        OrkCall call = new OrkCall(OrkMethod.GET_WRK_EXT_DATA, Map.of("type",
                query.pool() == null ? "minerpool" : "minerpool-" + query.pool(), "query", transactions));
        return orks.cachedCompute(BALANCE_HISTORY, query.identity(), refresh, List.of(call), replies -> {
            // a transaction counts for the day it was mined, which may lie before the range its entry is in
            Map<Long, PoolDay> days = new TreeMap<>(PoolTransactions.daily(replies.getFirst().answers()));
            long first = UtcCalendar.dayStart(query.range().start());
            days.keySet().removeIf(day -> day < first || day > query.range().end());
            List<Object> log = new ArrayList<>();
            for (BalanceHistory.Point p : BalanceHistory.points(days, query.bucket())) {
                Map<String, Object> point = new LinkedHashMap<>();
                point.put("ts", p.ts());
                point.put("revenueBTC", p.revenueBtc());
                point.put("cumulativeRevenueBTC", p.cumulativeRevenueBtc());
                point.put("hashrateHs", p.hashrateHs() == null ? null : Math.round(p.hashrateHs()));
                log.add(point);
            }
            return Map.of("log", log);
        });
    }
}
