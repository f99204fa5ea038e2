package io.miningos.gateway.domain.analytics;

/**
 * A hashrate in MH/s, the unit of device stats and stat logs (pools report H/s: {@link #ofHs}). Physical
 * quantities are doubles: they are measurements, not money.
 *
 * @param mhs finite and not negative
 */
public record Hashrate(double mhs) {

    public static final Hashrate ZERO = new Hashrate(0);

    public Hashrate {
        if (!Double.isFinite(mhs) || mhs < 0) {
            throw new IllegalArgumentException("a hashrate is a finite non-negative MH/s value: " + mhs);
        }
    }

    /** A hashrate from a pool, in H/s. */
    public static Hashrate ofHs(double hs) {
        return new Hashrate(hs / 1e6);
    }

    public double hs() {
        return mhs * 1e6;
    }

    public double ths() {
        return mhs / 1e6;
    }

    public double phs() {
        return mhs / 1e9;
    }

    public Hashrate plus(Hashrate other) {
        return new Hashrate(mhs + other.mhs);
    }

    public boolean isZero() {
        return mhs == 0;
    }
}
