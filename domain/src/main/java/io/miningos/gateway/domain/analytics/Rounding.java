package io.miningos.gateway.domain.analytics;

/**
 * How measured quantities (power, hashrate, temperatures, efficiencies) are rounded for display: to {@code places}
 * decimals, halves up ({@code Math.round}, the same as JavaScript's, which the Node gateway used). Money is never
 * rounded this way (see {@link Usd}, {@link Sats}).
 */
public final class Rounding {

    private Rounding() {
    }

    /** A value that is not finite is returned as it is. */
    public static double places(double value, int places) {
        if (!Double.isFinite(value)) {
            return value;
        }
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }

    /** Null stays null, and so does anything that is not a finite number. */
    public static Double places(Double value, int places) {
        return value == null || !Double.isFinite(value) ? null : places(value.doubleValue(), places);
    }
}
