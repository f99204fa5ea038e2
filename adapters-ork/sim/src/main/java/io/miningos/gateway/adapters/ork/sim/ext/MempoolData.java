package io.miningos.gateway.adapters.ork.sim.ext;

import io.miningos.gateway.adapters.ork.sim.live.JsonObjects;
import io.miningos.gateway.adapters.ork.sim.rpc.RequestNumbers;
import io.miningos.gateway.adapters.ork.sim.site.Noise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.miningos.gateway.adapters.ork.sim.ext.BitcoinNetwork.DAY;

/**
 * What the mempool worker ({@code miningos-wrk-ext-mempool}, rack type {@code mempool}) answers to
 * {@code getWrkExtData}, from {@link BitcoinNetwork}:
 * <ul>
 *   <li>{@code query.key} {@code HISTORICAL_PRICES}, {@code HISTORICAL_BLOCKSIZES}, {@code HISTORICAL_HASHRATE}:
 *       one record per UTC midnight in {@code [start, end]} (ms; missing start = the oldest kept day, missing end =
 *       now), ascending, at most {@code limit} when given: {@code {ts, priceUSD}}, {@code {ts, blockSize (bytes),
 *       blockHash, blockReward (sats, subsidy + fees), blockTotalFees (sats)}}, {@code {ts, avgHashrateMHs}}.</li>
 *   <li>any other key (or none): the live snapshot, refreshed every 30 minutes as the worker fetches it.</li>
 * </ul>
 * The worker keeps daily records for three years back ({@link #KEPT_DAYS}); nothing is stored here, every record
 * is computed when read, so the answer's size is the only bound.
 */
public final class MempoolData {

    /** Daily records go back this many days from today. */
    public static final int KEPT_DAYS = 1_096;
    /** The worker refreshes its live snapshot this often. */
    static final long REFRESH_MS = 1_800_000L;

    private static final String[] REWARD_WINDOWS = {"24h", "3d", "1w", "1m", "3m", "6m", "1y", "2y", "3y"};
    private static final long[] REWARD_WINDOW_DAYS = {1, 3, 7, 30, 90, 180, 365, 730, 1094};

    /** The last snapshot and the refresh it belongs to; one live object is all the worker keeps. */
    private volatile Object[] snapshot = {Long.MIN_VALUE, null};

    /** The rack's answer before projection: a list of daily records or the snapshot object. */
    public Object answer(Map<String, Object> query, long now) {
        Object key = query.get("key");
        if (key instanceof String k && (k.equals("HISTORICAL_PRICES") || k.equals("HISTORICAL_BLOCKSIZES")
                || k.equals("HISTORICAL_HASHRATE"))) {
            return history(k, RequestNumbers.asTime(query.get("start")), RequestNumbers.asTime(query.get("end")),
                    RequestNumbers.asLong(query.get("limit")), now);
        }
        return snapshot(now);
    }

    private List<Object> history(String key, Long start, Long end, Long limit, long now) {
        long today = Math.floorDiv(now, DAY) * DAY;
        long oldest = today - (KEPT_DAYS - 1) * DAY;
        long to = Math.min(today, end == null ? now : end);
        if (start != null && start > to) {
            return new ArrayList<>();
        }
        long from = start == null ? oldest : Math.max(oldest, Math.floorDiv(start + DAY - 1, DAY) * DAY);
        int max = limit == null || limit <= 0 ? KEPT_DAYS : (int) Math.min(KEPT_DAYS, limit);
        List<Object> out = new ArrayList<>();
        for (long day = from; day <= to && out.size() < max; day += DAY) {
            out.add(switch (key) {
                case "HISTORICAL_PRICES" -> JsonObjects.of("ts", day, "priceUSD", BitcoinNetwork.priceUsd(day));
                case "HISTORICAL_HASHRATE" -> JsonObjects.of("ts", day, "avgHashrateMHs",
                        Math.round(BitcoinNetwork.hashrateHs(day) / 1e6));
                default -> {
                    BitcoinNetwork.Block b = BitcoinNetwork.blockAt(day);
                    yield JsonObjects.of("ts", day, "blockSize", b.sizeBytes(), "blockHash", b.hash(),
                            "blockReward", b.rewardSats(), "blockTotalFees", b.feesSats());
                }
            });
        }
        return out;
    }

