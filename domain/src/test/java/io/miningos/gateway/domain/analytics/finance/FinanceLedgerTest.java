package io.miningos.gateway.domain.analytics.finance;

import io.miningos.gateway.domain.analytics.JsonView;
import io.miningos.gateway.domain.analytics.Period;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.miningos.gateway.domain.analytics.FixedSite.DAY1;
import static io.miningos.gateway.domain.analytics.FixedSite.DAY2;
import static io.miningos.gateway.domain.analytics.FixedSite.DAY3;
import static io.miningos.gateway.domain.analytics.FixedSite.JULY1;
import static io.miningos.gateway.domain.analytics.FixedSite.WEEK;
import static io.miningos.gateway.domain.analytics.Json.answers;
import static io.miningos.gateway.domain.analytics.Json.arr;
import static io.miningos.gateway.domain.analytics.Json.dec;
import static io.miningos.gateway.domain.analytics.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The finance figures of the fixed site, from ORK answers through the readers to the ledger, computed by hand.
 *
 * <pre>
 *                   day 1 (Mon 06-01)         day 2 (Tue 06-02)          day 3 (Wed 06-03)
 * site power        288 × 1,200,000 W         288 × 1,190,000 W          per-key ORK error
 * hashrate          288 × 60 PH/s             288 × 50 PH/s              no data
 * pool              0.030 BTC, fee 0.0006     0.025 BTC, fee 0.0005      0.020 BTC (F2Pool: fee unknown)
 * price             100,000 (history)         105,000 (history)          none → current 110,000
 * costs (June)      30,000 energy + 6,000 operational a month → 1,000 + 200 a day
 * electricity       30 MWh available, 29 expected                        -
 * nominal power     1.5 MW every day
 * network           800,000 PH/s; sampled block 312,500,000 + 10,000,000 sats
 * </pre>
 */
class FinanceLedgerTest {

    static final List<Long> DAYS = List.of(DAY1, DAY2, DAY3);

    static FinanceInputs fixedSite() {
        DailyAggregates keys = DailyAggregates.of(DAYS, List.of("powermeter", "miner"));
        Object rangeAggr = arr(
                obj("type", "powermeter", "data", obj("site_power_w", 345_600_000L, "aggrCount", 288,
                        "aggrIntervals", 288), "error", null),
                obj("type", "miner", "data", obj("hashrate_mhs_5m_sum_aggr", dec("17280000000000"),
                        "aggrIntervals", 288), "error", null),
                obj("type", "powermeter", "data", obj("site_power_w", 342_720_000L, "aggrIntervals", 288),
                        "error", null),
                obj("type", "miner", "data", obj("hashrate_mhs_5m_sum_aggr", dec("14400000000000"),
                        "aggrIntervals", 288), "error", null),
                obj("type", "powermeter", "data", null, "error", "ERR_TIMEZONE_OFFSET_INVALID"),
                obj("type", "miner", "data", obj(), "error", null));
        Object transactions = arr(
                obj("ts", String.valueOf(DAY1), "transactions", arr(obj("username", "site-ocean", "id", 1,
                        "satoshis_net_earned", 3_000_000, "fees_colected_satoshis", 60_000,
                        "created_at", DAY2 / 1000, "mining_extra", obj("mining_date", DAY1 / 1000)))),
                obj("ts", String.valueOf(DAY2), "transactions", arr(obj("username", "site-ocean", "id", 2,
                        "satoshis_net_earned", 2_500_000, "fees_colected_satoshis", 50_000,
                        "created_at", DAY3 / 1000, "mining_extra", obj("mining_date", DAY2 / 1000)))),
                obj("ts", String.valueOf(DAY3), "transactions", arr(obj("username", "site", "id", 3,
                        "changed_balance", dec("0.02"), "created_at", DAY3 / 1000 + 3600))));
        Object prices = arr(obj("ts", DAY1, "priceUSD", 100_000), obj("ts", DAY2 / 1000, "priceUSD", 105_000));
        Object current = arr(obj("currentPrice", 110_000, "blockHeight", 901_000));
        List<JsonView> costs = List.of(JsonView.of(obj("site", "demo", "year", 2026, "month", 6,
                "energyCostsUSD", 30_000, "operationalCostsUSD", 6_000)));
        Object electricity = arr(obj("ts", DAY1, "energy_aggr", obj("active_energy_in_aggr", 30,
                "ute_energy_aggr", 29)));
        Object network = arr(obj("ts", DAY1, "avgHashrateMHs", dec("800000000000000")));
        Object blocks = arr(obj("ts", DAY1, "blockReward", 322_500_000, "blockTotalFees", 10_000_000,
                "blockSize", 1_600_000, "blockHash", "00000000000000000001"));
        return FinanceInputs.none()
                .withSitePower(keys.sums(answers(rangeAggr), "powermeter", "site_power_w"))
                .withHashrate(keys.sums(answers(rangeAggr), "miner", "hashrate_mhs_5m_sum_aggr"))
                .withPool(PoolTransactions.daily(answers(transactions)))
                .withPrices(new PriceBook(MempoolAnswers.dailyPrices(answers(prices)),
                        MempoolAnswers.currentPrice(answers(current))))
                .withCosts(CostBook.read(costs))
                .withElectricity(ElectricityAnswers.daily(answers(electricity)), 1.5)
                .withNetwork(MempoolAnswers.dailyNetworkHashrate(answers(network)),
                        MempoolAnswers.dailyBlocks(answers(blocks)));
    }

