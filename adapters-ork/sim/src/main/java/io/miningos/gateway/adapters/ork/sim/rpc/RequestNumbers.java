package io.miningos.gateway.adapters.ork.sim.rpc;

/**
 * Numbers in requests, read the way a Node worker reads them: a JSON number or a numeric string. Shared by the
 * ORK's methods and the workers answering extended data.
 */
public final class RequestNumbers {

    /** Latest instant a range may name: year 3000; range bounds are clamped to {@code 0..LAST_INSTANT}. */
    public static final long LAST_INSTANT = 32_503_680_000_000L;

    private RequestNumbers() {
    }

    /** A whole number from a number or a numeric string, else null. */
    public static Long asLong(Object v) {
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? (long) d : null;
        }
        if (v instanceof String s && s.matches("-?\\d{1,18}")) {
            return Long.parseLong(s);
        }
        return null;
    }

    /** An instant (ms) as {@link #asLong}, clamped to {@code 0..LAST_INSTANT}; else null. */
    public static Long asTime(Object v) {
        Long t = asLong(v);
        return t == null ? null : Math.max(0, Math.min(LAST_INSTANT, t));
    }
}
