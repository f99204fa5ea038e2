package io.miningos.gateway.domain.analytics.finance;

import io.miningos.gateway.domain.analytics.Hashrate;
import io.miningos.gateway.domain.analytics.JsonView;
import io.miningos.gateway.domain.analytics.Sats;
import io.miningos.gateway.domain.analytics.UtcCalendar;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the pool workers' daily revenue transactions ({@code getWrkExtData {type:"minerpool", query:{key:
 * "transactions", start, end}}}: entries {@code {ts, transactions:[...]}}, docs/ORK.md §10.7) into revenue per UTC day.
 * <ul>
 *   <li>A transaction counts for the day it was <b>mined</b> ({@code mining_extra.mining_date}), else the day of
 *       its own time ({@code ts}, {@code created_at}, {@code timestamp}, {@code time}; seconds or
 *       milliseconds), else the day of its entry.</li>
 *   <li>Revenue: {@code satoshis_net_earned} (satoshis) when present, else {@code changed_balance} /
 *       {@code amount} / {@code value} (BTC). A negative amount is a payout, not revenue, and is skipped.</li>
 *   <li>Fees: {@code fees_colected_satoshis} (sic, satoshis), the pool fee withheld; unknown (null) when the
 *       worker does not report it (F2Pool's {@code mining_extra.tx_fee} is the block-fee share of the payout,
 *       not a fee, so it is not read as one).</li>
 *   <li>Hashrate: {@code mining_extra.hash_rate} (H/s), averaged per account and day, summed over accounts.</li>
 *   <li>A transaction seen twice (same {@code username} and {@code id}, e.g. from two ORKs) counts once.</li>
 * </ul>
 */
public final class PoolTransactions {

    private PoolTransactions() {
    }

    private static final class Day {
        Sats revenue = Sats.ZERO;
        Sats fees;
        int count;
        final Map<String, double[]> hashByAccount = new LinkedHashMap<>();
    }

    /** Day start → what the pools paid for that day, ascending, from the answers of every ORK that answered. */
    public static Map<Long, PoolDay> daily(List<JsonView> answers) {
        Map<Long, Day> days = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        for (JsonView answer : answers) {
            for (JsonView entry : entries(answer)) {
                Long entryTs = entry.get("ts").asEpochMillis();
                for (JsonView tx : transactions(entry)) {
                    String username = tx.get("username").asText();
                    String id = tx.get("id").isMissing() ? null : tx.get("id").toString();
                    if (username != null && id != null && !seen.add(username + '\u0000' + id)) {
                        continue;
                    }
                    Sats revenue = revenue(tx);
                    Long day = day(tx, entryTs);
                    if (revenue == null || revenue.value() < 0 || day == null) {
                        continue;
                    }
                    Day d = days.computeIfAbsent(day, k -> new Day());
                    d.revenue = d.revenue.plus(revenue);
                    d.count++;
                    Sats fees = Sats.ofSats(tx.get("fees_colected_satoshis").asDecimal());
                    if (fees != null && fees.value() >= 0) {
                        d.fees = Sats.sum(d.fees, fees);
                    }
                    Double hs = tx.path("mining_extra.hash_rate").asDouble();
                    if (hs != null && hs >= 0) {
                        double[] acc = d.hashByAccount.computeIfAbsent(username == null ? "" : username,
                                k -> new double[2]);
                        acc[0] += hs;
                        acc[1]++;
                    }
                }
            }
        }
        Map<Long, PoolDay> out = new LinkedHashMap<>();
        days.forEach((day, d) -> {
            Hashrate hashrate = null;
            for (double[] acc : d.hashByAccount.values()) {
                Hashrate mean = Hashrate.ofHs(acc[0] / acc[1]);
                hashrate = hashrate == null ? mean : hashrate.plus(mean);
            }
            out.put(day, new PoolDay(d.revenue, d.fees, hashrate, d.count));
        });
        return out;
    }

    private static List<JsonView> entries(JsonView answer) {
        if (answer.isObject()) {
            return List.of(answer);
        }
        List<JsonView> out = new ArrayList<>();
        for (JsonView item : answer.items()) {
            if (item.isObject()) {
                out.add(item);
            }
        }
        return out;
    }

    private static List<JsonView> transactions(JsonView entry) {
        for (String name : new String[]{"transactions", "data"}) {
            if (entry.get(name).isArray()) {
                return entry.get(name).items().stream().filter(JsonView::isObject).toList();
            }
        }
        return List.of();
    }

    private static Sats revenue(JsonView tx) {
        Sats net = Sats.ofSats(tx.get("satoshis_net_earned").asDecimal());
        if (net != null) {
            return net;
        }
        for (String name : new String[]{"changed_balance", "amount", "value"}) {
            Sats btc = Sats.ofBtc(tx.get(name).asDecimal());
            if (btc != null) {
                return btc;
            }
        }
        return null;
    }

    private static Long day(JsonView tx, Long entryTs) {
        Long at = tx.path("mining_extra.mining_date").asEpochMillis();
        for (String name : new String[]{"ts", "created_at", "timestamp", "time"}) {
            if (at == null) {
                at = tx.get(name).asEpochMillis();
            }
        }
        if (at == null) {
            at = entryTs;
        }
        return at == null ? null : UtcCalendar.dayStart(at);
    }
}
