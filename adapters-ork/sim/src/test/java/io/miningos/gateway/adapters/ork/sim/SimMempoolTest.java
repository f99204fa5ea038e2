package io.miningos.gateway.adapters.ork.sim;

import io.miningos.gateway.adapters.ork.sim.ext.BitcoinNetwork;
import io.miningos.gateway.adapters.ork.sim.ext.MempoolData;
import io.miningos.gateway.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.miningos.gateway.adapters.ork.sim.SimJson.list;
import static io.miningos.gateway.adapters.ork.sim.SimJson.map;
import static io.miningos.gateway.adapters.ork.sim.SimJson.num;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mempool rack answers what the real UI and the analytics routes read ({@code useCurrentBTCPrice},
 * {@code useHistoricalBTCPrices}, {@code SubsidyFee}, {@code hashRevenueCostHelpers}; docs/analytics-design.md
 * §6.1), in the mempool worker's units, the same on every ORK and at every read.
 */
class SimMempoolTest {

    private static final long DAY = 86_400_000L;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-20T10:17:31Z"));
    private final SimOrk ork = ork(3);

    private SimOrk ork(long seed) {
        return new SimOrk(SimOptions.parse("c", Map.of("seed", seed, "miners", 60, "persist", false)), clock, null);
    }

    private List<Object> read(Map<String, Object> query) {
        return list(ork.handle("getWrkExtData", Map.of("type", "mempool", "query", query)));
    }

    private static long day(String date) {
        return Instant.parse(date + "T00:00:00Z").toEpochMilli();
    }

    @Test
    void theLiveObjectHasEveryFieldTheUiReadsInTheWorkersUnits() {
        List<Object> answer = list(ork.handle("getWrkExtData", Map.of("type", "mempool")));
        assertEquals(1, answer.size(), "one mempool rack, its object passed on as is");
        Map<String, Object> m = map(answer.get(0));
        assertEquals(List.of("currentPrice", "priceChange24Hrs", "blockHeight", "adjustments", "currentHashrate",
                "currentDifficulty", "blockRewardAvgs", "transactionFees"), List.copyOf(m.keySet()));
        double price = num(m.get("currentPrice"));
        assertTrue(price > 20_000 && price < 500_000, "USD per BTC: " + price);
        assertTrue(Math.abs(num(m.get("priceChange24Hrs"))) < 30, "percent: " + m.get("priceChange24Hrs"));
        long height = ((Number) m.get("blockHeight")).longValue();
        assertEquals(BitcoinNetwork.height(clock.millis() - clock.millis() % 1_800_000L), height);
        Map<String, Object> adj = map(m.get("adjustments"));
        assertEquals(Set.of("progressToDifficulty", "nextAdjustmentTs", "nextAdjustmentExp", "prevAdjustment",
                "avgBlockTime"), adj.keySet());
        assertEquals((height % 2016) * 100.0 / 2016, num(adj.get("progressToDifficulty")), 1e-3);
        long next = ((Number) adj.get("nextAdjustmentTs")).longValue();
        assertTrue(next > clock.millis() && next < clock.millis() + 16 * DAY, "ms of the next retarget: " + next);
        assertTrue(num(adj.get("avgBlockTime")) > 7 && num(adj.get("avgBlockTime")) < 13, "minutes");
        double hashrate = num(m.get("currentHashrate"));
        assertTrue(hashrate > 3e20 && hashrate < 1e22, "H/s: " + hashrate);
        double difficulty = num(m.get("currentDifficulty"));
        assertEquals(hashrate * 600 / Math.pow(2, 32), difficulty, difficulty * 0.2, "difficulty ≈ H/s × 600 / 2³²");
        Map<String, Object> rewards = map(m.get("blockRewardAvgs"));
        assertEquals(List.of("24h", "3d", "1w", "1m", "3m", "6m", "1y", "2y", "3y"), List.copyOf(rewards.keySet()));
        double lastDay = num(rewards.get("24h"));
        assertTrue(lastDay > 3.125 && lastDay < 3.5, "BTC per block, subsidy 3.125 + fees: " + lastDay);
        assertTrue(num(rewards.get("3y")) > num(rewards.get("1y")), "three years reach back before the halving");
        Map<String, Object> fees = map(m.get("transactionFees"));
        assertEquals(List.of("fastest", "halfHour", "hour"), List.copyOf(fees.keySet()));
        assertTrue(num(fees.get("fastest")) >= num(fees.get("halfHour"))
                && num(fees.get("halfHour")) >= num(fees.get("hour")) && num(fees.get("hour")) >= 1, "sat/vB");
    }

