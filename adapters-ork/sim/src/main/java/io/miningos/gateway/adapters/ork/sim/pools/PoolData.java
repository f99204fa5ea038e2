package io.miningos.gateway.adapters.ork.sim.pools;

import io.miningos.gateway.adapters.ork.sim.ext.BitcoinNetwork;
import io.miningos.gateway.adapters.ork.sim.live.JsonObjects;
import io.miningos.gateway.adapters.ork.sim.live.LiveSite;
import io.miningos.gateway.adapters.ork.sim.live.MinerSample;
import io.miningos.gateway.adapters.ork.sim.rpc.OrkErrors;
import io.miningos.gateway.adapters.ork.sim.site.ContainerSite;
import io.miningos.gateway.adapters.ork.sim.site.Noise;
import io.miningos.gateway.adapters.ork.sim.site.PoolAccount;
import io.miningos.gateway.adapters.ork.sim.site.SimThing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the pool workers ({@code minerpool-f2pool}, {@code minerpool-ocean}) return from {@code getWrkExtData}: account
 * stats, their history, workers, worker counts, daily revenue transactions and (Ocean) blocks. Pool hashrates are
 * in H/s and equal the hashrate of the miners pointed at the account (MH/s × 10^6, with pool-side noise); amounts
 * are in BTC.
 *
 * <p>What an account earns for a UTC day is its share of the network ({@link BitcoinNetwork}): the account's mean
 * hashrate over the day (sampled at 06:00 and 18:00) over the network hashrate, times the day's 144 blocks' subsidy and
 * fees. F2Pool pays that (FPPS) less its 2 % fee, split into {@code pps} (subsidy) and {@code tx_fee} (block fees);
 * Ocean (TIDES) pays it times the day's luck, less 2 %. Only complete days are paid; {@code yearlyBalances} are the
 * exact sums, in satoshis, of the month's daily transactions, and {@code revenue_24h} is the last complete day's.
 * Complete days never change, so their figures are kept in a small bounded cache. {@code stats-history} points
 * older than a day sample the account's miners at the start of their hour (the last day's, every 5 minutes).
 */
public final class PoolData {
    private static final long MINUTE = 60_000L;
    private static final long DAY = 86_400_000L;
    private static final int MAX_HISTORY_ENTRIES = 10_000;
    /** How often history points older than a day sample the account's miners. */
    private static final long HISTORY_SAMPLE_MS = 3_600_000L;
    /** The pools' fee on what they pay (F2Pool FPPS, Ocean TIDES). */
    private static final double POOL_FEE_RATE = 0.02;
    /** Hashrate samples per day behind a day's earnings (each one reads every miner of the account). */
    private static final int DAY_SAMPLES = 2;
    /** Complete days kept: two accounts over more than a year of transactions and monthly balances. */
    private static final int EARNED_CACHE_LIMIT = 2_048;