    @Test
    void dayOneHasEveryInput() {
        FinanceFigures d1 = FinanceLedger.series(fixedSite().days(DAYS), Period.DAILY).getFirst();
        assertEquals(DAY1, d1.ts());
        FinanceFigures.Energy e = d1.energy();
        assertEquals(1_200_000.0, e.sitePowerW()); // 345,600,000 / 288
        assertEquals(28.8, e.consumptionMWh()); // 345,600,000 W × 5 min
        assertEquals(0.8, e.powerUtilization()); // 1.2 MW / 1.5 MW
        assertEquals(1.2, e.curtailmentMWh()); // 30 − 28.8
        assertEquals(0.04, e.curtailmentRate()); // 1.2 / 30
        assertEquals(0.0069, e.operationalIssuesRate()); // (29 − 28.8) / 29 = 0.00689…
        FinanceFigures.Revenue r = d1.revenue();
        assertEquals(dec("0.03000000"), r.revenueBtc());
        assertEquals(dec("0.00060000"), r.feesBtc());
        assertEquals(dec("0.03060000"), r.grossRevenueBtc());
        assertEquals(dec("100000.00"), r.btcPriceUsd());
        assertEquals("historical", r.priceSource());
        assertEquals(dec("3000.00"), r.revenueUsd()); // 0.03 × 100,000
        assertEquals(dec("60.00"), r.feesUsd());
        assertEquals(dec("104.17"), r.energyRevenueUsdPerMWh()); // 3,000 / 28.8 = 104.166…
        assertEquals(dec("0.02500000"), r.energyRevenueBtcPerMW()); // 0.03 / 1.2 MW
        assertEquals(dec("2500.00"), r.energyRevenueUsdPerMW()); // 3,000 / 1.2 MW
        FinanceFigures.Costs c = d1.costs();
        assertEquals(dec("1000.00"), c.energyCostUsd()); // 30,000 / 30 days
        assertEquals(dec("200.00"), c.operationalCostUsd()); // 6,000 / 30
        assertEquals(dec("1200.00"), c.totalCostUsd());
        assertEquals(dec("1800.00"), c.ebitdaSellingUsd()); // 3,000 − 1,200
        assertEquals(dec("2100.00"), c.ebitdaHodlUsd()); // 0.03 × 110,000 − 1,200
        assertEquals(dec("40000.00"), c.btcProductionCostUsd()); // 1,200 / 0.03
        assertEquals(dec("41.67"), c.allInCostUsdPerMWh()); // 1,200 / 28.8 = 41.666…
        assertEquals(dec("34.72"), c.energyCostUsdPerMWh()); // 1,000 / 28.8 = 34.722…
        assertEquals(dec("6.94"), c.operationalCostUsdPerMWh()); // 200 / 28.8 = 6.944…
        FinanceFigures.Mining m = d1.mining();
        assertEquals(6e10, m.hashrateMhs()); // 1.728e13 / 288 MH/s = 60 PH/s
        assertEquals(dec("0.00050000"), m.hashRevenueBtcPerPhsDay()); // 0.03 / 60
        assertEquals(dec("50.00"), m.hashRevenueUsdPerPhsDay()); // 3,000 / 60
        assertEquals(dec("20.00"), m.hashCostUsdPerPhsDay()); // 1,200 / 60
        // (312,500,000 + 10,000,000) sats × 144 blocks / 800,000 PH/s = 58,050 sats per PH/s·day
        assertEquals(dec("0.00058050"), m.networkHashPriceBtcPerPhsDay());
        assertEquals(dec("58.05"), m.networkHashPriceUsdPerPhsDay()); // 0.0005805 × 100,000
        assertEquals(new FinanceFigures.Blocks(312_500_000L, 10_000_000L, 1_600_000L, 1, 1), d1.blocks());
    }

