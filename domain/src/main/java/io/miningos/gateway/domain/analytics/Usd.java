package io.miningos.gateway.domain.analytics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * An amount of US dollars, kept exact ({@link BigDecimal}) through sums and products; only divisions round (to
 * {@value #WORKING_SCALE} decimals, halves to even), and an amount is rounded to cents (halves to even) only
 * when shown ({@link #toCents()}). Totals are therefore sums of exact amounts, not of rounded ones.
 */
public record Usd(BigDecimal amount) implements Comparable<Usd> {

    public static final Usd ZERO = new Usd(BigDecimal.ZERO);
    /** Decimals kept by divisions (a monthly cost split over its days). */
    public static final int WORKING_SCALE = 12;

    public Usd {
        if (amount == null) {
            throw new IllegalArgumentException("amount is required");
        }
    }

    public static Usd of(String amount) {
        return new Usd(new BigDecimal(amount));
    }

    public static Usd of(long dollars) {
        return new Usd(BigDecimal.valueOf(dollars));
    }

    public Usd plus(Usd other) {
        return new Usd(amount.add(other.amount));
    }

    public Usd minus(Usd other) {
        return new Usd(amount.subtract(other.amount));
    }

    public Usd times(BigDecimal factor) {
        return new Usd(amount.multiply(factor));
    }

    /** This amount split into {@code parts} equal shares (e.g. a month's cost per day). */
    public Usd dividedBy(int parts) {
        return new Usd(amount.divide(BigDecimal.valueOf(parts), WORKING_SCALE, RoundingMode.HALF_EVEN));
    }

    /** Rounded to cents, halves to even: how an amount is shown. */
    public BigDecimal toCents() {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }

    /**
     * This amount per unit of {@code quantity} (USD per MWh, per PH/s·day, per BTC), rounded to cents, halves to
     * even; null when the quantity is not positive (nothing to divide by).
     */
    public BigDecimal per(BigDecimal quantity) {
        if (quantity == null || quantity.signum() <= 0) {
            return null;
        }
        return amount.divide(quantity, new MathContext(34, RoundingMode.HALF_EVEN)).setScale(2, RoundingMode.HALF_EVEN);
    }

    @Override
    public int compareTo(Usd o) {
        return amount.compareTo(o.amount);
    }

    /** Null-tolerant sum: null when both are null (nothing known), else the known ones added. */
    public static Usd sum(Usd a, Usd b) {
        return a == null ? b : b == null ? a : a.plus(b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Usd other && amount.compareTo(other.amount) == 0;
    }

    @Override
    public int hashCode() {
        return amount.stripTrailingZeros().hashCode();
    }

    @Override
    public String toString() {
        return "USD " + amount.toPlainString();
    }
}
