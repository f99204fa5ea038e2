package io.miningos.gateway.adapters.ork.sim.live;

import io.miningos.gateway.adapters.ork.sim.site.Noise;

/**
 * A stretch of trouble on one thing (offline, a device fault, overheating), placed by the seed inside a fixed
 * window. Because an episode never leaves its window, the episode active at any instant is found by looking at
 * one window only, and history can enumerate episodes without storing them.
 *
 * @param detail picks the fault among the candidates
 */
public record Episode(Kind kind, long start, long end, int detail, long salt) {

    public enum Kind { OFFLINE, FAULT, OVERHEAT }

    public boolean covers(long t) {
        return t >= start && t < end;
    }

    /** Stable alert uuid for an alert {@code name} raised by this episode. */
    public String uuid(String name) {
        return Noise.uuid(Noise.hash(salt, Noise.of(name)), Noise.hash(salt, 77, Noise.of(name)));
    }

    /**
     * How episodes are drawn for one family of things.
     *
     * @param windowMs     episodes live inside windows of this length
     * @param probability  chance that a window holds an episode
     * @param minMs        shortest episode
     * @param maxExtraMs   longest episode = minMs + maxExtraMs (skewed to short ones)
     * @param offlineShare share of episodes that are offline spells
     * @param faultShare   share that are device faults; the rest overheat
     */
    public record Plan(long windowMs, double probability, long minMs, long maxExtraMs, double offlineShare,
                       double faultShare) {

        /**
         * Each thing's windows are shifted by a seeded phase, so the site never has a moment when every window
         * starts at once (and no trouble is going on anywhere).
         */
        private long phase(long seed, long salt) {
            return Noise.below(Noise.hash(seed, salt, 0xFA5EL), (int) Math.min(Integer.MAX_VALUE, windowMs));
        }

        /** The index of the thing's window holding {@code t}. */
        public long windowOf(long seed, long salt, long t) {
            return Math.floorDiv(t + phase(seed, salt), windowMs);
        }

        /** The episode of window {@code w} of thing {@code salt}, or null. */
        public Episode inWindow(long seed, long salt, long w) {
            long h = Noise.hash(seed, salt, w, 0xE915L);
            if (Noise.unit(h) >= probability) {
                return null;
            }
            double u = Noise.unit(Noise.hash(h, 1));
            long duration = minMs + (long) (u * u * maxExtraMs);
            long windowStart = w * windowMs - phase(seed, salt);
            long start = windowStart + (long) (Noise.unit(Noise.hash(h, 2)) * (windowMs - duration));
            double k = Noise.unit(Noise.hash(h, 3));
            Kind kind = k < offlineShare ? Kind.OFFLINE : k < offlineShare + faultShare ? Kind.FAULT : Kind.OVERHEAT;
            return new Episode(kind, start, start + duration, Noise.below(Noise.hash(h, 4), 1 << 16), h);
        }

        /** The episode covering {@code t}, or null. */
        public Episode at(long seed, long salt, long t) {
            Episode e = inWindow(seed, salt, windowOf(seed, salt, t));
            return e != null && e.covers(t) ? e : null;
        }
    }
}