    @Test
    void anyOtherKeyAndTheFieldsProjectionReadTheLiveObject() {
        Map<String, Object> live = map(read(Map.of()).get(0));
        assertEquals(live, map(read(Map.of("key", "current_price")).get(0)));
        assertEquals(live, map(read(Map.of("key", "prices")).get(0)));
        assertEquals(Map.of("currentPrice", live.get("currentPrice")), map(list(ork.handle("getWrkExtData",
                Map.of("type", "mempool", "fields", Map.of("currentPrice", 1)))).get(0)));
    }

    @Test
    void historicalRecordsAreOnePerUtcMidnightOfTheRangeAndFollowTheSameCurves() {
        long start = day("2026-04-01");
        long end = day("2026-04-30") + DAY - 1;
        List<Object> prices = read(Map.of("key", "HISTORICAL_PRICES", "start", start, "end", end));
        assertEquals(30, prices.size());
        for (int i = 0; i < prices.size(); i++) {
            Map<String, Object> p = map(prices.get(i));
            assertEquals(List.of("ts", "priceUSD"), List.copyOf(p.keySet()));
            assertEquals(start + i * DAY, ((Number) p.get("ts")).longValue());
            assertEquals(BitcoinNetwork.priceUsd(start + i * DAY), ((Number) p.get("priceUSD")).longValue(),
                    "the price of day D is the curve at D 00:00Z");
        }
        List<Object> hashrates = read(Map.of("key", "HISTORICAL_HASHRATE", "start", start, "end", end));
        assertEquals(30, hashrates.size());
        for (Object o : hashrates) {
            Map<String, Object> h = map(o);
            assertEquals(List.of("ts", "avgHashrateMHs"), List.copyOf(h.keySet()));
            double mhs = num(h.get("avgHashrateMHs"));
            assertTrue(mhs > 3e14 && mhs < 1e16, "network MH/s: " + mhs);
            assertEquals(BitcoinNetwork.hashrateHs(((Number) h.get("ts")).longValue()) / 1e6, mhs, 1);
        }
        List<Object> blocks = read(Map.of("key", "HISTORICAL_BLOCKSIZES", "start", start, "end", end));
        assertEquals(30, blocks.size());
        for (Object o : blocks) {
            Map<String, Object> b = map(o);
            assertEquals(List.of("ts", "blockSize", "blockHash", "blockReward", "blockTotalFees"),
                    List.copyOf(b.keySet()));
            long fees = ((Number) b.get("blockTotalFees")).longValue();
            assertEquals(312_500_000L, ((Number) b.get("blockReward")).longValue() - fees,
                    "blockReward is subsidy + fees (the UI subtracts the fees); subsidy 3.125 BTC since 2024-04-20");
            assertTrue(fees > 0 && fees < 200_000_000L, "sats: " + fees);
            long size = ((Number) b.get("blockSize")).longValue();
            assertTrue(size > 300_000 && size < 4_000_000, "bytes: " + size);
            assertTrue(((String) b.get("blockHash")).matches("0{19}[0-9a-f]{45}"));
        }
    }

    @Test
    void blocksBeforeTheHalvingPaidTheOldSubsidy() {
        SimOrk then = new SimOrk(SimOptions.parse("c", Map.of("seed", 3, "miners", 60, "persist", false)),
                new MutableClock(Instant.parse("2024-06-01T00:00:00Z")), null);
        List<Object> blocks = list(then.handle("getWrkExtData", Map.of("type", "mempool", "query", Map.of(
                "key", "HISTORICAL_BLOCKSIZES", "start", day("2024-04-18"), "end", day("2024-04-22")))));
        assertEquals(5, blocks.size());
        long[] subsidies = blocks.stream().mapToLong(o -> ((Number) map(o).get("blockReward")).longValue()
                - ((Number) map(o).get("blockTotalFees")).longValue()).toArray();
        // the day's block is the last one before midnight; block 840,000 came at 00:09 on the 20th
        assertEquals(List.of(625_000_000L, 625_000_000L, 625_000_000L, 312_500_000L, 312_500_000L),
                java.util.Arrays.stream(subsidies).boxed().toList());
    }