    @Test
    void dayThreeSaysWhatItLacksWithNullsNotZeros() {
        FinanceFigures d3 = FinanceLedger.series(fixedSite().days(DAYS), Period.DAILY).get(2);
        assertEquals(DAY3, d3.ts());
        assertNull(d3.energy().sitePowerW());
        assertNull(d3.energy().consumptionMWh());
        assertNull(d3.energy().powerUtilization());
        assertNull(d3.mining().hashrateMhs());
        assertNull(d3.mining().hashRevenueBtcPerPhsDay());
        assertNull(d3.revenue().feesBtc()); // F2Pool reports no fee
        assertNull(d3.revenue().grossRevenueBtc());
        assertEquals(dec("0.02000000"), d3.revenue().revenueBtc()); // counted on the day it was created
        assertEquals("current", d3.revenue().priceSource());
        assertEquals(dec("2200.00"), d3.revenue().revenueUsd()); // 0.02 × 110,000
        assertNull(d3.revenue().energyRevenueUsdPerMWh());
        assertNull(d3.revenue().energyRevenueBtcPerMW(), "no power that day");
        assertEquals(dec("1000.00"), d3.costs().ebitdaSellingUsd()); // 2,200 − 1,200
        assertEquals(dec("60000.00"), d3.costs().btcProductionCostUsd()); // 1,200 / 0.02
        assertNull(d3.costs().allInCostUsdPerMWh());
        assertEquals(new FinanceFigures.Coverage(0, 0, 1, 0, 1, 1, 0, 0, 0), d3.coverage());
    }

    @Test
    void aMonthIsComputedFromItsDaysPartsNotBySummingDailyRatios() {
        List<FinanceFigures> months = FinanceLedger.series(fixedSite().days(DAYS), Period.MONTHLY);
        assertEquals(1, months.size());
        FinanceFigures june = months.getFirst();
        assertEquals(DAY1, june.ts());
        assertEquals(3, june.days());
        assertEquals(1_195_000.0, june.energy().sitePowerW()); // (1,200,000 + 1,190,000) / 2
        assertEquals(57.36, june.energy().consumptionMWh()); // 28.8 + 28.56
        assertEquals(0.7967, june.energy().powerUtilization()); // (1.2 + 1.19) / (1.5 + 1.5)
        assertEquals(5.5e10, june.mining().hashrateMhs());
        assertEquals(dec("0.07500000"), june.revenue().revenueBtc());
        assertEquals(dec("0.00110000"), june.revenue().feesBtc()); // days 1 and 2
        assertEquals(dec("105000.00"), june.revenue().btcPriceUsd()); // mean of 100,000, 105,000, 110,000
        assertEquals("mixed", june.revenue().priceSource());
        assertEquals(dec("7825.00"), june.revenue().revenueUsd()); // 3,000 + 2,625 + 2,200
        assertEquals(dec("112.50"), june.revenue().feesUsd()); // 60 + 52.50
        // ratios over the days having both parts: (3,000 + 2,625) / (28.8 + 28.56) = 98.0648…
        assertEquals(dec("98.06"), june.revenue().energyRevenueUsdPerMWh());
        // per MW of the mean power of the days having both: 0.055 / ((1.2 + 1.19) / 2) = 0.0460251046…
        assertEquals(dec("0.04602510"), june.revenue().energyRevenueBtcPerMW());
        assertEquals(dec("4707.11"), june.revenue().energyRevenueUsdPerMW()); // 5,625 / 1.195 = 4707.112…
        assertEquals(dec("3600.00"), june.costs().totalCostUsd());
        assertEquals(dec("4225.00"), june.costs().ebitdaSellingUsd()); // 1,800 + 1,425 + 1,000
        assertEquals(dec("4650.00"), june.costs().ebitdaHodlUsd()); // 2,100 + 1,550 + 1,000
        assertEquals(dec("48000.00"), june.costs().btcProductionCostUsd()); // 3,600 / 0.075
        assertEquals(dec("41.84"), june.costs().allInCostUsdPerMWh()); // 2,400 / 57.36 = 41.841…
        assertEquals(dec("34.87"), june.costs().energyCostUsdPerMWh()); // 2,000 / 57.36 = 34.8675…
        assertEquals(dec("6.97"), june.costs().operationalCostUsdPerMWh()); // 400 / 57.36 = 6.9735…
        assertEquals(dec("0.00050000"), june.mining().hashRevenueBtcPerPhsDay()); // 0.055 / (60 + 50)
        assertEquals(dec("51.14"), june.mining().hashRevenueUsdPerPhsDay()); // 5,625 / 110 = 51.136…
        assertEquals(dec("21.82"), june.mining().hashCostUsdPerPhsDay()); // 2,400 / 110 = 21.818…
        assertEquals(new FinanceFigures.Coverage(2, 2, 3, 2, 1, 3, 1, 1, 1), june.coverage());
        assertEquals(june.revenue(), FinanceLedger.total(fixedSite().days(DAYS)).revenue());
    }