    private final LiveSite live;
    private final long seed;
    /** Earnings of complete days, per account and day: they never change once the day is over. */
    private final Map<String, Earned> earnedDays = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Earned> eldest) {
            return size() > EARNED_CACHE_LIMIT;
        }
    };

    /**
     * What an account earned for one UTC day, in satoshis.
     *
     * @param hashrateHs   the account's mean hashrate over the day (H/s)
     * @param subsidySats  the pool-paid share of the block subsidies, after the pool fee (F2Pool {@code pps})
     * @param blockFeeSats the share of the blocks' transaction fees, after the pool fee (F2Pool {@code tx_fee})
     * @param poolFeeSats  what the pool kept
     * @param netSats      what the account was paid: {@code subsidySats + blockFeeSats}
     */
    record Earned(double hashrateHs, long subsidySats, long blockFeeSats, long poolFeeSats, long netSats) {
    }

    public PoolData(LiveSite live) {
        this.live = live;
        this.seed = live.site().seed();
    }

    /**
     * One rack's answer to {@code getWrkExtData}, before the ORK's aggregation. Returns a map or a list of maps,
     * or throws {@link IllegalArgumentException} with the rack's error code for an unknown key.
     */
    public Object answer(PoolAccount account, Map<String, Object> query, long now) {
        Object key = query.get("key");
        Long start = asLong(query.get("start"));
        Long end = asLong(query.get("end"));
        return switch (key instanceof String s ? s : "") {
            case "stats" -> statsEntry(account, now);
            case "stats-history" -> history(account, start, end, query.get("interval"), now);
            case "workers" -> workers(account, query, start, end, now);
            case "workers-count" -> workersCount(account, start, end, now);
            case "transactions" -> transactions(account, start, end, Boolean.TRUE.equals(query.get("aggrHourly")), now);
            case "blocks" -> {
                if (!account.poolType().equals("ocean")) {
                    throw new IllegalArgumentException(OrkErrors.KEY_INVALID);
                }
                yield blocks(account, now);
            }
            default -> throw new IllegalArgumentException(OrkErrors.KEY_INVALID);
        };
    }

    private Map<String, Object> statsEntry(PoolAccount account, long now) {
        long ts = Math.floorDiv(now, MINUTE) * MINUTE;
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("ts", ts);
        e.put("stats", List.of(accountStats(account, ts, now)));
        return e;
    }

    private List<ContainerSite> containers(PoolAccount account) {
        List<ContainerSite> out = new ArrayList<>();
        for (ContainerSite c : live.site().containers()) {
            if (c.pool().equals(account)) {
                out.add(c);
            }
        }
        return out;
    }

    /** Account hashrate in H/s and worker counts at {@code t}. */
    private double[] load(PoolAccount account, long t) {
        double hash = 0;
        double workers = 0;
        double online = 0;
        for (ContainerSite c : containers(account)) {
            double[] l = live.minersLoad(c, t);
            hash += l[1];
            online += l[2];
            workers += c.miners().size();
        }
        return new double[]{hash * 1e6, workers, online};
    }

    Map<String, Object> accountStats(PoolAccount account, long ts, long now) {
        return accountStats(account, ts, ts, now, new HashMap<>());
    }

    /**
     * The account's stats at {@code ts}, its miners sampled at {@code loadAt}; {@code yearlyByDay} keeps the monthly
     * balances of each day (they change once a day) across the entries of one answer.
     */
    private Map<String, Object> accountStats(PoolAccount account, long ts, long loadAt, long now,
                                             Map<Long, List<Object>> yearlyByDay) {
        double[] l = load(account, loadAt);
        long salt = Noise.of(account.username());
        double hashrate = l[0] * (1 + 0.01 * Noise.gauss(Noise.hash(seed, salt, ts / MINUTE)));
        double h1 = l[0] * (1 + 0.004 * Noise.gauss(Noise.hash(seed, salt, ts / 3_600_000L)));
        double h24 = l[0] * (1 + 0.002 * Noise.gauss(Noise.hash(seed, salt, ts / DAY)));
        boolean ocean = account.poolType().equals("ocean");
        long today = Math.floorDiv(ts, DAY) * DAY;
        double dayFraction = (ts - today) / (double) DAY;
        // today so far, at today's network rate and the current hashrate; paid once the day is over
        long todaySats = Math.round(grossSats(h24, today) * (1 - POOL_FEE_RATE) * dayFraction);
        long lastDaySats = today - DAY < live.site().commissionedAt() ? 0 : earned(account, today - DAY).netSats();
        long unpaid = todaySats;
        if (ocean) { // Ocean pays out when the balance crosses its threshold: a few days build up
            for (long d = today - DAY; d >= today - Math.floorMod(today / DAY, 4) * DAY
                    && d >= live.site().commissionedAt(); d -= DAY) {
                unpaid += earned(account, d).netSats();
            }
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("poolType", account.poolType());
        s.put("username", account.username());
        s.put("timestamp", ts + Noise.below(Noise.hash(seed, salt, ts), 900));
        s.put("balance", btc(unpaid));
        s.put("unsettled", btc(Math.round(todaySats * 0.3)));
        s.put("revenue_24h", btc(lastDaySats));
        s.put("estimated_today_income", btc(todaySats));
        s.put("hashrate", Math.round(hashrate));
        s.put("hashrate_1h", Math.round(h1));
        s.put("hashrate_24h", Math.round(h24));
        s.put("hashrate_stale_1h", ocean ? 0 : Math.round(h1 * 0.0003));
        s.put("hashrate_stale_24h", ocean ? 0 : Math.round(h24 * 0.00025));
        s.put("worker_count", (long) l[1]);
        s.put("active_workers_count", (long) l[2]);
        s.put("yearlyBalances", yearlyByDay.computeIfAbsent(today, d -> yearlyBalances(account, ts)));
        return s;
    }

    /** The balances of the twelve months up to {@code ts}'s, each the sum of its complete days before {@code ts}. */
    private List<Object> yearlyBalances(PoolAccount account, long ts) {
        long today = Math.floorDiv(ts, DAY) * DAY;
        List<Object> yearly = new ArrayList<>();
        ZonedDateTime month = Instant.ofEpochMilli(ts).atZone(ZoneOffset.UTC).withDayOfMonth(1).toLocalDate()
                .atStartOfDay(ZoneOffset.UTC);
        prefetch(account, Math.max(month.minusMonths(11).toInstant().toEpochMilli(), live.site().commissionedAt()),
                today);
        for (int i = 0; i < 12; i++) {
            ZonedDateTime m = month.minusMonths(i);
            long sats = 0;
            for (long d = m.toInstant().toEpochMilli(); d < m.plusMonths(1).toInstant().toEpochMilli()
                    && d + DAY <= ts; d += DAY) {
                if (d >= live.site().commissionedAt()) {
                    sats += earned(account, d).netSats();
                }
            }
            Map<String, Object> y = new LinkedHashMap<>();
            y.put("month", m.getMonthValue() + "-" + m.getYear());
            y.put("balance", btc(sats));
            yearly.add(y);
        }
        return yearly;
    }

    /** Satoshis as BTC with 8 decimals (exact for any amount a pool pays). */
    static double btc(long sats) {
        return sats / (double) BitcoinNetwork.SATS_PER_BTC;
    }

    /** What {@code hashrateHs} earned over a whole UTC day at the network's rate, before pool fee and luck. */
    private static double grossSats(double hashrateHs, long day) {
        return hashrateHs / 1e15 * BitcoinNetwork.satsPerPhDay(day);
    }

    /** Computes the days of {@code [from, to)} not yet cached, in parallel (a year of them on the first stats read). */
    private void prefetch(PoolAccount account, long from, long to) {
        List<Long> missing = new ArrayList<>();
        synchronized (earnedDays) {
            for (long d = Math.floorDiv(from + DAY - 1, DAY) * DAY; d < to; d += DAY) {
                if (!earnedDays.containsKey(account.username() + '|' + d)) {
                    missing.add(d);
                }
            }
        }
        missing.parallelStream().forEach(d -> earned(account, d));
    }

    /** The account's earnings of the complete UTC day starting {@code day}. */
    Earned earned(PoolAccount account, long day) {
        String key = account.username() + '|' + day;
        synchronized (earnedDays) {
            Earned hit = earnedDays.get(key);
            if (hit != null) {
                return hit;
            }
        }
        double hash = 0;
        for (int i = 0; i < DAY_SAMPLES; i++) {
            hash += load(account, day + (2L * i + 1) * DAY / (2L * DAY_SAMPLES))[0];
        }
        hash /= DAY_SAMPLES;
        long mid = day + DAY / 2;
        double share = hash / BitcoinNetwork.hashrateHs(mid) * BitcoinNetwork.BLOCKS_PER_DAY;
        double subsidy = share * BitcoinNetwork.subsidySats(BitcoinNetwork.height(mid));
        double fees = share * BitcoinNetwork.dayFeesSats(day);
        Earned e;
        if (account.poolType().equals("ocean")) {
            double luck = Math.exp(0.2 * Noise.gauss(Noise.hash(seed, Noise.of(account.username()), day, 7)));
            long gross = Math.round((subsidy + fees) * luck);
            long fee = Math.round(gross * POOL_FEE_RATE);
            long net = gross - fee;
            long blockFees = Math.round(net * fees / Math.max(1, subsidy + fees));
            e = new Earned(hash, net - blockFees, blockFees, fee, net);
        } else {
            long pps = Math.round(subsidy * (1 - POOL_FEE_RATE));
            long txFee = Math.round(fees * (1 - POOL_FEE_RATE));
            e = new Earned(hash, pps, txFee, Math.round((subsidy + fees) * POOL_FEE_RATE), pps + txFee);
        }
        synchronized (earnedDays) {
            earnedDays.put(key, e);
        }
        return e;
    }

    private List<Object> history(PoolAccount account, Long start, Long end, Object interval, long now) {
        long step = switch (interval instanceof String s ? s : "5m") {
            case "30m" -> 1_800_000L;
            case "3h" -> 10_800_000L;
            case "1D" -> DAY;
            default -> 300_000L;
        };
        long to = Math.min(end == null ? now : end, now);
        long from = Math.max(start == null ? to - DAY : start, live.site().commissionedAt());
        List<Object> out = new ArrayList<>();
        Map<Long, List<Object>> yearlyByDay = new HashMap<>();
        for (long ts = Math.floorDiv(from + step - 1, step) * step; ts <= to
                && out.size() < MAX_HISTORY_ENTRIES; ts += step) {
            // the last day follows every 5 minutes; older points sample the miners once an hour (a chart paging
            // back week by week would otherwise read every miner 2,016 times a week)
            long loadAt = ts >= now - DAY ? ts : Math.floorDiv(ts, HISTORY_SAMPLE_MS) * HISTORY_SAMPLE_MS;
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("ts", ts);
            e.put("stats", List.of(accountStats(account, ts, loadAt, now, yearlyByDay)));
            out.add(e);
        }
        return out;
    }

    private List<Map<String, Object>> workerList(PoolAccount account, long t, String nameFilter) {
        List<Map<String, Object>> out = new ArrayList<>();
        long salt = Noise.of(account.username());
        long minute = Math.floorDiv(t, MINUTE) * MINUTE;
        for (ContainerSite c : containers(account)) {
            for (SimThing m : c.miners()) {
                if (nameFilter != null && !m.id().contains(nameFilter)) {
                    continue;
                }
                MinerSample s = live.miner(m, minute);
                double h = s.hashrateMhs() * 1e6;
                Map<String, Object> w = new LinkedHashMap<>();
                w.put("username", account.username());
                w.put("id", account.username() + "." + m.id());
                w.put("name", m.id());
                w.put("online", s.hashrateMhs() > 0 ? 1 : 0);
                w.put("last_updated", minute);
                w.put("hashrate", Math.round(h * (1 + 0.02 * Noise.gauss(Noise.hash(seed, salt, m.index(), minute)))));
                w.put("hashrate_1h", Math.round(h));
                w.put("hashrate_24h", Math.round(h * 0.995));
                w.put("hashrate_stale_1h", account.poolType().equals("ocean") ? 0 : Math.round(h * 0.0003));
                w.put("hashrate_stale_24h", account.poolType().equals("ocean") ? 0 : Math.round(h * 0.00025));
                w.put("poolType", account.poolType());
                out.add(w);
            }
        }
        return out;
    }

    private Object workers(PoolAccount account, Map<String, Object> query, Long start, Long end, long now) {
        int offset = Math.max(0, asLong(query.get("offset")) == null ? 0 : asLong(query.get("offset")).intValue());
        int limit = asLong(query.get("limit")) == null ? 100 : (int) Math.max(0, Math.min(100,
                asLong(query.get("limit"))));
        String name = query.get("name") instanceof String s ? s : null;
        if (start == null && end == null) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("ts", 0);
            e.put("workers", page(workerList(account, now, name), offset, limit));
            return e;
        }
        List<Object> out = new ArrayList<>();
        for (long day : days(start, end, now)) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("ts", day);
            e.put("workers", page(workerList(account, day, name), offset, limit));
            out.add(e);
        }
        return out;
    }

    private static List<Object> page(List<Map<String, Object>> all, int offset, int limit) {
        return new ArrayList<>(all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + limit)));
    }

    private List<Object> workersCount(PoolAccount account, Long start, Long end, long now) {
        List<Object> out = new ArrayList<>();
        List<Long> instants = start == null && end == null ? List.of(Math.floorDiv(now, MINUTE) * MINUTE)
                : days(start, end, now);
        for (long ts : instants) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("ts", ts);
            e.put("count", (long) load(account, ts)[2]);
            out.add(e);
        }
        return out;
    }

    private List<Long> days(Long start, Long end, long now) {
        long to = Math.min(end == null ? now : end, now);
        long from = Math.max(start == null ? to - 7 * DAY : start, live.site().commissionedAt());
        List<Long> out = new ArrayList<>();
        for (long d = Math.floorDiv(from + DAY - 1, DAY) * DAY; d <= to && out.size() < 400; d += DAY) {
            out.add(d);
        }
        return out;
    }

    /** Daily transactions of the complete days in range (the pool pays a day once it is over). */
    private List<Object> transactions(PoolAccount account, Long start, Long end, boolean hourly, long now) {
        List<Object> out = new ArrayList<>();
        for (long day : days(start, end, now)) {
            if (day + DAY > now) {
                if (hourly) { // the hours of today so far, at today's estimate
                    double perHour = grossSats(load(account, now)[0], day) * (1 - POOL_FEE_RATE) / 24;
                    out.add(hourly(day, perHour, now));
                }
                continue;
            }
            Earned earned = earned(account, day);
            if (hourly) {
                out.add(hourly(day, earned.netSats() / 24.0, now));
            } else {
                out.add(JsonObjects.of("ts", day, "transactions", List.of(transaction(account, day, earned))));
            }
        }
        return out;
    }

    private static Map<String, Object> hourly(long day, double satsPerHour, long now) {
        List<Object> hours = new ArrayList<>();
        for (int h = 0; h < 24 && day + h * 3_600_000L <= now; h++) {
            hours.add(JsonObjects.of("ts", day + h * 3_600_000L, "revenue", btc(Math.round(satsPerHour))));
        }
        return JsonObjects.of("ts", day, "hourlyRevenues", hours);
    }

    /** F2Pool: {@code revenue_fpps} with the FPPS split; Ocean: its earnings fields (fees it kept, net paid). */
    private Map<String, Object> transaction(PoolAccount account, long day, Earned earned) {
        Map<String, Object> tx = new LinkedHashMap<>();
        tx.put("username", account.username());
        tx.put("id", Noise.hash(seed, Noise.of(account.username()), day) & 0x7FFFFFFFFFFFL);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("mining_date", day / 1000);
        if (account.poolType().equals("ocean")) {
            tx.put("satoshis_net_earned", earned.netSats());
            tx.put("fees_colected_satoshis", earned.poolFeeSats());
            tx.put("created_at", (day + DAY) / 1000);
            tx.put("mining_extra", extra);
            return tx;
        }
        tx.put("type", "revenue_fpps");
        tx.put("changed_balance", btc(earned.netSats()));
        tx.put("created_at", (day + DAY) / 1000);
        extra.put("settle_date", (day + DAY) / 1000);
        extra.put("pps", btc(earned.subsidySats()));
        extra.put("pps_fee_rate", POOL_FEE_RATE);
        extra.put("tx_fee", btc(earned.blockFeeSats()));
        extra.put("tx_fee_rate", POOL_FEE_RATE);
        extra.put("hash_rate", Math.round(earned.hashrateHs()));
        tx.put("mining_extra", extra);
        tx.put("payout_extra", null);
        return tx;
    }

    private Map<String, Object> blocks(PoolAccount account, long now) {
        List<Object> blocks = new ArrayList<>();
        long salt = Noise.of(account.username());
        for (int i = 0; i < 10; i++) {
            long ts = Math.floorDiv(now, DAY) * DAY - i * DAY + Noise.below(Noise.hash(seed, salt, i), (int) DAY);
            if (ts > now) {
                continue;
            }
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("height", 870_000 + (ts - 1_730_000_000_000L) / 600_000L);
            b.put("ts", ts);
            b.put("luck", Noise.round(0.6 + 0.8 * Noise.unit(Noise.hash(seed, salt, i, 2)), 3));
            blocks.add(b);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("blocks", blocks);
        data.put("allBlocksLuck", 1.02);
        data.put("adjustedLuck", 0.98);
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("ts", Math.floorDiv(now, MINUTE) * MINUTE);
        e.put("blocksData", data);
        return e;
    }

    static Long asLong(Object v) {
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof String s && s.matches("-?\\d{1,18}")) {
            return Long.parseLong(s);
        }
        return null;
    }
}