    @Test
    void rangesAreBoundedByTheKeptHistoryTodayAndTheLimit() {
        long today = clock.millis() - clock.millis() % DAY;
        List<Object> all = read(Map.of("key", "HISTORICAL_PRICES"));
        assertEquals(MempoolData.KEPT_DAYS, all.size(), "no start: every kept day");
        assertEquals(today, ((Number) map(all.get(all.size() - 1)).get("ts")).longValue(), "nothing after today");
        assertEquals(today - (MempoolData.KEPT_DAYS - 1) * DAY, ((Number) map(all.get(0)).get("ts")).longValue());
        assertEquals(MempoolData.KEPT_DAYS, read(Map.of("key", "HISTORICAL_PRICES", "start", 0, "end",
                today + 400 * DAY)).size());
        List<Object> limited = read(Map.of("key", "HISTORICAL_PRICES", "start", today - 10 * DAY, "limit", 3));
        assertEquals(3, limited.size(), "limit keeps the first records of the range");
        assertEquals(today - 10 * DAY, ((Number) map(limited.get(0)).get("ts")).longValue());
        assertEquals(2, read(Map.of("key", "HISTORICAL_PRICES", "start", String.valueOf(today - DAY - 5),
                "end", String.valueOf(today))).size(), "numeric strings as the UI may send; start rounds up");
        assertEquals(List.of(), read(Map.of("key", "HISTORICAL_PRICES", "start", today + DAY)));
        assertEquals(List.of(), read(Map.of("key", "HISTORICAL_PRICES", "start", Long.MAX_VALUE)));
        assertEquals(List.of(), read(Map.of("key", "HISTORICAL_PRICES", "start", today, "end", today - 1)));
        assertEquals(List.of(), read(Map.of("key", "HISTORICAL_HASHRATE", "end", Long.MIN_VALUE)));
    }

    @Test
    void theChainIsTheSameForEveryOrkAndEveryReadAndMovesWithTheClock() {
        Map<String, Object> query = Map.of("key", "HISTORICAL_BLOCKSIZES", "start", day("2026-05-01"));
        assertEquals(read(query), list(ork(99).handle("getWrkExtData", Map.of("type", "mempool", "query", query))));
        Object live = read(Map.of()).get(0);
        assertEquals(live, list(ork(99).handle("getWrkExtData", Map.of("type", "mempool"))).get(0));
        clock.advance(Duration.ofMinutes(5));
        assertEquals(live, read(Map.of()).get(0), "the worker refreshes every 30 minutes");
        clock.advance(Duration.ofHours(6));
        Map<String, Object> later = map(read(Map.of()).get(0));
        assertNotEquals(map(live).get("blockHeight"), later.get("blockHeight"));
        assertEquals(BitcoinNetwork.priceUsd(clock.millis() - clock.millis() % 1_800_000L),
                ((Number) later.get("currentPrice")).longValue(), "the live price is the curve at the refresh");
    }

    @Test
    void mempoolRacksAreListedAndBadTypesAreRefusedAsBefore() {
        List<Object> racks = list(ork.handle("listRacks", Map.of("type", "mempool")));
        assertEquals(1, racks.size());
        assertEquals("mempool", map(racks.get(0)).get("type"));
        assertInstanceOf(List.class, ork.handle("getWrkExtData", Map.of("type", "minerpool",
                "query", Map.of("key", "stats"))));
        assertEquals("ERR_TYPE_INVALID", assertThrowsCode(() -> ork.handle("getWrkExtData", Map.of("type", 5))));
        assertEquals(0, ((Number) ork.handle("getThingsCount", Map.of("query", Map.of("type", "mempool"))))
                .longValue(), "the mempool worker owns no things");
    }

    private static String assertThrowsCode(Runnable r) {
        try {
            r.run();
        } catch (io.miningos.gateway.adapters.ork.sim.rpc.OrkError e) {
            return e.code();
        }
        throw new AssertionError("no ORK error");
    }
}
