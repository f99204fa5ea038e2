package io.miningos.gateway.domain.analytics.finance;

import io.miningos.gateway.domain.analytics.BtcPrice;
import io.miningos.gateway.domain.analytics.Hashrate;
import io.miningos.gateway.domain.analytics.JsonView;
import io.miningos.gateway.domain.analytics.Sats;
import io.miningos.gateway.domain.analytics.UtcCalendar;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads what the mempool worker returns through {@code getWrkExtData {type:"mempool"}} (the ORK passes it on
 * unaggregated): the daily records of {@code HISTORICAL_PRICES} {@code {ts, priceUSD}},
 * {@code HISTORICAL_BLOCKSIZES} {@code {ts, blockReward, blockTotalFees, blockSize}} (satoshis, satoshis, bytes;
 * {@code blockReward} is what the block paid, subsidy plus fees: the worker stores mempool.space's
 * {@code extras.reward} and the UI subtracts the fees to get the subsidy) and {@code HISTORICAL_HASHRATE}
 * {@code {ts, avgHashrateMHs}}, and the live snapshot {@code {currentPrice, ...}}.
 * Each method takes the answers of the ORKs that answered, in configuration order; for a day several ORKs report,
 * the first one's record counts (they read the same public chain). Records that are not objects with a usable
 * {@code ts} and value are skipped.
 */
public final class MempoolAnswers {

    private MempoolAnswers() {
    }

    /** Day → price, from {@code HISTORICAL_PRICES} answers. */
    public static Map<Long, BtcPrice> dailyPrices(List<JsonView> answers) {
        return daily(answers, r -> BtcPrice.ofReported(first(r, "priceUSD", "price")));
    }

    /** The first positive live price ({@code currentPrice}, else {@code priceUSD}/{@code price}), or null. */
    public static BtcPrice currentPrice(List<JsonView> answers) {
        for (JsonView record : records(answers)) {
            BtcPrice price = BtcPrice.ofReported(first(record, "currentPrice", "priceUSD", "price"));
            if (price != null) {
                return price;
            }
        }
        return null;
    }

    /** Day → the block the worker sampled that day, from {@code HISTORICAL_BLOCKSIZES} answers. */
    public static Map<Long, BlockSample> dailyBlocks(List<JsonView> answers) {
        return daily(answers, r -> {
            Sats fees = Sats.ofSats(first(r, "blockTotalFees", "block_total_fees", "totalFees", "total_fees"));
            Sats subsidy = Sats.ofSats(first(r, "subsidy"));
            Sats reward = Sats.ofSats(first(r, "blockReward", "block_reward"));
            if (subsidy == null && reward != null && fees != null && reward.value() >= 0 && fees.value() >= 0) {
                subsidy = new Sats(reward.value() - fees.value());
            }
            Long size = JsonView.of(first(r, "blockSize", "block_size", "size")).asLong();
            if (subsidy == null || fees == null || subsidy.value() < 0 || fees.value() < 0) {
                return null;
            }
            return new BlockSample(subsidy, fees, size == null || size < 0 ? null : size);
        });
    }

    /** Day → the network's mean hashrate, from {@code HISTORICAL_HASHRATE} answers. */
    public static Map<Long, Hashrate> dailyNetworkHashrate(List<JsonView> answers) {
        return daily(answers, r -> {
            BigDecimal mhs = first(r, "avgHashrateMHs");
            return mhs == null || mhs.signum() <= 0 ? null : new Hashrate(mhs.doubleValue());
        });
    }

    private static <T> Map<Long, T> daily(List<JsonView> answers, Function<JsonView, T> reader) {
        Map<Long, T> out = new LinkedHashMap<>();
        for (JsonView record : records(answers)) {
            Long ts = present(record.get("ts"), record.get("timestamp"), record.get("time")).asEpochMillis();
            if (ts == null) {
                continue;
            }
            T value = reader.apply(record);
            if (value != null) {
                out.putIfAbsent(UtcCalendar.dayStart(ts), value);
            }
        }
        return out;
    }

    /** The records of every answer: an array of records (flattened once more if nested), or one record. */
    static List<JsonView> records(List<JsonView> answers) {
        List<JsonView> out = new ArrayList<>();
        for (JsonView answer : answers) {
            if (answer.isObject()) {
                out.add(answer);
            }
            for (JsonView item : answer.items()) {
                if (item.isObject()) {
                    out.add(item);
                } else {
                    item.items().stream().filter(JsonView::isObject).forEach(out::add);
                }
            }
        }
        return out;
    }

    private static BigDecimal first(JsonView record, String... names) {
        for (String name : names) {
            BigDecimal value = record.get(name).asDecimal();
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static JsonView present(JsonView... candidates) {
        for (JsonView c : candidates) {
            if (!c.isMissing()) {
                return c;
            }
        }
        return candidates[candidates.length - 1];
    }
}
