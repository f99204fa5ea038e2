package io.miningos.gateway.domain.analytics;

import java.math.BigDecimal;

/**
 * The price of one bitcoin in US dollars (as the mempool worker reports it).
 *
 * @param usdPerBtc positive
 */
public record BtcPrice(BigDecimal usdPerBtc) {

    public BtcPrice {
        if (usdPerBtc == null || usdPerBtc.signum() <= 0) {
            throw new IllegalArgumentException("a price must be positive: " + usdPerBtc);
        }
    }

    /** A reported price, or null when it is not a positive number (a missing or broken quote). */
    public static BtcPrice ofReported(BigDecimal usdPerBtc) {
        return usdPerBtc == null || usdPerBtc.signum() <= 0 ? null : new BtcPrice(usdPerBtc);
    }

    public static BtcPrice of(String usdPerBtc) {
        return new BtcPrice(new BigDecimal(usdPerBtc));
    }

    /** What {@code amount} is worth at this price, exactly ({@code sats × price / 10⁸}). */
    public Usd valueOf(Sats amount) {
        return new Usd(usdPerBtc.multiply(BigDecimal.valueOf(amount.value())).movePointLeft(8));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BtcPrice other && usdPerBtc.compareTo(other.usdPerBtc) == 0;
    }

    @Override
    public int hashCode() {
        return usdPerBtc.stripTrailingZeros().hashCode();
    }
}
