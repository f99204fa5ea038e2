package io.miningos.gateway.domain.analytics.finance;

import io.miningos.gateway.domain.analytics.BtcPrice;
import io.miningos.gateway.domain.analytics.Hashrate;

/**
 * Everything known about one UTC day from the ORKs and the gateway's store; any part may be missing (null), and
 * what is derived from a missing part is missing too.
 *
 * @param day             start of the UTC day, epoch ms
 * @param sitePower       site power (powermeter {@code site_power_w}), W
 * @param hashrate        site hashrate (miner {@code hashrate_mhs_5m_sum_aggr}), MH/s
 * @param pool            what the pools paid for the day
 * @param price           the day's BTC price
 * @param currentPrice    today's BTC price (values BTC for "hodl")
 * @param cost            the day's share of the entered production costs
 * @param electricity     available / expected energy
 * @param nominalPowerMW  power the site may draw, MW ({@code nominalPowerAvailability_MW})
 * @param networkHashrate the network's mean hashrate that day
 * @param block           the block sampled that day
 */
public record DayInputs(long day, DailyStat sitePower, DailyStat hashrate, PoolDay pool, PriceQuote price,
                        BtcPrice currentPrice, DailyCost cost, ElectricityDay electricity, Double nominalPowerMW,
                        Hashrate networkHashrate, BlockSample block) {

    /** A day nothing is known about. */
    public static DayInputs empty(long day) {
        return new DayInputs(day, null, null, null, null, null, null, null, null, null, null);
    }
}
