package io.miningos.gateway.application.multisite;

import io.miningos.gateway.domain.analytics.Sats;
import io.miningos.gateway.domain.analytics.Usd;

import java.math.BigDecimal;

/**
 * One UTC day of one site, as its gateway's {@code /auth/finance/revenue-summary} gave it (checked by
 * {@link SiteLedger#read}). Null: the site did not know the figure that day.
 *
 * @param revenue            pool revenue credited that day
 * @param revenueUsd         that revenue at the day's price, as the site valued it (cents)
 * @param priceUsd           the day's BTC price the site used
 * @param sitePowerW         mean site power (W)
 * @param hashrateMhs        mean hashrate (MH/s)
 * @param energyCost         the day's share of the month's energy cost
 * @param operationalCost    the day's share of the month's operational cost
 * @param consumptionMWh     energy consumed
 * @param availableEnergyMWh energy the grid offered
 * @param expectedEnergyMWh  energy the site would have used without operational issues
 * @param curtailmentMWh     energy offered and not used
 * @param operationalIssuesRate (expected − consumed) ÷ expected
 * @param networkHashrateMhs the network's hashrate that day
 * @param networkHashPriceUsd the network's USD per PH/s·day
 * @param blockSubsidy       the day's sampled block's subsidy
 * @param blockFees          the day's sampled block's transaction fees
 * @param blockSizeBytes     the day's sampled block's size
 * @param onlineMiners       the mean number of miners online that day ({@code /auth/metrics/miner-status}); null
 *                           unless a route asked for it
 */
public record SiteDay(long ts, Sats revenue, Usd revenueUsd, BigDecimal priceUsd, Double sitePowerW,
                      Double hashrateMhs, Usd energyCost, Usd operationalCost, Double consumptionMWh,
                      Double availableEnergyMWh, Double expectedEnergyMWh, Double curtailmentMWh,
                      Double operationalIssuesRate, Double networkHashrateMhs, BigDecimal networkHashPriceUsd,
                      Sats blockSubsidy, Sats blockFees, Double blockSizeBytes, Double onlineMiners) {

    /** The same day with the site's mean number of online miners. */
    public SiteDay withOnlineMiners(Double online) {
        return new SiteDay(ts, revenue, revenueUsd, priceUsd, sitePowerW, hashrateMhs, energyCost, operationalCost,
                consumptionMWh, availableEnergyMWh, expectedEnergyMWh, curtailmentMWh, operationalIssuesRate,
                networkHashrateMhs, networkHashPriceUsd, blockSubsidy, blockFees, blockSizeBytes, online);
    }

    /**
     * The transaction-fee part of the day's revenue (the UI's {@code totalFeesBTC}): the revenue times the fee
     * share of the day's sampled block, rounded down to a satoshi; null without the block or the revenue.
     */
    public Sats txFees() {
        if (revenue == null || blockSubsidy == null || blockFees == null) {
            return null;
        }
        long reward = blockSubsidy.value() + blockFees.value();
        if (reward <= 0) {
            return null;
        }
        return new Sats(BigDecimal.valueOf(revenue.value()).multiply(BigDecimal.valueOf(blockFees.value()))
                .divideToIntegralValue(BigDecimal.valueOf(reward)).longValueExact());
    }
}
