package io.miningos.gateway.domain.analytics.pools;

import io.miningos.gateway.domain.analytics.JsonView;
import io.miningos.gateway.domain.analytics.Sats;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One pool account as the pool worker reports it ({@code stats} entry, docs/ORK.md §10.7). Hashrates are the pool's,
 * in <b>H/s</b>; amounts in BTC, kept exact.
 *
 * @param pool              pool type ({@code f2pool}, {@code ocean})
 * @param account           the account's user name
 * @param hashrateHs        current hashrate (H/s)
 * @param hashrate1hHs      1-hour average (H/s)
 * @param hashrate24hHs     24-hour average (H/s)
 * @param workerCount       workers known to the pool
 * @param activeWorkerCount workers hashing now
 * @param balance           unpaid balance
 * @param unsettled         earned but not yet settled
 * @param revenue24h        earned in the last 24 hours ({@code revenue_24h}, else {@code estimated_today_income})
 * @param yearlyBalances    {@code [{month: "6-2026", balance}]} as reported (balance in BTC)
 * @param lastUpdated       when the pool reported, epoch ms, or null
 */
public record PoolAccount(String pool, String account, double hashrateHs, double hashrate1hHs, double hashrate24hHs,
                          long workerCount, long activeWorkerCount, Sats balance, Sats unsettled, Sats revenue24h,
                          List<Map<String, Object>> yearlyBalances, Long lastUpdated) {

    public PoolAccount {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(account, "account");
        yearlyBalances = List.copyOf(yearlyBalances);
    }

    /** {@code active} while some worker hashes, else {@code inactive} (the Node gateway said active always). */
    public String status() {
        return activeWorkerCount > 0 ? "active" : "inactive";
    }

    /** The identity of an account across ORKs and entries. */
    public String key() {
        return pool + ":" + account;
    }

    /**
     * Reads one {@code stats} element; null when it has neither a pool type nor a user name. Numbers that are
     * missing or not numbers read as 0 (a pool that reports no balance has none to show).
     */
    static PoolAccount read(JsonView s) {
        String pool = s.get("poolType").asText();
        String account = s.get("username").asText();
        if (pool == null && account == null) {
            return null;
        }
        JsonView revenue = s.get("revenue_24h").asDecimal() != null ? s.get("revenue_24h")
                : s.get("estimated_today_income");
        List<Map<String, Object>> yearly = new ArrayList<>();
        for (JsonView y : s.get("yearlyBalances").items()) {
            Sats balance = Sats.ofBtc(y.get("balance").asDecimal());
            if (y.get("month").asText() != null && balance != null) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("month", y.get("month").asText());
                m.put("balance", balance.toBtc());
                yearly.add(m);
            }
        }
        return new PoolAccount(pool == null ? "" : pool, account == null ? "" : account,
                nonNegative(s.get("hashrate")), nonNegative(s.get("hashrate_1h")),
                nonNegative(s.get("hashrate_24h")), count(s.get("worker_count")), count(s.get("active_workers_count")),
                btc(s.get("balance")), btc(s.get("unsettled")), btc(revenue), yearly,
                s.get("timestamp").asEpochMillis());
    }

    private static double nonNegative(JsonView v) {
        double d = v.asDouble(0);
        return d < 0 ? 0 : d;
    }

    private static long count(JsonView v) {
        Long n = v.asLong();
        return n == null || n < 0 ? 0 : n;
    }

    private static Sats btc(JsonView v) {
        Sats s = Sats.ofBtc(v.asDecimal());
        return s == null ? Sats.ZERO : s;
    }

    /**
     * The account as the {@code /auth/pools} list shows it (the names the Node gateway used; a client's filter,
     * sort and projection refer to them): {@code name, pool, account, status, hashrate, hashrate1h, hashrate24h}
     * (H/s, whole: a JSON writer would print large doubles with an exponent), {@code workerCount,
     * activeWorkerCount, balance, unsettled, revenue24h} (BTC), {@code yearlyBalances, lastUpdated}.
     */
    public Map<String, Object> toDocument() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", account.isEmpty() ? pool : account);
        d.put("pool", pool);
        d.put("account", account);
        d.put("status", status());
        d.put("hashrate", Math.round(hashrateHs));
        d.put("hashrate1h", Math.round(hashrate1hHs));
        d.put("hashrate24h", Math.round(hashrate24hHs));
        d.put("workerCount", workerCount);
        d.put("activeWorkerCount", activeWorkerCount);
        d.put("balance", balance.toBtc());
        d.put("unsettled", unsettled.toBtc());
        d.put("revenue24h", revenue24h.toBtc());
        d.put("yearlyBalances", yearlyBalances);
        d.put("lastUpdated", lastUpdated);
        return d;
    }

    static BigDecimal sumBtc(List<PoolAccount> accounts) {
        Sats total = Sats.ZERO;
        for (PoolAccount a : accounts) {
            total = total.plus(a.balance);
        }
        return total.toBtc();
    }
}
