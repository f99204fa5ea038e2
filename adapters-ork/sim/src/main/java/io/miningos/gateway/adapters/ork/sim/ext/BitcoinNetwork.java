package io.miningos.gateway.adapters.ork.sim.ext;

import io.miningos.gateway.adapters.ork.sim.site.Noise;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The public Bitcoin network as the simulated site sees it: BTC price, network hashrate, block height and
 * difficulty, block subsidy and fees. Every value is a pure function of time, the same for every simulated ORK
 * (they read one public chain), so two ORKs agree and a day reads the same whenever it is asked.
 *
 * <p>Price and hashrate follow a few dated anchor points (roughly the real history, then a plausible path) in log
 * space, with smooth deterministic noise on top. Blocks arrive every 10 minutes exactly from the fourth halving
 * (block 840,000 at 2024-04-20T00:09:27Z), so the height, the subsidy (6.25 BTC before, 3.125 BTC after) and the
 * difficulty epochs follow from the clock.
 */
public final class BitcoinNetwork {

    public static final long DAY = 86_400_000L;
    static final long BLOCK_MS = 600_000L;
    static final long HALVING_HEIGHT = 840_000L;
    static final long HALVING_AT = 1_713_571_767_000L; // 2024-04-20T00:09:27Z
    static final int EPOCH_BLOCKS = 2_016;
    static final int HALVING_INTERVAL = 210_000;
    /** Blocks the network finds per day at the target rate. */
    public static final int BLOCKS_PER_DAY = 144;
    public static final long SATS_PER_BTC = 100_000_000L;

    private static final Curve PRICE = new Curve(0.15,
            "2022-01-01", 47_000, "2022-06-18", 19_000, "2022-11-21", 15_800, "2023-03-10", 20_000,
            "2023-07-13", 31_000, "2023-10-01", 27_000, "2024-01-01", 42_300, "2024-03-14", 73_000,
            "2024-08-05", 54_000, "2024-11-12", 88_000, "2024-12-17", 106_000, "2025-04-08", 77_000,
            "2025-05-22", 111_000, "2025-08-14", 123_000, "2025-10-06", 124_000, "2025-11-21", 85_000,
            "2026-01-01", 88_000, "2026-06-01", 96_000, "2027-01-01", 110_000, "2028-01-01", 130_000);
    private static final Curve HASHRATE = new Curve(0.30,
            "2022-01-01", 1.8e20, "2023-01-01", 2.5e20, "2024-01-01", 5.0e20, "2024-04-20", 6.2e20,
            "2024-07-01", 5.8e20, "2025-01-01", 8.0e20, "2025-07-01", 9.0e20, "2025-10-15", 1.1e21,
            "2026-06-01", 1.2e21, "2027-01-01", 1.4e21);
    /** Mean fees of a block, in satoshis. */
    private static final Curve FEES = new Curve(0,
            "2022-01-01", 9e6, "2023-05-01", 3.5e7, "2023-07-01", 1.2e7, "2024-01-01", 2.0e7, "2024-04-01", 2.5e7,
            "2024-06-01", 5e6, "2025-01-01", 3e6, "2026-01-01", 2.5e6);

    private BitcoinNetwork() {
    }

    // ------------------------------------------------------------------ price

    /** BTC price in USD at {@code t}, whole dollars. */
    public static long priceUsd(long t) {
        double noise = 0.05 * smooth(101, t, 10 * DAY) + 0.025 * smooth(102, t, 3 * DAY)
                + 0.012 * smooth(103, t, DAY) + 0.004 * smooth(104, t, 7_200_000L);
        return Math.round(PRICE.at(t) * Math.exp(noise));
    }

    // ------------------------------------------------------------------ hashrate and difficulty

    /** Network hashrate in H/s at {@code t}, as mempool.space estimates it (a few days' mean). */
    public static double hashrateHs(long t) {
        return Math.rint(HASHRATE.at(t) * Math.exp(0.03 * smooth(201, t, 3 * DAY) + 0.01 * smooth(202, t, DAY)));
    }

    /** Height of the last block found at or before {@code t}. */
    public static long height(long t) {
        return HALVING_HEIGHT + Math.floorDiv(t - HALVING_AT, BLOCK_MS);
    }

    /** When block {@code height} was found. */
    public static long blockTime(long height) {
        return HALVING_AT + (height - HALVING_HEIGHT) * BLOCK_MS;
    }

