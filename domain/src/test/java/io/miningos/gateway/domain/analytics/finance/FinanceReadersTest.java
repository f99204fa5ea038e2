package io.miningos.gateway.domain.analytics.finance;

import io.miningos.gateway.domain.analytics.BtcPrice;
import io.miningos.gateway.domain.analytics.Hashrate;
import io.miningos.gateway.domain.analytics.Sats;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.miningos.gateway.domain.analytics.FixedSite.DAY1;
import static io.miningos.gateway.domain.analytics.FixedSite.DAY2;
import static io.miningos.gateway.domain.analytics.Json.answers;
import static io.miningos.gateway.domain.analytics.Json.arr;
import static io.miningos.gateway.domain.analytics.Json.dec;
import static io.miningos.gateway.domain.analytics.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FinanceReadersTest {

    @Test
    void dailyAggregatesAskOneKeyPerDayAndType() {
        DailyAggregates keys = DailyAggregates.of(List.of(DAY1, DAY2 + 5), List.of("powermeter", "miner"));
        assertEquals(List.of(
                obj("type", "powermeter", "startDate", "2026-06-01T00:00:00Z", "endDate", "2026-06-01T00:00:00Z"),
                obj("type", "miner", "startDate", "2026-06-01T00:00:00Z", "endDate", "2026-06-01T00:00:00Z"),
                obj("type", "powermeter", "startDate", "2026-06-02T00:00:00Z", "endDate", "2026-06-02T00:00:00Z"),
                obj("type", "miner", "startDate", "2026-06-02T00:00:00Z", "endDate", "2026-06-02T00:00:00Z")),
                keys.request());
    }

    @Test
    void dailyMeansAddUpAcrossOrksEachDividedByItsOwnIntervals() {
        DailyAggregates keys = DailyAggregates.of(List.of(DAY1), List.of("powermeter"));
        // ORK 1: a full day at 1.2 MW; ORK 2: only 144 intervals (it started at noon) at 0.5 MW
        Object ork1 = arr(obj("type", "powermeter", "data", obj("site_power_w", 345_600_000L, "aggrIntervals", 288)));
        Object ork2 = arr(obj("type", "powermeter", "data", obj("site_power_w", 72_000_000L, "aggrIntervals", 144)));
        DailyStat day = keys.sums(answers(ork1, ork2), "powermeter", "site_power_w").get(DAY1);
        assertEquals(1_700_000, day.mean()); // 1,200,000 + 500,000
        assertEquals(34.8, day.energyMWh(), 1e-9); // 28.8 + 0.5 MW × 12 h
    }

    @Test
    void aMisalignedOrMalformedAnswerGivesNoDaysRatherThanWrongOnes() {
        DailyAggregates keys = DailyAggregates.of(List.of(DAY1, DAY2), List.of("powermeter"));
        Object tooShort = arr(obj("type", "powermeter", "data", obj("site_power_w", 1, "aggrIntervals", 1)));
        Object wrongType = arr(obj("type", "miner", "data", obj("site_power_w", 1, "aggrIntervals", 1)),
                obj("type", "powermeter", "data", obj("site_power_w", "oops", "aggrIntervals", 1)));
        Object noIntervals = arr(obj("type", "powermeter", "data", obj("site_power_w", 5)),
                obj("type", "powermeter", "data", obj("site_power_w", -5, "aggrIntervals", 1)));
        assertEquals(Map.of(), keys.sums(answers(tooShort, wrongType, noIntervals, "[HRPC_ERR]=x", null),
                "powermeter", "site_power_w"));
    }

    @Test
    void avgFieldsAreAlreadyMeansAndAreAveragedAcrossOrks() {
        DailyAggregates keys = DailyAggregates.of(List.of(DAY1), List.of("miner"));
        Object ork1 = arr(obj("type", "miner", "data", obj("efficiency_w_ths_avg_aggr", 20, "aggrIntervals", 288)));
        Object ork2 = arr(obj("type", "miner", "data", obj("efficiency_w_ths_avg_aggr", 26, "aggrIntervals", 288)));
        assertEquals(Map.of(DAY1, 23.0), keys.means(answers(ork1, ork2), "miner", "efficiency_w_ths_avg_aggr"));
    }

    @Test
    void transactionsCountOncePerAccountAndIdAndPayoutsAreNotRevenue() {
        Object tx = obj("username", "a", "id", 7, "changed_balance", dec("0.01"), "created_at", DAY1 / 1000,
                "mining_extra", obj("hash_rate", dec("6e16")));
        Object otherAccount = obj("username", "b", "id", 7, "changed_balance", dec("0.002"), "ts", DAY1 + 5,
                "mining_extra", obj("hash_rate", dec("1e16")));
        Object payout = obj("username", "a", "id", 8, "changed_balance", dec("-1.5"), "created_at", DAY1 / 1000);
        Object ork1 = arr(obj("ts", "1780272000000", "transactions", arr(tx, payout, "junk")));
        Object ork2 = arr(obj("ts", "1780272000000", "transactions", arr(tx, otherAccount)), "junk");
        Map<Long, PoolDay> days = PoolTransactions.daily(answers(ork1, ork2));
        PoolDay d1 = days.get(DAY1);
        assertEquals(Sats.ofBtc(dec("0.012")), d1.revenue()); // 0.01 (once) + 0.002
        assertNull(d1.fees());
        assertEquals(2, d1.transactions());
        assertEquals(Hashrate.ofHs(7e16), d1.hashrate()); // 60 + 10 PH/s, summed over the two accounts
        assertEquals(1, days.size());
    }

    @Test
    void aTransactionWithoutATimeCountsOnItsEntrysDay() {
        Object ork = arr(obj("ts", String.valueOf(DAY2), "transactions", arr(obj("satoshis_net_earned", 100))));
        assertEquals(Sats.ofSats(dec("100")), PoolTransactions.daily(answers(ork)).get(DAY2).revenue());
        assertTrue(PoolTransactions.daily(answers(obj("ts", "x", "transactions", "none"))).isEmpty());
    }

    @Test
    void mempoolRecordsAreReadPerDayFirstOrkWinning() {
        Object ork1 = arr(obj("ts", DAY1, "priceUSD", 100_000), obj("ts", DAY2, "priceUSD", 0),
                obj("ts", "bad", "priceUSD", 5));
        Object ork2 = arr(obj("ts", DAY1 / 1000, "priceUSD", 99_999), obj("ts", DAY2, "price", dec("104250.5")));
        assertEquals(Map.of(DAY1, BtcPrice.of("100000"), DAY2, BtcPrice.of("104250.5")),
                MempoolAnswers.dailyPrices(answers(ork1, ork2)));
        assertEquals(BtcPrice.of("106120"), MempoolAnswers.currentPrice(answers(arr(), obj("currentPrice", 106_120))));
        assertNull(MempoolAnswers.currentPrice(answers(arr(obj("currentPrice", 0)))));
        // blockReward is what the block paid (subsidy + fees), as mempool.space's extras.reward
        BlockSample block = MempoolAnswers.dailyBlocks(answers(arr(obj("ts", DAY1, "block_reward", 314_845_678,
                "totalFees", 2_345_678)))).get(DAY1);
        assertEquals(new BlockSample(new Sats(312_500_000), new Sats(2_345_678), null), block);
        assertEquals(new Sats(314_845_678), block.reward());
        assertEquals(new Sats(312_500_000), MempoolAnswers.dailyBlocks(answers(arr(obj("ts", DAY1, "subsidy",
                312_500_000, "blockTotalFees", 1)))).get(DAY1).subsidy(), "an explicit subsidy is taken as is");
        assertEquals(Map.of(), MempoolAnswers.dailyBlocks(answers(arr(obj("ts", DAY1, "blockReward", 5,
                "blockTotalFees", 6)))), "fees above the reward: no usable block");
    }

    @Test
    void electricityDaysAreReadFlatOrWrappedAndAddedUp() {
        Object flat = arr(obj("ts", DAY1, "energy_aggr", obj("active_energy_in_aggr", 30, "ute_energy_aggr", 29)));
        Object wrapped = arr(arr(obj("data", arr(obj("ts", DAY1 + 3_600_000L, "energy_aggr",
                obj("active_energy_in_aggr", dec("2.5")))))));
        Object junk = arr(obj("ts", DAY1, "energy", obj("usedPower", 5)), obj("ts", DAY2, "energy_aggr",
                obj("active_energy_in_aggr", -1)));
        assertEquals(Map.of(DAY1, new ElectricityDay(32.5, 29.0)),
                ElectricityAnswers.daily(answers(flat, wrapped, junk)));
    }
}
