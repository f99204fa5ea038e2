package io.miningos.gateway.adapters.ork.sim.live;

import io.miningos.gateway.adapters.ork.sim.site.Noise;

/** Outdoor conditions at the site: a daily and a yearly cycle plus slow noise. Drives temperatures and cooling. */
public final class Weather {
    private static final long DAY = 86_400_000L;
    private static final long TEN_MINUTES = 600_000L;

    private final long seed;
    /** The last instant asked and its answer: thousands of devices read the same instant in a row. */
    private volatile double[] last = {Double.NaN, 0};

    public Weather(long seed) {
        this.seed = seed;
    }

    /** Outdoor temperature in °C at {@code t}. */
    public double ambientC(long t) {
        double[] memo = last;
        if (memo[0] == t) {
            return memo[1];
        }
        double value = compute(t);
        last = new double[]{t, value};
        return value;
    }

    private double compute(long t) {
        double hourOfDay = Math.floorMod(t, DAY) / 3_600_000.0;
        double dayOfYear = Math.floorMod(t, 365 * DAY) / (double) DAY;
        double daily = 7.0 * Math.sin(2 * Math.PI * (hourOfDay - 9) / 24.0);
        double yearly = 6.0 * Math.sin(2 * Math.PI * (dayOfYear - 110) / 365.0);
        long bucket = Math.floorDiv(t, TEN_MINUTES);
        double a = Noise.gauss(Noise.hash(seed, 31, bucket));
        double b = Noise.gauss(Noise.hash(seed, 31, bucket + 1));
        double frac = Math.floorMod(t, TEN_MINUTES) / (double) TEN_MINUTES;
        return 21.0 + daily + yearly + 0.6 * (a + (b - a) * frac);
    }

    /** Relative humidity in %, lower when it is warm. */
    public double humidity(long t) {
        return Math.max(20, Math.min(90, 75 - 1.2 * (ambientC(t) - 15)
                + 3 * Noise.gauss(Noise.hash(seed, 32, Math.floorDiv(t, TEN_MINUTES)))));
    }
}
