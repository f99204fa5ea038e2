package io.miningos.gateway.adapters.ork.sim.site;

import java.util.UUID;

/**
 * Deterministic pseudo-random numbers derived from a few integers (seed, thing, time bucket...). Every simulated
 * value is a pure function of such inputs, so the same instant always reads the same, live or from history.
 */
public final class Noise {

    private Noise() {
    }

    /** SplitMix64 finaliser over the inputs. */
    public static long hash(long... parts) {
        long h = 0x9E3779B97F4A7C15L;
        for (long p : parts) {
            h = mix(h ^ mix(p + 0x632BE59BD9B4E019L));
        }
        return h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    public static double unit(long h) {
        return (h >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, 1) from the inputs. */
    public static double unit(long a, long b, long c) {
        return unit(hash(a, b, c));
    }

    /** Roughly normal, mean 0, standard deviation about 1 (sum of three uniforms), bounded to +-3. */
    public static double gauss(long h) {
        double a = unit(h);
        double b = unit(mix(h + 1));
        double c = unit(mix(h + 2));
        return (a + b + c - 1.5) * 2.0;
    }

    /** An integer in [0, bound). */
    public static int below(long h, int bound) {
        return (int) Math.floorMod(h, (long) bound);
    }

    /** Stable 64-bit hash of a string, for salting with names. */
    public static long of(String s) {
        long h = 1125899906842597L;
        for (int i = 0; i < s.length(); i++) {
            h = 31 * h + s.charAt(i);
        }
        return mix(h);
    }

    /** A UUID v4 text whose bits come from two hashes. */
    public static String uuid(long h1, long h2) {
        long msb = (h1 & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
        long lsb = (h2 & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    private static final char[] ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final char[] UPPER_DIGITS = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789".toCharArray();

    /** {@code length} alphanumeric characters (miner ids are 15 of them). */
    public static String alnum(long h, int length) {
        return chars(h, length, ALNUM);
    }

    /** Upper-case letters and digits, as in serial numbers. */
    public static String upper(long h, int length) {
        return chars(h, length, UPPER_DIGITS);
    }

    private static String chars(long h, int length, char[] alphabet) {
        StringBuilder sb = new StringBuilder(length);
        long state = h;
        for (int i = 0; i < length; i++) {
            state = mix(state + i + 1);
            sb.append(alphabet[below(state, alphabet.length)]);
        }
        return sb.toString();
    }

    /** Rounds to {@code decimals} places. */
    public static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
