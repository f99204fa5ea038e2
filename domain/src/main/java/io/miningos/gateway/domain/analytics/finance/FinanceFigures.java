package io.miningos.gateway.domain.analytics.finance;

import java.math.BigDecimal;

/**
 * The finance figures of one bucket of days (a day, a week, a month, a year, or the whole range as a summary).
 * Every route of the finance group shows a selection of them.
 *
 * <p>Rules, the same for every figure: a total sums the days of the bucket where it is known, and is null when it
 * is known on no day; {@link Coverage} says on how many days each input was known. A mean is over the days where
 * it is known. A ratio (per MWh, per PH/s·day, per BTC, a rate) is computed from the bucket's sums over the days
 * where <b>both</b> of its parts are known — never by adding or averaging daily ratios. Units: BTC with 8
 * decimals (exact), USD rounded to cents halves-to-even (amounts are summed exactly before rounding), W and MH/s
 * rounded to whole units, MWh and MW to 3 decimals, rates (fractions, not percent) to 4 decimals.
 *
 * @param ts   start of the bucket's first day, epoch ms (the bucket's label)
 * @param days number of days in the bucket
 */
public record FinanceFigures(long ts, int days, Energy energy, Mining mining, Revenue revenue, Costs costs,
                             Blocks blocks, Coverage coverage) {

    /**
     * @param sitePowerW            mean site power (W)
     * @param consumptionMWh        site energy consumed (MWh)
     * @param nominalPowerMW        mean power the site may draw (MW)
     * @param powerUtilization      mean power ÷ nominal power
     * @param availableEnergyMWh    energy the site could have drawn (electricity worker)
     * @param expectedEnergyMWh     energy it was expected to draw after curtailment (electricity worker)
     * @param curtailmentMWh        available − consumed
     * @param curtailmentRate       curtailment ÷ available
     * @param operationalIssuesRate (expected − consumed) ÷ expected
     */
    public record Energy(Double sitePowerW, Double consumptionMWh, Double nominalPowerMW, Double powerUtilization,
                         Double availableEnergyMWh, Double expectedEnergyMWh, Double curtailmentMWh,
                         Double curtailmentRate, Double operationalIssuesRate) {
    }

    /**
     * @param hashrateMhs                  mean site hashrate (MH/s)
     * @param networkHashrateMhs           mean network hashrate (MH/s)
     * @param hashRevenueBtcPerPhsDay      pool revenue per PH/s of site hashrate per day
     * @param hashRevenueUsdPerPhsDay      the same in USD (each day at its price)
     * @param hashCostUsdPerPhsDay         total production cost per PH/s per day
     * @param networkHashPriceBtcPerPhsDay what the network paid per PH/s per day: (subsidy + fees of the day's
     *                                     sampled block) × 144 ÷ network PH/s, mean over days
     * @param networkHashPriceUsdPerPhsDay the same in USD
     */
    public record Mining(Double hashrateMhs, Double networkHashrateMhs, BigDecimal hashRevenueBtcPerPhsDay,
                         BigDecimal hashRevenueUsdPerPhsDay, BigDecimal hashCostUsdPerPhsDay,
                         BigDecimal networkHashPriceBtcPerPhsDay, BigDecimal networkHashPriceUsdPerPhsDay) {
    }

    /**
     * @param revenueBtc             credited by the pools (net of pool fees)
     * @param feesBtc                pool fees withheld
     * @param grossRevenueBtc        revenue + fees (days where fees are known)
     * @param btcPriceUsd            mean BTC price
     * @param priceSource            {@code historical}, {@code current} (no price record: today's price used),
     *                               {@code mixed}, or null with no price
     * @param revenueUsd             revenue valued at each day's price
     * @param feesUsd                fees valued at each day's price
     * @param energyRevenueUsdPerMWh revenue per MWh consumed
     * @param energyRevenueBtcPerMW  revenue per MW of mean site power (the bucket's revenue over its mean power,
     *                               days where both are known)
     * @param energyRevenueUsdPerMW  the same in USD (days where the price is known too)
     */
    public record Revenue(BigDecimal revenueBtc, BigDecimal feesBtc, BigDecimal grossRevenueBtc,
                          BigDecimal btcPriceUsd, String priceSource, BigDecimal revenueUsd, BigDecimal feesUsd,
                          BigDecimal energyRevenueUsdPerMWh, BigDecimal energyRevenueBtcPerMW,
                          BigDecimal energyRevenueUsdPerMW) {
    }

    /**
     * @param energyCostUsd            entered energy cost attributed to the days
     * @param operationalCostUsd       entered operational cost attributed to the days
     * @param totalCostUsd             both (days where both are entered)
     * @param ebitdaSellingUsd         revenue at each day's price − total cost
     * @param ebitdaHodlUsd            revenue at today's price − total cost
     * @param btcProductionCostUsd     total cost per BTC earned
     * @param allInCostUsdPerMWh       total cost per MWh consumed
     * @param energyCostUsdPerMWh      energy cost per MWh consumed
     * @param operationalCostUsdPerMWh operational cost per MWh consumed
     */
    public record Costs(BigDecimal energyCostUsd, BigDecimal operationalCostUsd, BigDecimal totalCostUsd,
                        BigDecimal ebitdaSellingUsd, BigDecimal ebitdaHodlUsd, BigDecimal btcProductionCostUsd,
                        BigDecimal allInCostUsdPerMWh, BigDecimal energyCostUsdPerMWh,
                        BigDecimal operationalCostUsdPerMWh) {
    }

    /**
     * The sampled blocks (one per day): sums over the days with a sample, and their number.
     *
     * @param subsidySats block subsidies
     * @param feesSats    block fees
     * @param sizeBytes   block sizes
     * @param days        days with a sample
     * @param sizeDays    days whose sample reports its size
     */
    public record Blocks(Long subsidySats, Long feesSats, Long sizeBytes, int days, int sizeDays) {
    }

    /** On how many days of the bucket each input was known. */
    public record Coverage(int powerDays, int hashrateDays, int poolDays, int historicalPriceDays,
                           int currentPriceDays, int costDays, int electricityDays, int networkDays, int blockDays) {
    }
}
