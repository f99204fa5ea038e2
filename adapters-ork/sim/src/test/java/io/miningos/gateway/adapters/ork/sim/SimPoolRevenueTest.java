package io.miningos.gateway.adapters.ork.sim;

import io.miningos.gateway.adapters.ork.sim.ext.BitcoinNetwork;
import io.miningos.gateway.adapters.ork.sim.site.PoolAccount;
import io.miningos.gateway.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.miningos.gateway.adapters.ork.sim.SimJson.list;
import static io.miningos.gateway.adapters.ork.sim.SimJson.longOf;
import static io.miningos.gateway.adapters.ork.sim.SimJson.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pool racks pay what the site's hashrate earns on the simulated network, and their account stats add up to
 * their own transactions (docs/analytics-design.md §6.2): {@code yearlyBalances} = Σ of the month's transactions to
 * the satoshi, {@code revenue_24h} = the last complete day. Transaction shapes are the ones the UI's
 * {@code calculateTransactionSum} and the gateway's {@code PoolTransactions} read.
 */
class SimPoolRevenueTest {

    private static final long DAY = 86_400_000L;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-20T10:17:31Z"));
    private final SimOrk ork = ork();

    private SimOrk ork() {
        return new SimOrk(SimOptions.parse("c", Map.of("seed", 1, "miners", 250, "persist", false)), clock, null);
    }

    private static long sats(Object btc) {
        return Math.round(((Number) btc).doubleValue() * 1e8);
    }

    private List<Object> ext(Map<String, Object> query) {
        return list(ork.handle("getWrkExtData", Map.of("type", "minerpool", "query", query)));
    }