    @Test
    void weeksStartOnSundayAndBucketsRunOldestFirst() {
        List<Long> days = List.of(WEEK - 86_400_000L, WEEK, DAY1);
        List<FinanceFigures> weeks = FinanceLedger.series(fixedSite().days(days), Period.WEEKLY);
        // Saturday 05-30 belongs to the week of Sunday 05-24; Sunday 05-31 and Monday 06-01 to the next
        assertEquals(List.of(WEEK - 7 * 86_400_000L, WEEK), weeks.stream().map(FinanceFigures::ts).toList());
        assertEquals(1, weeks.get(0).days());
        assertEquals(2, weeks.get(1).days());
    }

    @Test
    void aMonthWithoutEnteredCostsHasNoCostsRatherThanZero() {
        FinanceFigures july1 = FinanceLedger.total(fixedSite().days(List.of(JULY1)));
        assertNull(july1.costs().totalCostUsd());
        assertNull(july1.costs().ebitdaSellingUsd());
        assertEquals(0, july1.coverage().costDays());
    }

    @Test
    void noDaysGiveAnEmptySummary() {
        FinanceFigures none = FinanceLedger.total(List.of());
        assertEquals(0, none.days());
        assertNull(none.revenue().revenueBtc());
        assertNull(none.energy().consumptionMWh());
        assertEquals(List.of(), FinanceLedger.series(List.of(), Period.MONTHLY));
    }

    @Test
    void costsAreNumbersOrItemisedObjectsAndAMonthStartingMidRangeCounts() {
        CostBook book = CostBook.read(List.of(
                JsonView.of(obj("year", 2026, "month", 6, "energyCostsUSD", obj("grid", 20_000, "diesel", 10_000),
                        "operationalCostsUSD", new BigDecimal("6000.30"))),
                JsonView.of(obj("year", 2026, "month", 7, "energyCost", 31_000)), // the Node store's name
                JsonView.of(obj("year", "x", "month", 7, "energyCostsUSD", 1))));
        DailyCost june = book.costOn(DAY2 + 43_200_000L); // noon of a June day
        assertEquals(dec("1000.00"), june.energy().toCents()); // (20,000 + 10,000) / 30
        assertEquals(dec("200.01"), june.operational().toCents()); // 6,000.30 / 30
        DailyCost july = book.costOn(JULY1);
        assertEquals(dec("1000.00"), july.energy().toCents()); // 31,000 / 31
        assertNull(july.operational());
        assertNull(july.total()); // half the costs is not the cost
        assertNull(book.costOn(DAY1 - 86_400_000L)); // May has no record
    }

    @Test
    void anAbsurdCostStoredBeforeTheGatewayRefusedItIsLeftOutNotSummedForever() {
        // 1E+2147483647 added exactly to 20,000 would need a number of two billion digits.
        CostBook book = CostBook.read(List.of(JsonView.of(obj("year", 2026, "month", 6,
                "energyCostsUSD", obj("grid", 20_000, "absurd", new BigDecimal("1e2147483647")),
                "operationalCostsUSD", new BigDecimal("-1e-2147483647")))));
        DailyCost june = book.costOn(DAY2 + 43_200_000L);
        assertEquals(dec("666.67"), june.energy().toCents()); // 20,000 / 30
        assertNull(june.operational());
    }
}