    /** Difficulty of the epoch holding {@code height}: what made blocks take 10 minutes at the epoch's start. */
    public static long difficulty(long height) {
        long epochStart = Math.floorDiv(height, EPOCH_BLOCKS) * EPOCH_BLOCKS;
        return Math.round(hashrateHs(blockTime(epochStart)) * (BLOCK_MS / 1000.0) / 4_294_967_296.0);
    }

    // ------------------------------------------------------------------ rewards

    /** Newly minted satoshis of block {@code height}. */
    public static long subsidySats(long height) {
        long halvings = height / HALVING_INTERVAL;
        return halvings >= 64 ? 0 : 5_000_000_000L >> halvings;
    }

    /** Mean transaction fees of a block found on the UTC day holding {@code t}, in satoshis. */
    public static long dayFeesSats(long t) {
        long day = Math.floorDiv(t, DAY);
        double level = 0.45 * smooth(301, t, 5 * DAY) + 0.2 * Noise.gauss(Noise.hash(302, day));
        return Math.round(FEES.at(day * DAY) * Math.exp(level));
    }

    /**
     * What the network paid miners per PH/s on the UTC day starting {@code dayStart}, in satoshis: the day's blocks
     * (subsidy plus mean fees) shared over the network's hashrate. The pools pay their accounts from it.
     */
    public static double satsPerPhDay(long dayStart) {
        long reward = subsidySats(height(dayStart + DAY / 2)) + dayFeesSats(dayStart);
        return BLOCKS_PER_DAY * (double) reward / (hashrateHs(dayStart + DAY / 2) / 1e15);
    }

    /** The block the mempool worker samples for the UTC day starting {@code dayStart}: the last one before it. */
    public static Block blockAt(long dayStart) {
        long h = height(dayStart);
        long dayIndex = Math.floorDiv(dayStart, DAY);
        long fees = Math.max(0, Math.round(dayFeesSats(dayStart) * Math.exp(0.3 * Noise.gauss(Noise.hash(401,
                dayIndex)))));
        long size = Math.max(400_000, Math.min(2_400_000, Math.round(1_600_000 * (1 + 0.12 * Noise.gauss(
                Noise.hash(402, dayIndex))))));
        StringBuilder hash = new StringBuilder("0000000000000000000");
        long state = Noise.hash(403, h);
        while (hash.length() < 64) {
            state = Noise.hash(state, hash.length());
            hash.append(String.format("%016x", state));
        }
        return new Block(h, size, hash.substring(0, 64), subsidySats(h) + fees, fees);
    }

    /**
     * One sampled block.
     *
     * @param rewardSats subsidy plus fees, what the block paid its miner (mempool.space {@code extras.reward})
     */
    public record Block(long height, long sizeBytes, String hash, long rewardSats, long feesSats) {
    }

    // ------------------------------------------------------------------ helpers

    /** Smooth noise around 0 (about -3..3), changing over {@code scale} ms: value noise with smoothstep. */
    static double smooth(long salt, long t, long scale) {
        long i = Math.floorDiv(t, scale);
        double f = Math.floorMod(t, scale) / (double) scale;
        double a = Noise.gauss(Noise.hash(salt, i));
        double b = Noise.gauss(Noise.hash(salt, i + 1));
        double s = f * f * (3 - 2 * f);
        return a + (b - a) * s;
    }

    /** A positive quantity through dated anchors, linear in log between them, growing at a fixed rate after. */
    private static final class Curve {
        private final long[] at;
        private final double[] logValue;
        private final double growthPerMs;

        Curve(double yearlyGrowth, Object... datesAndValues) {
            int n = datesAndValues.length / 2;
            at = new long[n];
            logValue = new double[n];
            for (int i = 0; i < n; i++) {
                at[i] = LocalDate.parse((String) datesAndValues[2 * i]).atStartOfDay(ZoneOffset.UTC).toInstant()
                        .toEpochMilli();
                logValue[i] = Math.log(((Number) datesAndValues[2 * i + 1]).doubleValue());
            }
            growthPerMs = Math.log1p(yearlyGrowth) / (365.25 * DAY);
        }

        double at(long t) {
            if (t <= at[0]) {
                return Math.exp(logValue[0]);
            }
            int last = at.length - 1;
            if (t >= at[last]) {
                return Math.exp(logValue[last] + growthPerMs * (t - at[last]));
            }
            int i = 0;
            while (at[i + 1] < t) {
                i++;
            }
            double f = (t - at[i]) / (double) (at[i + 1] - at[i]);
            return Math.exp(logValue[i] + f * (logValue[i + 1] - logValue[i]));
        }
    }
}
