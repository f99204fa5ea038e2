package io.miningos.gateway.domain.analytics.pools;

import io.miningos.gateway.domain.analytics.JsonView;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The site's pool accounts from the pool workers' {@code stats} ({@code getWrkExtData {type:"minerpool",
 * query:{key:"stats"}}}: per ORK an array of aggregated entries {@code {ts, stats:[...]}}), each account once
 * (the first report of a {@code poolType:username} wins, across entries and ORKs), and their totals.
 */
public final class PoolAccounts {

    private PoolAccounts() {
    }

    /**
     * Totals over every account (before any client filter).
     *
     * @param totalHashrateHs    H/s
     * @param totalBalanceBtc    exact sum of the balances
     */
    public record Summary(int poolCount, double totalHashrateHs, long totalWorkers, long totalActiveWorkers,
                          BigDecimal totalBalanceBtc) {
    }

    public static List<PoolAccount> read(List<JsonView> answers) {
        List<PoolAccount> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (JsonView answer : answers) {
            List<JsonView> entries = answer.isObject() ? List.of(answer) : answer.items();
            for (JsonView entry : entries) {
                JsonView stats = entry.get("stats").isMissing() ? entry.get("data") : entry.get("stats");
                List<JsonView> items = stats.isObject() ? List.of(stats) : stats.items();
                for (JsonView s : items) {
                    PoolAccount account = s.isObject() ? PoolAccount.read(s) : null;
                    if (account != null && seen.add(account.key())) {
                        out.add(account);
                    }
                }
            }
        }
        return out;
    }

    public static Summary summary(List<PoolAccount> accounts) {
        double hashrate = 0;
        long workers = 0;
        long active = 0;
        for (PoolAccount a : accounts) {
            hashrate += a.hashrateHs();
            workers += a.workerCount();
            active += a.activeWorkerCount();
        }
        return new Summary(accounts.size(), hashrate, workers, active, PoolAccount.sumBtc(accounts));
    }
}
