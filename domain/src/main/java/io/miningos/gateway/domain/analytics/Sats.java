package io.miningos.gateway.domain.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of bitcoin in satoshis (10⁻⁸ BTC), the unit all BTC arithmetic is done in: sums of pool revenue are
 * exact. Shown as BTC with exactly 8 decimals ({@link #toBtc()}), which a JSON number holds exactly.
 *
 * @param value satoshis, may be negative (a difference)
 */
public record Sats(long value) implements Comparable<Sats> {

    public static final Sats ZERO = new Sats(0);
    public static final long PER_BTC = 100_000_000L;
    /** More than every bitcoin there will ever be; larger amounts are a worker's mistake, not money. */
    public static final long MAX_ABS = 2_100_000_000_000_000L;

    public Sats {
        if (value > MAX_ABS || value < -MAX_ABS) {
            throw new IllegalArgumentException("not a bitcoin amount: " + value + " sats");
        }
    }

    /**
     * A BTC amount as pool workers report it. Amounts finer than a satoshi are rounded to the nearest satoshi,
     * halves to even; null when the amount is not a plausible number of bitcoin.
     */
    public static Sats ofBtc(BigDecimal btc) {
        if (btc == null) {
            return null;
        }
        BigDecimal sats = btc.movePointRight(8).setScale(0, RoundingMode.HALF_EVEN);
        if (sats.abs().compareTo(BigDecimal.valueOf(MAX_ABS)) > 0) {
            return null;
        }
        return new Sats(sats.longValueExact());
    }

    /** Whole satoshis as a worker reports them (e.g. Ocean's {@code satoshis_net_earned}); null if implausible. */
    public static Sats ofSats(BigDecimal sats) {
        return sats == null ? null : ofBtc(sats.movePointLeft(8));
    }

    public Sats plus(Sats other) {
        return new Sats(Math.addExact(value, other.value));
    }

    public Sats minus(Sats other) {
        return new Sats(Math.subtractExact(value, other.value));
    }

    public Sats abs() {
        return value < 0 ? new Sats(-value) : this;
    }

    public boolean isZero() {
        return value == 0;
    }

    /** BTC with exactly 8 decimals, e.g. {@code 0.06120000}. */
    public BigDecimal toBtc() {
        return BigDecimal.valueOf(value, 8);
    }

    @Override
    public int compareTo(Sats o) {
        return Long.compare(value, o.value);
    }

    /** Null-tolerant sum: null when both are null (nothing known), else the known ones added. */
    public static Sats sum(Sats a, Sats b) {
        return a == null ? b : b == null ? a : a.plus(b);
    }
}
