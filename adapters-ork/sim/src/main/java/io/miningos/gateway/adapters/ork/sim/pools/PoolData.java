package io.miningos.gateway.adapters.ork.sim.pools;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the pool workers ({@code minerpool-f2pool}, {@code minerpool-ocean}) return from {@code getWrkExtData}: account
 * stats, their history, workers, worker counts, daily revenue transactions and (Ocean) blocks. Pool hashrates are
 * in H/s and equal the hashrate of the miners pointed at the account (MH/s × 10^6, with pool-side noise); amounts
 * are in BTC, earned at a fixed hashprice.
 */
public final class PoolData {
    private static final long MINUTE = 60_000L;
    private static final long DAY = 86_400_000L;
    /** BTC earned per PH/s per day. */
    private static final double HASHPRICE_BTC_PER_PH_DAY = 0.00046;
    private static final int MAX_HISTORY_ENTRIES = 10_000;

    private final LiveSite live;
    private final long seed;

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
        double[] l = load(account, ts);
        long salt = Noise.of(account.username());
        double hashrate = l[0] * (1 + 0.01 * Noise.gauss(Noise.hash(seed, salt, ts / MINUTE)));
        double h1 = l[0] * (1 + 0.004 * Noise.gauss(Noise.hash(seed, salt, ts / 3_600_000L)));
        double h24 = l[0] * (1 + 0.002 * Noise.gauss(Noise.hash(seed, salt, ts / DAY)));
        boolean ocean = account.poolType().equals("ocean");
        double btcPerDay = h24 / 1e15 * HASHPRICE_BTC_PER_PH_DAY;
        double dayFraction = Math.floorMod(ts, DAY) / (double) DAY;
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("poolType", account.poolType());
        s.put("username", account.username());
        s.put("timestamp", ts + Noise.below(Noise.hash(seed, salt, ts), 900));
        s.put("balance", Noise.round(btcPerDay * (ocean ? 3 + dayFraction : dayFraction), 8));
        s.put("unsettled", Noise.round(btcPerDay * dayFraction * 0.3, 8));
        s.put("revenue_24h", Noise.round(btcPerDay, 8));
        s.put("estimated_today_income", Noise.round(btcPerDay * dayFraction, 8));
        s.put("hashrate", Math.round(hashrate));
        s.put("hashrate_1h", Math.round(h1));
        s.put("hashrate_24h", Math.round(h24));
        s.put("hashrate_stale_1h", ocean ? 0 : Math.round(h1 * 0.0003));
        s.put("hashrate_stale_24h", ocean ? 0 : Math.round(h24 * 0.00025));
        s.put("worker_count", (long) l[1]);
        s.put("active_workers_count", (long) l[2]);
        List<Object> yearly = new ArrayList<>();
        ZonedDateTime month = Instant.ofEpochMilli(ts).atZone(ZoneOffset.UTC).withDayOfMonth(1);
        for (int i = 0; i < 12; i++) {
            ZonedDateTime m = month.minusMonths(i);
            double days = i == 0 ? (ts - m.toInstant().toEpochMilli()) / (double) DAY : m.toLocalDate().lengthOfMonth();
            Map<String, Object> y = new LinkedHashMap<>();
            y.put("month", m.getMonthValue() + "-" + m.getYear());
            y.put("balance", Noise.round(btcPerDay * days * (1 + 0.03 * Noise.gauss(Noise.hash(seed, salt, i))), 8));
            yearly.add(y);
        }
        s.put("yearlyBalances", yearly);
        return s;
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
        for (long ts = Math.floorDiv(from + step - 1, step) * step; ts <= to
                && out.size() < MAX_HISTORY_ENTRIES; ts += step) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("ts", ts);
            e.put("stats", List.of(accountStats(account, ts, now)));
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

    private List<Object> transactions(PoolAccount account, Long start, Long end, boolean hourly, long now) {
        List<Object> out = new ArrayList<>();
        long salt = Noise.of(account.username());
        for (long day : days(start, end, now)) {
            double h24 = load(account, day)[0];
            double btc = h24 / 1e15 * HASHPRICE_BTC_PER_PH_DAY * (1 + 0.02 * Noise.gauss(Noise.hash(seed, salt, day)));
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("ts", day);
            if (hourly) {
                List<Object> hours = new ArrayList<>();
                for (int h = 0; h < 24 && day + h * 3_600_000L <= now; h++) {
                    hours.add(JsonObjects.of("ts", day + h * 3_600_000L, "revenue", Noise.round(btc / 24, 8)));
                }
                e.put("hourlyRevenues", hours);
            } else {
                e.put("transactions", List.of(transaction(account, day, btc, h24)));
            }
            out.add(e);
        }
        return out;
    }

    private Map<String, Object> transaction(PoolAccount account, long day, double btc, double hashrate) {
        long sats = Math.round(btc * 1e8);
        Map<String, Object> tx = new LinkedHashMap<>();
        tx.put("username", account.username());
        tx.put("id", Noise.hash(seed, Noise.of(account.username()), day) & 0x7FFFFFFFFFFFL);
        tx.put("type", account.poolType().equals("ocean") ? "earnings" : "revenue_fpps");
        tx.put("changed_balance", Noise.round(btc, 8));
        tx.put("created_at", (day + DAY) / 1000);
        tx.put("satoshis_net_earned", sats);
        tx.put("fees_colected_satoshis", Math.round(sats * 0.02));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("mining_date", day / 1000);
        extra.put("settle_date", (day + DAY) / 1000);
        extra.put("pps", Noise.round(btc * 0.96, 8));
        extra.put("pps_fee_rate", 0.02);
        extra.put("tx_fee", Noise.round(btc * 0.04, 8));
        extra.put("tx_fee_rate", 0.02);
        extra.put("hash_rate", Math.round(hashrate));
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
