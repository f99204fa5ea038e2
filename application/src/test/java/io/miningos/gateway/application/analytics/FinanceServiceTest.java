package io.miningos.gateway.application.analytics;

import io.miningos.gateway.application.analytics.port.in.FinanceQuery;
import io.miningos.gateway.application.analytics.port.in.FinanceReport;
import io.miningos.gateway.application.analytics.port.out.ProductionCostRecords;
import io.miningos.gateway.application.ork.port.GatheredAnswer;
import io.miningos.gateway.application.ork.port.OrkFailure;
import io.miningos.gateway.domain.analytics.JsonView;
import io.miningos.gateway.domain.analytics.UtcCalendar;
import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.miningos.gateway.domain.analytics.FixedSite.DAY1;
import static io.miningos.gateway.domain.analytics.FixedSite.DAY2;
import static io.miningos.gateway.domain.analytics.FixedSite.DAY3;
import static io.miningos.gateway.domain.analytics.FixedSite.NOW;
import static io.miningos.gateway.domain.analytics.Json.arr;
import static io.miningos.gateway.domain.analytics.Json.dec;
import static io.miningos.gateway.domain.analytics.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The finance reports of the fixed site (docs/analytics-design.md §4.1) through the service: what the ORKs are
 * asked, and the figures computed by hand (as in the domain's {@code FinanceLedgerTest}).
 *
 * <pre>
 *                   day 1 (Mon 06-01)         day 2 (Tue 06-02)          day 3 (Wed 06-03)
 * site power        1,200,000 W (× 288)       1,190,000 W                per-key ORK error
 * hashrate          60 PH/s                   50 PH/s                    no data
 * pool (Ocean)      0.030 BTC, fee 0.0006     0.025 BTC, fee 0.0005      (F2Pool) 0.020 BTC, fee unknown
 * price             100,000 (history)         105,000 (history)          none → current 110,000
 * costs (June)      30,000 energy + 6,000 operational a month → 1,000 + 200 a day
 * electricity       30 MWh available, 29 expected
 * nominal power     1.5 MW
 * network           800,000 PH/s; sampled block 312,500,000 + 10,000,000 sats, 1.6 MB
 * </pre>
 */
class FinanceServiceTest {

    static final long RANGE_END = DAY3 + UtcCalendar.DAY_MS - 1;
    static final ProductionCostRecords JUNE_COSTS = () -> List.of(obj("site", "demo", "year", 2026, "month", 6,
            "energyCost", 30_000, "operationalCost", 6_000));

    private final MutableClock clock = new MutableClock(Instant.ofEpochMilli(NOW));

    /** The fixed site as one ORK answers it. */
    static Object fixedSite(String method, JsonView request) {
        return switch (method) {
            case "tailLogCustomRangeAggr" -> rangeAggregates(request);
            case "getWrkExtData" -> extData(request.get("type").asText(), request.get("query"));
            case "getGlobalConfig" -> obj("nominalPowerAvailability_MW", 1.5);
            default -> throw new AssertionError("not asked of the fixed site: " + method);
        };
    }

    private static Object rangeAggregates(JsonView request) {
        List<Object> out = arr();
        for (JsonView key : request.get("keys").items()) {
            String type = key.get("type").asText();
            long day = Instant.parse(key.get("startDate").asText()).toEpochMilli();
            assertEquals(key.get("startDate").asText(), key.get("endDate").asText(), "one key per day");
            Object data = null;
            String error = null;
            if (type.equals("powermeter")) {
                if (day == DAY3) {
                    error = "ERR_TIMEZONE_OFFSET_INVALID";
                } else {
                    data = obj("site_power_w", (day == DAY1 ? 1_200_000L : 1_190_000L) * 288, "aggrCount", 288,
                            "aggrIntervals", 288);
                }
            } else {
                data = day == DAY3 ? obj() : obj("hashrate_mhs_5m_sum_aggr",
                        dec(day == DAY1 ? "17280000000000" : "14400000000000"), "aggrIntervals", 288);
            }
            out.add(obj("type", type, "data", data, "error", error));
        }
        return out;
    }

    private static Object extData(String type, JsonView query) {
        String key = query.get("key").asText();
        Object ocean = arr(
                obj("ts", DAY1, "transactions", arr(obj("username", "site-ocean", "id", 1,
                        "satoshis_net_earned", 3_000_000, "fees_colected_satoshis", 60_000,
                        "created_at", DAY2 / 1000, "mining_extra", obj("mining_date", DAY1 / 1000)))),
                obj("ts", DAY2, "transactions", arr(obj("username", "site-ocean", "id", 2,
                        "satoshis_net_earned", 2_500_000, "fees_colected_satoshis", 50_000,
                        "created_at", DAY3 / 1000, "mining_extra", obj("mining_date", DAY2 / 1000)))));
        Object f2pool = arr(obj("ts", DAY3, "transactions", arr(obj("username", "site", "id", 3,
                "changed_balance", dec("0.02"), "created_at", DAY3 / 1000 + 3600))));
        return switch (type + "/" + key) {
            case "minerpool/transactions" -> arr(((List<?>) ocean).get(0), ((List<?>) ocean).get(1),
                    ((List<?>) f2pool).get(0));
            case "minerpool-ocean/transactions" -> ocean;
            case "minerpool-f2pool/transactions" -> f2pool;
            case "mempool/HISTORICAL_PRICES" -> arr(obj("ts", DAY1, "priceUSD", 100_000),
                    obj("ts", DAY2 / 1000, "priceUSD", 105_000));
            case "mempool/current_price" -> arr(obj("currentPrice", 110_000, "blockHeight", 901_000));
            case "mempool/HISTORICAL_BLOCKSIZES" -> arr(obj("ts", DAY1, "blockReward", 322_500_000,
                    "blockTotalFees", 10_000_000, "blockSize", 1_600_000, "blockHash", "0001"));
            case "mempool/HISTORICAL_HASHRATE" -> arr(obj("ts", DAY1, "avgHashrateMHs", dec("800000000000000")));
            case "electricity/stats-history" -> arr(obj("ts", DAY1, "energy_aggr",
                    obj("active_energy_in_aggr", 30, "ute_energy_aggr", 29)));
            default -> arr();
        };
    }

    private static FinanceQuery query(FinanceReport report, String period) {
        return FinanceQuery.of(report, DAY1, RANGE_END, period, null);
    }

    private Map<?, ?> answer(ScriptedOrks orks, ProductionCostRecords costs, FinanceQuery query) {
        GatheredAnswer answer = new FinanceService(orks.requests(), costs, clock).report(query, false).join();
        return (Map<?, ?>) orks.body(answer);
    }

    private static Map<?, ?> row(Map<?, ?> answer, int index) {
        return (Map<?, ?>) ((List<?>) answer.get("log")).get(index);
    }

    @Test
    void energyBalanceOfDayOneHasEveryFigure() {
        ScriptedOrks orks = new ScriptedOrks().ork("cluster-1", FinanceServiceTest::fixedSite);
        Map<?, ?> answer = answer(orks, JUNE_COSTS, query(FinanceReport.ENERGY_BALANCE, null));
        assertEquals("daily", answer.get("period"));
        assertEquals(3, ((List<?>) answer.get("log")).size(), "every day of the range");
        Map<?, ?> d1 = row(answer, 0);
        assertEquals(DAY1, d1.get("ts"));
        assertEquals(1, d1.get("days"));
        assertEquals(1_200_000L, d1.get("sitePowerW")); // 345,600,000 / 288 intervals
        assertEquals(1.2, d1.get("sitePowerMW"));
        assertEquals(28.8, d1.get("consumptionMWh")); // Σ W × 5 min
        assertEquals(dec("0.03000000"), d1.get("revenueBTC"));
        assertEquals(dec("3000.00"), d1.get("revenueUsd"));
        assertEquals(dec("100000.00"), d1.get("btcPriceUsd"));
        assertEquals("historical", d1.get("priceSource"));
        assertEquals(dec("1000.00"), d1.get("energyCostUsd")); // 30,000 / 30 days
        assertEquals(dec("200.00"), d1.get("operationalCostUsd"));
        assertEquals(dec("1200.00"), d1.get("totalCostUsd"));
        assertEquals(dec("1800.00"), d1.get("profitUsd"));
        assertEquals(dec("104.17"), d1.get("energyRevenueUsdPerMWh")); // 3,000 / 28.8
        assertEquals(dec("41.67"), d1.get("allInCostUsdPerMWh")); // 1,200 / 28.8
        assertEquals(dec("0.02500000"), d1.get("energyRevenueBtcPerMW")); // 0.03 / 1.2
        assertEquals(dec("2500.00"), d1.get("energyRevenueUsdPerMW"));
        assertEquals(1.5, d1.get("nominalPowerMW"));
        assertEquals(0.8, d1.get("powerUtilization")); // 1.2 / 1.5
        assertEquals(30.0, d1.get("availableEnergyMWh"));
        assertEquals(1.2, d1.get("curtailmentMWh")); // 30 − 28.8
        assertEquals(0.04, d1.get("curtailmentRate")); // 1.2 / 30
        assertEquals(0.0069, d1.get("operationalIssuesRate")); // (29 − 28.8) / 29
        assertEquals(Map.of("powerDays", 1, "poolDays", 1, "historicalPriceDays", 1, "currentPriceDays", 0,
                "costDays", 1, "electricityDays", 1), d1.get("coverage"));
        Map<?, ?> d3 = row(answer, 2);
        assertNull(d3.get("sitePowerW"), "the meter's key failed that day: unknown, not 0");
        assertNull(d3.get("energyRevenueUsdPerMWh"));
        assertEquals("current", d3.get("priceSource"));
        assertEquals(dec("2200.00"), d3.get("revenueUsd")); // 0.02 × today's 110,000
        Map<?, ?> summary = (Map<?, ?>) answer.get("summary");
        assertEquals(3, summary.get("days"));
        assertEquals(1_195_000L, summary.get("sitePowerW")); // mean of the days with data
        assertEquals(57.36, summary.get("consumptionMWh")); // 28.8 + 28.56
        assertEquals(dec("0.07500000"), summary.get("revenueBTC"));
        assertEquals(dec("3600.00"), summary.get("totalCostUsd"));
    }

    @Test
    void eachReportAsksOnlyTheReadsItNeedsOneKeyPerDayAndType() {
        ScriptedOrks orks = new ScriptedOrks().ork("cluster-1", FinanceServiceTest::fixedSite);
        answer(orks, JUNE_COSTS, query(FinanceReport.EBITDA, null));
        JsonView keys = orks.calls("tailLogCustomRangeAggr").getFirst().request().get("keys");
        assertEquals(6, keys.items().size());
        assertEquals("powermeter", keys.at(0).get("type").asText());
        assertEquals("miner", keys.at(1).get("type").asText());
        assertEquals("2026-06-02T00:00:00Z", keys.at(2).get("startDate").asText());
        List<String> ext = orks.calls("getWrkExtData").stream().map(c -> c.request().get("type").asText() + "/"
                + c.request().path("query.key").asText()).toList();
        assertEquals(List.of("minerpool/transactions", "mempool/HISTORICAL_PRICES", "mempool/current_price"), ext);
        JsonView prices = orks.calls("getWrkExtData").get(1).request().get("query");
        assertEquals(DAY1, prices.get("start").asLong());
        assertEquals(RANGE_END, prices.get("end").asLong());
        assertEquals(4, prices.get("limit").asLong(), "the range's days and one");
        assertTrue(orks.calls("getGlobalConfig").isEmpty());

        ScriptedOrks blocks = new ScriptedOrks().ork("cluster-1", FinanceServiceTest::fixedSite);
        answer(blocks, JUNE_COSTS, query(FinanceReport.SUBSIDY_FEES, null));
        assertEquals(1, blocks.calls().size(), "the sampled blocks only");
    }

    @Test
    void ebitdaByMonthValuesEachDayAtItsOwnPriceAndHodlAtTodays() {
        ScriptedOrks orks = new ScriptedOrks().ork("cluster-1", FinanceServiceTest::fixedSite);
        Map<?, ?> answer = answer(orks, JUNE_COSTS, query(FinanceReport.EBITDA, null));
        assertEquals("monthly", answer.get("period"), "the default of the EBITDA report");
        Map<?, ?> june = row(answer, 0);
        assertEquals(2026, june.get("year"));
        assertEquals(6, june.get("month"));
        assertEquals("June", june.get("monthName"));
        assertEquals(3, june.get("days"));
        assertEquals(dec("7825.00"), june.get("revenueUsd")); // 3,000 + 2,625 + 2,200
        assertEquals(dec("105000.00"), june.get("btcPriceUsd")); // the mean price, not a sum
        assertEquals("mixed", june.get("priceSource"));
        assertEquals(55_000_000_000L, june.get("hashrateMhs")); // (60 + 50) / 2 PH/s
        assertEquals(dec("4225.00"), june.get("ebitdaSellingUsd")); // 7,825 − 3,600
        assertEquals(dec("4650.00"), june.get("ebitdaHodlUsd")); // 0.075 × 110,000 − 3,600
        assertEquals(dec("48000.00"), june.get("btcProductionCostUsd")); // 3,600 / 0.075
        assertEquals(dec("110000.00"), ((Map<?, ?>) answer.get("summary")).get("currentBtcPriceUsd"));
    }

    @Test
    void revenueOfOnePoolReadsThatPoolsRacksAndShowsUnknownFeesAsNull() {
        ScriptedOrks orks = new ScriptedOrks().ork("cluster-1", FinanceServiceTest::fixedSite);
        Map<?, ?> answer = answer(orks, JUNE_COSTS, FinanceQuery.of(FinanceReport.REVENUE, DAY1, RANGE_END,
                "weekly", "f2pool"));
        assertEquals("minerpool-f2pool", orks.calls().getFirst().request().get("type").asText());
        Map<?, ?> week = row(answer, 0);
        assertEquals(DAY1 - UtcCalendar.DAY_MS, week.get("ts"), "weeks start on Sunday");
        assertEquals(dec("0.02000000"), week.get("revenueBTC"));
        assertNull(week.get("feesBTC"), "F2Pool reports no pool fee");
        assertNull(week.get("grossRevenueBTC"));

        Map<?, ?> all = (Map<?, ?>) answer(new ScriptedOrks().ork("cluster-1", FinanceServiceTest::fixedSite),
                JUNE_COSTS, query(FinanceReport.REVENUE, null)).get("summary");
        assertEquals(dec("0.07500000"), all.get("revenueBTC"));
        assertEquals(dec("0.00110000"), all.get("feesBTC")); // the Ocean days
        assertEquals(dec("0.05610000"), all.get("grossRevenueBTC")); // revenue + fees of the days fees are known
    }

    @Test
    void subsidyFeesShowTheSampledBlocksAndTheirMeans() {
        Map<?, ?> answer = answer(new ScriptedOrks().ork("cluster-1", FinanceServiceTest::fixedSite), JUNE_COSTS,
                query(FinanceReport.SUBSIDY_FEES, "monthly"));
        Map<?, ?> june = row(answer, 0);
        assertEquals(dec("3.12500000"), june.get("blockSubsidyBTC")); // 322,500,000 − 10,000,000 sats of fees
        assertEquals(dec("0.10000000"), june.get("blockFeesBTC"));
        assertEquals(1_600_000L, june.get("blockSizeBytes"));
        assertEquals(dec("3.12500000"), june.get("avgBlockSubsidyBTC"));
        assertEquals(Map.of("blockDays", 1), june.get("coverage"));
    }

    @Test
    void hashRevenueComparesTheSitesRevenuePerPhsWithTheNetworks() {
        Map<?, ?> d1 = row(answer(new ScriptedOrks().ork("cluster-1", FinanceServiceTest::fixedSite), JUNE_COSTS,
                query(FinanceReport.HASH_REVENUE, null)), 0);
        assertEquals(60_000_000_000L, d1.get("hashrateMhs")); // 1.728e13 / 288 MH/s
        assertEquals(dec("0.00050000"), d1.get("hashRevenueBtcPerPhsDay")); // 0.03 / 60
        assertEquals(dec("50.00"), d1.get("hashRevenueUsdPerPhsDay"));
        assertEquals(dec("20.00"), d1.get("hashCostUsdPerPhsDay")); // 1,200 / 60: the production cost
        assertEquals(800_000_000_000_000L, d1.get("networkHashrateMhs"));
        // (312,500,000 + 10,000,000) sats × 144 blocks / 800,000 PH/s = 58,050 sats per PH/s·day
        assertEquals(dec("0.00058050"), d1.get("networkHashPriceBtcPerPhsDay"));
        assertEquals(dec("58.05"), d1.get("networkHashPriceUsdPerPhsDay"));
    }

    @Test
    void aRangeStartingMidMonthStillCountsThatMonthsCosts() {
        Map<?, ?> summary = (Map<?, ?>) answer(new ScriptedOrks().ork("cluster-1", FinanceServiceTest::fixedSite),
                JUNE_COSTS, FinanceQuery.of(FinanceReport.COST_SUMMARY, DAY2 + 3_600_000L, RANGE_END, null, null))
                .get("summary");
        assertEquals(2, summary.get("days"));
        assertEquals(dec("2400.00"), summary.get("totalCostUsd")); // June 2 and 3 at 1,200 a day
        assertEquals(2, ((Map<?, ?>) summary.get("coverage")).get("costDays"));
    }

    @Test
    void theElectricityStatsAreAskedOnce() {
        ScriptedOrks orks = new ScriptedOrks().ork("cluster-1", FinanceServiceTest::fixedSite);
        answer(orks, JUNE_COSTS, query(FinanceReport.REVENUE_SUMMARY, null));
        assertEquals(1, orks.calls("getWrkExtData").stream()
                .filter(c -> "electricity".equals(c.request().get("type").asText())).count());
        assertEquals(8, orks.calls().size(), "range aggregates, transactions, 4 mempool reads, electricity, config");
    }

    @Test
    void withoutEnteredCostsTheCostFiguresAreNullAndTheCoverageSaysSo() {
        Map<?, ?> june = row(answer(new ScriptedOrks().ork("cluster-1", FinanceServiceTest::fixedSite),
                ProductionCostRecords.none(), query(FinanceReport.COST_SUMMARY, null)), 0);
        assertNull(june.get("totalCostUsd"));
        assertNull(june.get("allInCostUsdPerMWh"));
        assertEquals(57.36, june.get("consumptionMWh"));
        assertEquals(0, ((Map<?, ?>) june.get("coverage")).get("costDays"));
    }

    @Test
    void aFailedOrkIsReportedAndTheOthersFiguresStand() {
        ScriptedOrks orks = new ScriptedOrks().ork("cluster-1", FinanceServiceTest::fixedSite)
                .ork("cluster-2", (method, request) -> ScriptedOrks.FAILED);
        GatheredAnswer answer = new FinanceService(orks.requests(), JUNE_COSTS, clock)
                .report(query(FinanceReport.ENERGY_BALANCE, null), false).join();
        assertEquals(List.of("cluster-2"), answer.failures().stream().map(OrkFailure::orkId).toList());
        assertEquals(1_200_000L, row((Map<?, ?>) orks.body(answer), 0).get("sitePowerW"));
    }

    @Test
    void aMempoolDownEverywhereLeavesTheBtcFiguresAndNullsTheUsdOnes() {
        ScriptedOrks orks = new ScriptedOrks().ork("cluster-1", (method, request) ->
                "mempool".equals(request.get("type").asText()) ? ScriptedOrks.FAILED : fixedSite(method, request));
        Map<?, ?> d1 = row(answer(orks, JUNE_COSTS, query(FinanceReport.ENERGY_BALANCE, null)), 0);
        assertEquals(dec("0.03000000"), d1.get("revenueBTC"));
        assertNull(d1.get("revenueUsd"));
        assertNull(d1.get("btcPriceUsd"));
        assertNull(d1.get("priceSource"));
        assertNull(d1.get("profitUsd"));
    }

    @Test
    void aRangeInTheFutureAsksNothingAndListsNoDays() {
        ScriptedOrks orks = new ScriptedOrks().ork("cluster-1", FinanceServiceTest::fixedSite);
        Map<?, ?> answer = answer(orks, JUNE_COSTS, FinanceQuery.of(FinanceReport.ENERGY_BALANCE, NOW + 86_400_000L,
                NOW + 2 * 86_400_000L, null, null));
        assertEquals(List.of(), answer.get("log"));
        assertEquals(0, ((Map<?, ?>) answer.get("summary")).get("days"));
        assertTrue(orks.calls().isEmpty());
    }

    @Test
    void answersAreCachedPerParametersUntilRefreshed() {
        ScriptedOrks orks = new ScriptedOrks().ork("cluster-1", FinanceServiceTest::fixedSite);
        FinanceService service = new FinanceService(orks.requests(), JUNE_COSTS, clock);
        service.report(query(FinanceReport.REVENUE, null), false).join();
        service.report(query(FinanceReport.REVENUE, null), false).join();
        assertEquals(1, orks.calls().size());
        service.report(query(FinanceReport.REVENUE, "monthly"), false).join();
        service.report(query(FinanceReport.REVENUE, null), true).join();
        assertEquals(3, orks.calls().size());
    }

    @Test
    void parametersAreCheckedAgainstTheReport() {
        assertEquals("ERR_PERIOD_INVALID", assertThrows(DomainException.class,
                () -> query(FinanceReport.EBITDA, "weekly")).code());
        assertEquals("ERR_PERIOD_INVALID", assertThrows(DomainException.class,
                () -> query(FinanceReport.SUBSIDY_FEES, "yearly")).code());
        assertEquals("ERR_POOL_INVALID", assertThrows(DomainException.class,
                () -> FinanceQuery.of(FinanceReport.REVENUE, DAY1, DAY2, null, "F2Pool!")).code());
        assertEquals("ERR_MISSING_START_END", assertThrows(DomainException.class,
                () -> FinanceQuery.of(FinanceReport.REVENUE, null, DAY2, null, null)).code());
        assertEquals("ERR_INVALID_DATE_RANGE", assertThrows(DomainException.class,
                () -> FinanceQuery.of(FinanceReport.REVENUE, DAY2, DAY1, null, null)).code());
        assertEquals("ERR_DATE_RANGE_TOO_LARGE", assertThrows(DomainException.class,
                () -> FinanceQuery.of(FinanceReport.REVENUE, DAY1, DAY1 + 367 * UtcCalendar.DAY_MS, null, null))
                .code());
    }
}
