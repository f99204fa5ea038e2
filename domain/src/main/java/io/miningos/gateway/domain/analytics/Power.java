package io.miningos.gateway.domain.analytics;

/**
 * An electrical power in watts, the unit of device and meter stats.
 *
 * @param watts finite and not negative
 */
public record Power(double watts) {

    public static final Power ZERO = new Power(0);

    public Power {
        if (!Double.isFinite(watts) || watts < 0) {
            throw new IllegalArgumentException("a power is a finite non-negative number of watts: " + watts);
        }
    }

    public static Power ofKw(double kw) {
        return new Power(kw * 1000);
    }

    public double kw() {
        return watts / 1e3;
    }

    public double mw() {
        return watts / 1e6;
    }

    public Power plus(Power other) {
        return new Power(watts + other.watts);
    }

    /**
     * Efficiency in W/TH/s (joules per terahash): this power drawn for {@code hashrate}; null when there is no
     * hashrate or no power (no efficiency to speak of, rather than 0 or infinity).
     */
    public Double per(Hashrate hashrate) {
        return hashrate.isZero() || watts == 0 ? null : watts / hashrate.ths();
    }
}
