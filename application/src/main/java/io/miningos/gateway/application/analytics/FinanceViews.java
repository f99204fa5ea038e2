package io.miningos.gateway.application.analytics;

import io.miningos.gateway.application.analytics.FinanceService.Source;
import io.miningos.gateway.application.analytics.port.in.FinanceQuery;
import io.miningos.gateway.application.analytics.port.in.FinanceReport;
import io.miningos.gateway.domain.analytics.BtcPrice;
import io.miningos.gateway.domain.analytics.Period;
import io.miningos.gateway.domain.analytics.Rounding;
import io.miningos.gateway.domain.analytics.UtcCalendar;
import io.miningos.gateway.domain.analytics.finance.DayInputs;
import io.miningos.gateway.domain.analytics.finance.FinanceFigures;
import io.miningos.gateway.domain.analytics.finance.FinanceInputs;
import io.miningos.gateway.domain.analytics.finance.FinanceLedger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The finance answers: {@code {period, log:[bucket], summary}}, buckets oldest first (every period), each
 * {@code {ts (UTC start), days, [year, month, monthName] (monthly), [year] (yearly), ...figures, coverage}};
 * {@code summary} is the whole range as one bucket with the same figures (and, where a report values BTC at
 * today's price, {@code currentBtcPriceUsd}). Units are in the names: BTC with 8 decimals, USD in cents, W and
 * MH/s whole, MW and MWh with 3 decimals, rates as fractions with 4 decimals, per-MWh / per-MW / per-PH/s·day
 * figures in cents (USD) or 8 decimals (BTC). A figure whose inputs are unknown is null, and {@code coverage}
 * says on how many days each of the report's inputs was known.
 */
final class FinanceViews {

    /** A group of figures some reports show. */
    private enum Fields {
        POWER((f, m) -> {
            m.put("sitePowerW", whole(f.energy().sitePowerW()));
            m.put("sitePowerMW", f.energy().sitePowerW() == null ? null
                    : Rounding.places(f.energy().sitePowerW() / 1e6, 3));
            m.put("consumptionMWh", f.energy().consumptionMWh());
        }),
        CONSUMPTION((f, m) -> m.put("consumptionMWh", f.energy().consumptionMWh())),
        GRID((f, m) -> {
            m.put("nominalPowerMW", f.energy().nominalPowerMW());
            m.put("powerUtilization", f.energy().powerUtilization());
            m.put("availableEnergyMWh", f.energy().availableEnergyMWh());
            m.put("expectedEnergyMWh", f.energy().expectedEnergyMWh());
            m.put("curtailmentMWh", f.energy().curtailmentMWh());
            m.put("curtailmentRate", f.energy().curtailmentRate());
            m.put("operationalIssuesRate", f.energy().operationalIssuesRate());
        }),
        REVENUE((f, m) -> m.put("revenueBTC", f.revenue().revenueBtc())),
        POOL_FEES((f, m) -> {
            m.put("feesBTC", f.revenue().feesBtc());
            m.put("grossRevenueBTC", f.revenue().grossRevenueBtc());
        }),
        REVENUE_USD((f, m) -> {
            m.put("revenueUsd", f.revenue().revenueUsd());
            m.put("btcPriceUsd", f.revenue().btcPriceUsd());
            m.put("priceSource", f.revenue().priceSource());
        }),
        FEES_USD((f, m) -> m.put("feesUsd", f.revenue().feesUsd())),
        PRICE((f, m) -> {
            m.put("btcPriceUsd", f.revenue().btcPriceUsd());
            m.put("priceSource", f.revenue().priceSource());
        }),
        HASHRATE((f, m) -> m.put("hashrateMhs", whole(f.mining().hashrateMhs()))),
        COSTS((f, m) -> {
            m.put("energyCostUsd", f.costs().energyCostUsd());
            m.put("operationalCostUsd", f.costs().operationalCostUsd());
            m.put("totalCostUsd", f.costs().totalCostUsd());
        }),
        PROFIT((f, m) -> m.put("profitUsd", f.costs().ebitdaSellingUsd())),
        EBITDA((f, m) -> {
            m.put("ebitdaSellingUsd", f.costs().ebitdaSellingUsd());
            m.put("ebitdaHodlUsd", f.costs().ebitdaHodlUsd());
            m.put("btcProductionCostUsd", f.costs().btcProductionCostUsd());
        }),
        REVENUE_PER_ENERGY((f, m) -> {
            m.put("energyRevenueUsdPerMWh", f.revenue().energyRevenueUsdPerMWh());
            m.put("allInCostUsdPerMWh", f.costs().allInCostUsdPerMWh());
        }),
        REVENUE_PER_MW((f, m) -> {
            m.put("energyRevenueBtcPerMW", f.revenue().energyRevenueBtcPerMW());
            m.put("energyRevenueUsdPerMW", f.revenue().energyRevenueUsdPerMW());
        }),
        COST_PER_ENERGY((f, m) -> {
            m.put("allInCostUsdPerMWh", f.costs().allInCostUsdPerMWh());
            m.put("energyCostUsdPerMWh", f.costs().energyCostUsdPerMWh());
            m.put("operationalCostUsdPerMWh", f.costs().operationalCostUsdPerMWh());
        }),
        HASH_REVENUE((f, m) -> {
            m.put("hashRevenueBtcPerPhsDay", f.mining().hashRevenueBtcPerPhsDay());
            m.put("hashRevenueUsdPerPhsDay", f.mining().hashRevenueUsdPerPhsDay());
            m.put("hashCostUsdPerPhsDay", f.mining().hashCostUsdPerPhsDay());
        }),
        NETWORK((f, m) -> {
            m.put("networkHashrateMhs", whole(f.mining().networkHashrateMhs()));
            m.put("networkHashPriceBtcPerPhsDay", f.mining().networkHashPriceBtcPerPhsDay());
            m.put("networkHashPriceUsdPerPhsDay", f.mining().networkHashPriceUsdPerPhsDay());
        }),
        BLOCKS((f, m) -> {
            FinanceFigures.Blocks b = f.blocks();
            m.put("blockSubsidyBTC", btc(b.subsidySats()));
            m.put("blockFeesBTC", btc(b.feesSats()));
            m.put("blockSizeBytes", b.sizeBytes());
            m.put("avgBlockSubsidyBTC", b.subsidySats() == null ? null : btc(mean(b.subsidySats(), b.days())));
            m.put("avgBlockFeesBTC", b.feesSats() == null ? null : btc(mean(b.feesSats(), b.days())));
            m.put("avgBlockSizeBytes", b.sizeBytes() == null ? null : mean(b.sizeBytes(), b.sizeDays()));
        });

        private final BiConsumer<FinanceFigures, Map<String, Object>> writer;

        Fields(BiConsumer<FinanceFigures, Map<String, Object>> writer) {
            this.writer = writer;
        }
    }

    private FinanceViews() {
    }

    static List<Fields> fields(FinanceReport report) {
        return switch (report) {
            case ENERGY_BALANCE -> List.of(Fields.POWER, Fields.REVENUE, Fields.REVENUE_USD, Fields.COSTS,
                    Fields.PROFIT, Fields.REVENUE_PER_ENERGY, Fields.REVENUE_PER_MW, Fields.GRID);
            case EBITDA -> List.of(Fields.REVENUE, Fields.REVENUE_USD, Fields.POWER, Fields.HASHRATE, Fields.COSTS,
                    Fields.EBITDA);
            case COST_SUMMARY -> List.of(Fields.CONSUMPTION, Fields.COSTS, Fields.COST_PER_ENERGY, Fields.PRICE);
            case SUBSIDY_FEES -> List.of(Fields.BLOCKS);
            case REVENUE -> List.of(Fields.REVENUE, Fields.POOL_FEES);
            case REVENUE_SUMMARY -> List.of(Fields.REVENUE, Fields.POOL_FEES, Fields.REVENUE_USD, Fields.FEES_USD,
                    Fields.POWER, Fields.HASHRATE, Fields.COSTS, Fields.EBITDA, Fields.REVENUE_PER_ENERGY,
                    Fields.COST_PER_ENERGY, Fields.REVENUE_PER_MW, Fields.HASH_REVENUE, Fields.NETWORK,
                    Fields.BLOCKS, Fields.GRID);
            case HASH_REVENUE -> List.of(Fields.HASHRATE, Fields.REVENUE, Fields.REVENUE_USD, Fields.COSTS,
                    Fields.HASH_REVENUE, Fields.NETWORK);
        };
    }

    static Map<String, Object> answer(FinanceQuery query, Set<Source> sources, List<Long> days,
                                      FinanceInputs inputs) {
        List<DayInputs> dayInputs = inputs.days(days);
        List<Fields> fields = fields(query.report());
        List<Object> log = new ArrayList<>();
        for (FinanceFigures bucket : FinanceLedger.series(dayInputs, query.period())) {
            log.add(figures(bucket, query.period(), fields, sources));
        }
        Map<String, Object> summary = figures(FinanceLedger.total(dayInputs), null, fields, sources);
        if (sources.contains(Source.PRICES) && fields.contains(Fields.EBITDA)) {
            BtcPrice current = inputs.prices().current();
            summary.put("currentBtcPriceUsd", current == null ? null
                    : current.usdPerBtc().setScale(2, RoundingMode.HALF_EVEN));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("period", query.period().text());
        out.put("log", log);
        out.put("summary", summary);
        return out;
    }

    /** @param period the bucket's period, null for the summary */
    private static Map<String, Object> figures(FinanceFigures f, Period period, List<Fields> fields,
                                               Set<Source> sources) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ts", f.ts());
        m.put("days", f.days());
        if (period == Period.MONTHLY || period == Period.YEARLY) {
            m.put("year", UtcCalendar.date(f.ts()).getYear());
        }
        if (period == Period.MONTHLY) {
            m.put("month", UtcCalendar.date(f.ts()).getMonthValue());
            m.put("monthName", Period.monthName(f.ts()));
        }
        fields.forEach(group -> group.writer.accept(f, m));
        m.put("coverage", coverage(f.coverage(), sources));
        return m;
    }

    /** On how many days of the bucket each of the report's inputs was known. */
    private static Map<String, Object> coverage(FinanceFigures.Coverage c, Set<Source> sources) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (sources.contains(Source.SITE_POWER)) {
            m.put("powerDays", c.powerDays());
        }
        if (sources.contains(Source.HASHRATE)) {
            m.put("hashrateDays", c.hashrateDays());
        }
        if (sources.contains(Source.POOL)) {
            m.put("poolDays", c.poolDays());
        }
        if (sources.contains(Source.PRICES)) {
            m.put("historicalPriceDays", c.historicalPriceDays());
            m.put("currentPriceDays", c.currentPriceDays());
        }
        if (sources.contains(Source.COSTS)) {
            m.put("costDays", c.costDays());
        }
        if (sources.contains(Source.ELECTRICITY)) {
            m.put("electricityDays", c.electricityDays());
        }
        if (sources.contains(Source.NETWORK)) {
            m.put("networkDays", c.networkDays());
        }
        if (sources.contains(Source.BLOCKS)) {
            m.put("blockDays", c.blockDays());
        }
        return m;
    }

    private static Long whole(Double value) {
        return value == null ? null : Math.round(value);
    }

    private static BigDecimal btc(Long sats) {
        return sats == null ? null : BigDecimal.valueOf(sats, 8);
    }

    /** A whole mean, halves to even (satoshis, bytes). */
    private static Long mean(long total, int count) {
        return count == 0 ? null : BigDecimal.valueOf(total).divide(BigDecimal.valueOf(count), 0,
                RoundingMode.HALF_EVEN).longValueExact();
    }
}