    /** Each pool account's transactions of the range, keyed by username, in day order. */
    private Map<String, List<Map<String, Object>>> transactions(long start, long end) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        for (Object entry : ext(Map.of("key", "transactions", "start", start, "end", end))) {
            for (Object tx : list(map(entry).get("transactions"))) {
                out.computeIfAbsent((String) map(tx).get("username"), k -> new java.util.ArrayList<>()).add(map(tx));
            }
        }
        return out;
    }

    private List<Map<String, Object>> stats() {
        return list(map(ext(Map.of("key", "stats")).get(0)).get("stats")).stream().map(SimJson::map)
                .toList();
    }

    private PoolAccount account(String poolType) {
        return ork.site().pools().stream().filter(p -> p.poolType().equals(poolType)).findFirst().orElseThrow();
    }

    @Test
    void transactionsHaveThePoolsShapes() {
        long today = clock.millis() - clock.millis() % DAY;
        Map<String, List<Map<String, Object>>> txs = transactions(today - 3 * DAY, clock.millis());
        List<Map<String, Object>> f2pool = txs.get(account("f2pool").username());
        assertEquals(3, f2pool.size(), "one per complete day; today is not paid yet");
        for (Map<String, Object> tx : f2pool) {
            assertEquals(List.of("username", "id", "type", "changed_balance", "created_at", "mining_extra",
                    "payout_extra"), List.copyOf(tx.keySet()), "no satoshis_net_earned: the UI reads changed_balance");
            assertEquals("revenue_fpps", tx.get("type"));
            Map<String, Object> extra = map(tx.get("mining_extra"));
            assertEquals(List.of("mining_date", "settle_date", "pps", "pps_fee_rate", "tx_fee", "tx_fee_rate",
                    "hash_rate"), List.copyOf(extra.keySet()));
            assertEquals(sats(tx.get("changed_balance")), sats(extra.get("pps")) + sats(extra.get("tx_fee")),
                    "FPPS pays the subsidy share (pps) plus the block-fee share (tx_fee)");
            assertEquals(longOf(extra.get("mining_date")) + 86_400, longOf(tx.get("created_at")), "seconds");
            double btc = ((Number) tx.get("changed_balance")).doubleValue();
            assertEquals(btc, Math.round(btc * 1e8) / 1e8, 0.0, "whole satoshis");
        }
        List<Map<String, Object>> ocean = txs.get(account("ocean").username());
        assertEquals(3, ocean.size());
        for (Map<String, Object> tx : ocean) {
            assertEquals(List.of("username", "id", "satoshis_net_earned", "fees_colected_satoshis", "created_at",
                    "mining_extra"), List.copyOf(tx.keySet()));
            assertTrue(longOf(tx.get("satoshis_net_earned")) > 0);
            assertEquals(longOf(tx.get("satoshis_net_earned")) + longOf(tx.get("fees_colected_satoshis")),
                    Math.round(longOf(tx.get("fees_colected_satoshis")) / 0.02), 60, "a 2 % fee");
        }
        assertEquals(List.of(today - 3 * DAY, today - 2 * DAY, today - DAY), ext(Map.of("key", "transactions",
                "start", today - 3 * DAY, "end", clock.millis())).stream().map(e -> Long.parseLong((String) map(e)
                .get("ts"))).toList(), "one ORK entry per UTC day, its ts a string");
    }

    @Test
    void aDaysRevenueIsTheAccountsShareOfTheNetwork() {
        long day = clock.millis() - clock.millis() % DAY - 2 * DAY;
        Map<String, Object> tx = transactions(day, day + DAY - 1).get(account("f2pool").username()).get(0);
        double hashrate = ((Number) map(tx.get("mining_extra")).get("hash_rate")).doubleValue();
        long mid = day + DAY / 2;
        double expected = hashrate / BitcoinNetwork.hashrateHs(mid) * 144 * (BitcoinNetwork.subsidySats(
                BitcoinNetwork.height(mid)) + BitcoinNetwork.dayFeesSats(day)) * 0.98;
        assertEquals(expected, sats(tx.get("changed_balance")), 3, "hashrate share × the day's blocks, less 2 %");
        // the account's hashrate is its miners': about the pool's own 24 h figure
        Map<String, Object> f2 = stats().stream().filter(s -> s.get("poolType").equals("f2pool")).findFirst()
                .orElseThrow();
        double h24 = ((Number) f2.get("hashrate_24h")).doubleValue();
        assertTrue(hashrate > 0.8 * h24 && hashrate < 1.2 * h24, hashrate + " H/s vs the pool's " + h24);
        assertTrue(sats(tx.get("changed_balance")) > 100_000, "a site of 250 miners earns more than 0.001 BTC a day");
    }

    @Test
    void yearlyBalancesAreExactlyTheSumOfEachMonthsTransactions() {
        ZonedDateTime thisMonth = Instant.ofEpochMilli(clock.millis()).atZone(ZoneOffset.UTC).withDayOfMonth(1)
                .toLocalDate().atStartOfDay(ZoneOffset.UTC);
        long yearAgo = thisMonth.minusMonths(11).toInstant().toEpochMilli();
        Map<String, List<Map<String, Object>>> txs = transactions(yearAgo, clock.millis());
        for (Map<String, Object> account : stats()) {
            String user = (String) account.get("username");
            boolean ocean = account.get("poolType").equals("ocean");
            Map<String, Long> byMonth = new LinkedHashMap<>();
            for (Map<String, Object> tx : txs.get(user)) {
                ZonedDateTime d = Instant.ofEpochSecond(longOf(map(tx.get("mining_extra")).get("mining_date")))
                        .atZone(ZoneOffset.UTC);
                byMonth.merge(d.getMonthValue() + "-" + d.getYear(), ocean ? longOf(tx.get("satoshis_net_earned"))
                        : sats(tx.get("changed_balance")), Long::sum);
            }
            List<Object> yearly = list(account.get("yearlyBalances"));
            assertEquals(12, yearly.size());
            assertEquals(thisMonth.getMonthValue() + "-" + thisMonth.getYear(), map(yearly.get(0)).get("month"));
            for (Object o : yearly) {
                Map<String, Object> m = map(o);
                assertEquals(byMonth.getOrDefault((String) m.get("month"), 0L), sats(m.get("balance")),
                        user + " " + m.get("month"));
            }
            long lastDay = clock.millis() - clock.millis() % DAY - DAY;
            Map<String, Object> last = txs.get(user).get(txs.get(user).size() - 1);
            assertEquals(lastDay / 1000, longOf(map(last.get("mining_extra")).get("mining_date")));
            assertEquals(ocean ? longOf(last.get("satoshis_net_earned")) : sats(last.get("changed_balance")),
                    sats(account.get("revenue_24h")), "revenue_24h is the last complete day");
            assertTrue(sats(account.get("estimated_today_income")) > 0);
        }
    }

    @Test
    void figuresAreTheSameOnEveryReadAndFromTheSameSeed() {
        long today = clock.millis() - clock.millis() % DAY;
        Map<String, Object> query = Map.of("key", "transactions", "start", today - 40 * DAY, "end", clock.millis());
        List<Object> first = ext(query);
        assertEquals(first, ext(query));
        assertEquals(first, list(ork().handle("getWrkExtData", Map.of("type", "minerpool", "query", query))));
        List<Map<String, Object>> ocean = transactions(today - 40 * DAY, clock.millis())
                .get(account("ocean").username());
        assertNotEquals(ocean.get(0).get("satoshis_net_earned"), ocean.get(1).get("satoshis_net_earned"),
                "Ocean's luck changes from day to day");
        List<Object> yearly = list(stats().get(0).get("yearlyBalances"));
        clock.advance(java.time.Duration.ofHours(3));
        assertEquals(yearly.subList(1, 12), list(stats().get(0).get("yearlyBalances")).subList(1, 12),
                "closed months never change");
    }
}
