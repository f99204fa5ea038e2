package io.miningos.gateway.domain.analytics.finance;

import io.miningos.gateway.domain.analytics.BtcPrice;

import java.util.Objects;

/** The BTC price used for one day and where it came from. */
public record PriceQuote(BtcPrice price, Source source) {

    public enum Source {
        /** The mempool worker's price record of that day. */
        HISTORICAL,
        /** The live price, for a day without a record (today, or a gap in the history). */
        CURRENT
    }

    public PriceQuote {
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(source, "source");
    }
}