    /** The live object; a copy, so callers may project it. */
    Map<String, Object> snapshot(long now) {
        long refresh = Math.floorDiv(now, REFRESH_MS) * REFRESH_MS;
        Object[] memo = snapshot;
        if ((long) memo[0] != refresh) {
            memo = new Object[]{refresh, build(refresh)};
            snapshot = memo;
        }
        return deepCopy(memo[1]);
    }

    private static Map<String, Object> build(long t) {
        long price = BitcoinNetwork.priceUsd(t);
        long dayAgo = BitcoinNetwork.priceUsd(t - DAY);
        long height = BitcoinNetwork.height(t);
        long epochStart = Math.floorDiv(height, BitcoinNetwork.EPOCH_BLOCKS) * BitcoinNetwork.EPOCH_BLOCKS;
        double ratio = BitcoinNetwork.hashrateHs(t) / BitcoinNetwork.hashrateHs(BitcoinNetwork.blockTime(epochStart));
        double blockMs = BitcoinNetwork.BLOCK_MS / ratio;
        long remaining = epochStart + BitcoinNetwork.EPOCH_BLOCKS - height;
        long difficulty = BitcoinNetwork.difficulty(height);
        long previous = BitcoinNetwork.difficulty(epochStart - 1);

        Map<String, Object> adjustments = new LinkedHashMap<>();
        adjustments.put("progressToDifficulty", Noise.round((height - epochStart) * 100.0
                / BitcoinNetwork.EPOCH_BLOCKS, 4));
        adjustments.put("nextAdjustmentTs", t + Math.round(remaining * blockMs));
        adjustments.put("nextAdjustmentExp", Noise.round((ratio - 1) * 100, 4));
        adjustments.put("prevAdjustment", Noise.round((difficulty / (double) previous - 1) * 100, 4));
        adjustments.put("avgBlockTime", Noise.round(blockMs / 60_000.0, 4));

        Map<String, Object> rewards = new LinkedHashMap<>();
        long today = Math.floorDiv(t, DAY) * DAY;
        for (int i = 0; i < REWARD_WINDOWS.length; i++) {
            double sum = 0;
            for (int d = 0; d < REWARD_WINDOW_DAYS[i]; d++) {
                long day = today - d * DAY;
                sum += BitcoinNetwork.subsidySats(BitcoinNetwork.height(day + DAY / 2)) + BitcoinNetwork
                        .dayFeesSats(day);
            }
            rewards.put(REWARD_WINDOWS[i], Noise.round(sum / REWARD_WINDOW_DAYS[i] / BitcoinNetwork.SATS_PER_BTC, 8));
        }

        // sat/vB: the day's fee level over a typical block's virtual size, busier in bursts
        double satsPerVbyte = BitcoinNetwork.dayFeesSats(t) / 1_600_000.0
                * Math.exp(0.25 * BitcoinNetwork.smooth(501, t, REFRESH_MS * 4));
        Map<String, Object> fees = new LinkedHashMap<>();
        fees.put("fastest", Math.max(1, Math.round(2.0 * satsPerVbyte)));
        fees.put("halfHour", Math.max(1, Math.round(1.4 * satsPerVbyte)));
        fees.put("hour", Math.max(1, Math.round(satsPerVbyte)));

        Map<String, Object> s = new LinkedHashMap<>();
        s.put("currentPrice", price);
        s.put("priceChange24Hrs", Noise.round((price - dayAgo) * 100.0 / dayAgo, 4));
        s.put("blockHeight", height);
        s.put("adjustments", adjustments);
        s.put("currentHashrate", BitcoinNetwork.hashrateHs(t));
        s.put("currentDifficulty", difficulty);
        s.put("blockRewardAvgs", rewards);
        s.put("transactionFees", fees);
        return s;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Object value) {
        Map<String, Object> out = new LinkedHashMap<>();
        ((Map<String, Object>) value).forEach((k, v) -> out.put(k, v instanceof Map<?, ?> ? deepCopy(v) : v));
        return out;
    }

}
