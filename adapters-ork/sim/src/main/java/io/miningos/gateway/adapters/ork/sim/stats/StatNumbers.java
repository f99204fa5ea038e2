package io.miningos.gateway.adapters.ork.sim.stats;

/** Number hygiene for stat values: whole numbers as longs, others rounded to 3 decimals, never NaN. */
public final class StatNumbers {
    private StatNumbers() {
    }

    public static Number clean(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return 0L;
        }
        if (v == Math.rint(v) && Math.abs(v) < 9e15) {
            return (long) v;
        }
        return Math.round(v * 1000.0) / 1000.0;
    }

    public static double of(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }
}
