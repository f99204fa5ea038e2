package io.miningos.gateway.domain.analytics.finance;

import io.miningos.gateway.domain.analytics.BtcPrice;

import java.util.Map;

/**
 * BTC prices by day: each day is valued at its own historical price (the Node gateway valued every day of some
 * routes at today's price); a day without a record falls back to the current price, marked as such; with neither
 * the day has no price (null), never a price of 0.
 *
 * @param historical UTC day start → that day's price
 * @param current    the live price, or null when the mempool worker gave none
 */
public record PriceBook(Map<Long, BtcPrice> historical, BtcPrice current) {

    public PriceBook {
        historical = Map.copyOf(historical);
    }

    public static PriceBook none() {
        return new PriceBook(Map.of(), null);
    }

    /** The price of the day starting at {@code dayStart}, or null when nothing is known. */
    public PriceQuote quoteOn(long dayStart) {
        BtcPrice day = historical.get(dayStart);
        if (day != null) {
            return new PriceQuote(day, PriceQuote.Source.HISTORICAL);
        }
        return current == null ? null : new PriceQuote(current, PriceQuote.Source.CURRENT);
    }
}
