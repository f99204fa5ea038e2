package io.miningos.gateway.adapters.ork.sim;

import io.miningos.gateway.adapters.ork.sim.live.LiveSite;
import io.miningos.gateway.adapters.ork.sim.pools.PoolData;
import io.miningos.gateway.adapters.ork.sim.rpc.Deadline;
import io.miningos.gateway.adapters.ork.sim.rpc.OrkError;
import io.miningos.gateway.adapters.ork.sim.rpc.OrkErrors;
import io.miningos.gateway.adapters.ork.sim.site.PoolAccount;
import io.miningos.gateway.adapters.ork.sim.site.SimRack;
import io.miningos.gateway.adapters.ork.sim.site.SimThing;
import io.miningos.gateway.adapters.ork.sim.site.Site;
import io.miningos.gateway.adapters.ork.sim.site.ThingKind;
import io.miningos.gateway.adapters.ork.sim.stats.AggregationSpec;
import io.miningos.gateway.adapters.ork.sim.stats.Aggregator;
import io.miningos.gateway.adapters.ork.sim.stats.EntrySum;
import io.miningos.gateway.adapters.ork.sim.stats.GroupRange;
import io.miningos.gateway.adapters.ork.sim.stats.RackLogs;
import io.miningos.gateway.adapters.ork.sim.stats.Rollups;
import io.miningos.gateway.adapters.ork.sim.stats.StatKey;
import io.miningos.gateway.adapters.ork.sim.stats.StatNumbers;
import io.miningos.gateway.query.Projection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ORK's time-series methods ({@code tailLog}, {@code tailLogMulti}, {@code tailLogCustomRangeAggr}) and
 * {@code getWrkExtData}: forward to the racks of a type, then group and reduce their entries with the aggregation
 * spec, exactly in the ORK's order of steps.
 */
final class TailLogs {

    private static final long DAY = 86_400_000L;
    private static final int STORE_DAYS = 180;

    /** The daily store's configured keys: per type, the fields it keeps. */
    private static final Map<String, List<String>> DAILY_FIELDS = Map.of(
            "miner", List.of("hashrate_mhs_5m_sum_aggr", "hashrate_mhs_5m_avg_aggr", "power_w_sum_aggr",
                    "efficiency_w_ths_avg_aggr", "online_or_minor_error_miners_amount_aggr",
                    "offline_or_sleeping_miners_amount_aggr", "error_miners_amount_aggr",
                    "nominal_hashrate_mhs_sum_aggr", "pools_accepted_shares_total_aggr",
                    "pools_rejected_shares_total_aggr", "pools_stale_shares_total_aggr", "alerts_aggr"),
            "powermeter", List.of("site_power_w", "transformer_power_w", "alerts_aggr"),
            "container", List.of("container_power_w_sum_aggr", "container_nominal_miner_capacity_sum_aggr",
                    "container_nominal_hashrate_mhs_sum_aggr", "alerts_aggr"));

    private final Site site;
    private final RackLogs rackLogs;
    private final Rollups rollups;
    private final PoolData pools;
    /**
     * Finished ticks of projected series, see {@link #series}: a few pages of one-day charts (288 ticks each); the
     * bound keeps the demo's heap small, a chart beyond it is computed again.
     */
    static final int SERIES_CACHE_LIMIT = 8_000;
    /** Complete days of the daily store: a year of each thing type the UI reads by day. */
    static final int DAY_STORE_LIMIT = 1_500;
    private final Map<String, Object> seriesCache = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
            return size() > SERIES_CACHE_LIMIT;
        }
    };
    private final Map<String, Map<String, Object>> dayStore = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, Object>> eldest) {
            return size() > DAY_STORE_LIMIT;
        }
    };

    TailLogs(LiveSite live) {
        this.site = live.site();
        this.rackLogs = new RackLogs(live);
        this.rollups = new Rollups(live);
        this.pools = new PoolData(live);
    }

    /** Computes one more missing day of every rack's day sums, see {@link Rollups#fill}. */
    boolean fillRollups(long now, Deadline deadline) {
        return rollups.fill(now, deadline);
    }

    /** Bytes the day sums take. */
    long rollupBytes() {
        return rollups.bytes();
    }

    private static String baseType(String type) {
        int dash = type.indexOf('-');
        return dash < 0 ? type : type.substring(0, dash);
    }

    private List<SimRack> racksOfType(String type, long now) {
        List<SimRack> out = new ArrayList<>();
        for (SimRack r : site.racks()) {
            if (r.ofType(type) && !r.restarting(now)) {
                out.add(r);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ tailLog

    /**
     * The most values (numbers, strings, booleans, nulls) one {@code tailLog} or {@code tailLogMulti} answer may
     * hold: about 4 MB of JSON. A week of full 5-minute miner entries (~200 values each) does not fit; a month of a
     * few aggregated fields does. Beyond it the call answers {@code ERR_RANGE_TOO_LARGE} before computing.
     */
    static final long MAX_ANSWER_VALUES = 200_000;

    /** {@code tailLog}. */
    List<Object> tailLog(Map<String, Object> req, long now, Deadline deadline) {
        return tailLog(req, now, deadline, new AnswerBudget(MAX_ANSWER_VALUES));
    }

    @SuppressWarnings("unchecked")
    private List<Object> tailLog(Map<String, Object> req, long now, Deadline deadline, AnswerBudget budget) {
        if (!(req.get("type") instanceof String type) || type.isEmpty()) {
            throw new OrkError(OrkErrors.TYPE_INVALID);
        }
        Map<String, AggregationSpec.Op> spec = AggregationSpec.forBaseType(baseType(type));
        if (spec == null) {
            throw new OrkError(OrkErrors.TYPE_AGGR_INVALID);
        }
        Object aggrFieldsArg = req.get("aggrFields");
        if (aggrFieldsArg != null && !(aggrFieldsArg instanceof Map<?, ?>)) {
            throw new OrkError(OrkErrors.AGGR_FIELDS_INVALID);
        }
        Object fieldsArg = req.get("fields");
        if (fieldsArg != null && !(fieldsArg instanceof Map<?, ?>)) {
            throw new OrkError(OrkErrors.FIELDS_INVALID);
        }
        List<long[]> aggrTimes = aggrTimes(req.get("aggrTimes"));

        // projection setup (step 2)
        Map<String, Object> fields = fieldsArg == null ? new LinkedHashMap<>() : new LinkedHashMap<>((Map<String,
                Object>) fieldsArg);
        Map<String, Object> aggrFields = aggrFieldsArg == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>((Map<String, Object>) aggrFieldsArg);
        for (String f : aggrFields.keySet()) {
            AggregationSpec.Op op = spec.get(f);
            if (op != null && op.src() != null) {
                fields.put(op.src(), aggrFields.get(f));
            }
        }
        if (!fields.isEmpty()) {
            fields.put("ts", 1);
        }
        if (!aggrFields.isEmpty()) {
            for (String k : new String[]{"ts", "aggrTsRange", "aggrCount", "aggrIntervals"}) {
                aggrFields.put(k, 1);
            }
        }
        Projection rackProjection = Requests.projection(fields.isEmpty() ? null : fields, OrkErrors.FIELDS_INVALID);
        Projection finalProjection = Requests.projection(aggrFields.isEmpty() ? null : aggrFields,
                OrkErrors.AGGR_FIELDS_INVALID);

        // rack reads (step 3): unknown key/tag or a bad groupRange make that rack contribute nothing
        String key = Requests.string(req, "key");
        String tag = Requests.string(req, "tag");
        List<Map<String, Object>> entries = new ArrayList<>();
        if (key != null && tag != null) {
            Long limit = Requests.asLong(req.get("limit"));
            Long offset = Requests.asLong(req.get("offset"));
            RackLogs.Read read = new RackLogs.Read(key, tag, Requests.asLong(req.get("start")),
                    Requests.asLong(req.get("end")), limit == null ? null : (int) Math.min(Integer.MAX_VALUE, limit),
                    offset == null ? 0 : (int) Math.max(0, Math.min(1_000, offset)));
            long groupRange = req.get("groupRange") instanceof String gr ? GroupRange.lengthMs(gr) : 0;
            if (groupRange >= 0) {
                checkSize(type, spec, read, groupRange, aggrTimes, rackProjection, finalProjection, now, deadline,
                        budget);
            }
            if (fieldsArg == null && aggrTimes == null && req.get("groupRange") == null && !aggrFields.isEmpty()) {
                List<Object> series = series(type, spec, read, rackProjection, finalProjection, aggrFields.keySet(),
                        now, deadline);
                if (series != null) {
                    return series;
                }
            }
            boolean average = Requests.truthy(req.get("shouldCalculateAvg"));
            StatKey statKey = StatKey.of(key);
            boolean byDays = groupRange > 0 && groupRange % Rollups.DAY == 0 && Rollups.summed(statKey);
            for (SimRack rack : racksOfType(type, now)) {
                if (groupRange < 0) {
                    continue;
                }
                deadline.check();
                List<Map<String, Object>> got;
                if (byDays && rackLogs.keeps(rack, statKey, tag)) {
                    got = buckets(rack, statKey, read, groupRange, average, now, deadline);
                } else {
                    got = rackLogs.read(rack, read, now, deadline);
                    if (got == null) {
                        continue;
                    }
                    if (groupRange > 0) {
                        got = GroupRange.apply(got, groupRange, average);
                    }
                }
                for (Map<String, Object> e : got) {
                    entries.add((Map<String, Object>) rackProjection.apply(e));
                }
            }
        }
        List<Map<String, Object>> groups = aggregate(spec, entries, aggrTimes);
        List<Object> out = new ArrayList<>(groups.size());
        for (Map<String, Object> g : groups) {
            out.add(finalProjection.apply(g));
        }
        return out;
    }

    /**
     * A rack's {@code groupRange} buckets of whole days (1D, 7D, 1W, 1M...), newest first, from the day sums: the
     * same entries {@link GroupRange#apply} would write from every tick, without computing the ticks.
     */
    private List<Map<String, Object>> buckets(SimRack rack, StatKey key, RackLogs.Read read, long length,
                                              boolean average, long now, Deadline deadline) {
        List<Map<String, Object>> out = new ArrayList<>();
        long[] span = rackLogs.span(key, read, now);
        if (span == null) {
            return out;
        }
        for (long b = Math.floorDiv(span[0], length) * length; b + length > span[1]; b -= length) {
            EntrySum sum = rollups.range(rack, read.tag(), key, Math.max(b, span[1]), Math.min(b + length - 1,
                    span[0]), now, deadline);
            if (sum.entries() > 0) {
                out.add(sum.bucket(b + "-" + (b + length - 1), average));
            }
        }
        return out;
    }

    /**
     * The common dashboard read (a plain series of ticks projected to a few aggregated fields), answered per tick
     * from a cache of finished ticks: past ticks never change, and recomputing a day of ticks over thousands of
     * devices on every poll is what a real ORK avoids by storing them. Null when this read cannot use the cache.
     */
    @SuppressWarnings("unchecked")
    private List<Object> series(String type, Map<String, AggregationSpec.Op> spec, RackLogs.Read read,
                                Projection rackProjection, Projection projection, Set<String> aggrFields, long now,
                                Deadline deadline) {
        StatKey key = StatKey.of(read.key());
        if (key == null || key == StatKey.STAT_RTD) {
            return null;
        }
        List<SimRack> racks = new ArrayList<>();
        for (SimRack rack : site.racks()) {
            if (rack.ofType(type)) {
                if (rack.restarting(now)) {
                    return null;
                }
                if (rackLogs.keeps(rack, key, read.tag())) {
                    racks.add(rack);
                }
            }
        }
        String prefix = type + '|' + key.key() + '|' + read.tag() + '|' + new TreeSet<>(aggrFields) + '|';
        List<Long> ticks = rackLogs.ticks(key, read, now, deadline);
        Map<Long, Object> rows = new HashMap<>();
        List<Long> missing = new ArrayList<>();
        for (long ts : ticks) {
            Object hit;
            synchronized (seriesCache) {
                hit = seriesCache.get(prefix + ts);
            }
            if (hit != null) {
                rows.put(ts, hit);
            } else {
                missing.add(ts);
            }
        }
        for (long ts : missing) {
            deadline.check();
            List<Map<String, Object>> group = new ArrayList<>(racks.size());
            for (SimRack rack : racks) {
                group.add((Map<String, Object>) rackProjection.apply(rackLogs.entry(rack, key, read.tag(), ts)));
            }
            if (group.isEmpty()) {
                continue;
            }
            Object row = projection.apply(aggregate(spec, group, null).get(0));
            rows.put(ts, row);
            synchronized (seriesCache) {
                seriesCache.put(prefix + ts, row);
            }
        }
        List<Object> out = new ArrayList<>(rows.size());
        for (int i = ticks.size() - 1; i >= 0; i--) {
            Object row = rows.get(ticks.get(i));
            if (row != null) {
                out.add(JsonCopy.copy(row));
            }
        }
        return out;
    }

    /**
     * Refuses a read whose answer would exceed the budget, before computing it: the rows it would have times the
     * values of its newest row (computed here, and cached for the read itself).
     */
    @SuppressWarnings("unchecked")
    private void checkSize(String type, Map<String, AggregationSpec.Op> spec, RackLogs.Read read, long groupRange,
                           List<long[]> aggrTimes, Projection rackProjection, Projection projection, long now,
                           Deadline deadline, AnswerBudget budget) {
        StatKey key = StatKey.of(read.key());
        if (key == null || key == StatKey.STAT_RTD) {
            return;
        }
        List<Long> ticks = rackLogs.ticks(key, read, now, deadline);
        long rows;
        if (aggrTimes != null) {
            rows = aggrTimes.size();
        } else if (groupRange > 0) {
            rows = ticks.isEmpty() ? 0 : Math.floorDiv(ticks.get(0), groupRange)
                    - Math.floorDiv(ticks.get(ticks.size() - 1), groupRange) + 1;
        } else {
            rows = ticks.size();
        }
        if (rows <= 1) {
            return;
        }
        List<Map<String, Object>> newest = new ArrayList<>();
        for (SimRack rack : racksOfType(type, now)) {
            if (rackLogs.keeps(rack, key, read.tag())) {
                newest.add((Map<String, Object>) rackProjection.apply(rackLogs.entry(rack, key, read.tag(),
                        ticks.get(0))));
            }
        }
        if (!newest.isEmpty()) {
            budget.take(rows * values(projection.apply(aggregate(spec, newest, null).get(0))));
        }
    }

    /** Numbers, strings, booleans and nulls in a JSON value. */
    private static long values(Object v) {
        if (v instanceof Map<?, ?> m) {
            long n = 0;
            for (Object x : m.values()) {
                n += values(x);
            }
            return n;
        }
        if (v instanceof List<?> l) {
            long n = 0;
            for (Object x : l) {
                n += values(x);
            }
            return n;
        }
        return 1;
    }

    /** How many more values one call's answer may hold. */
    private static final class AnswerBudget {
        private long left;

        AnswerBudget(long max) {
            this.left = max;
        }

        void take(long values) {
            if (values > left) {
                throw new OrkError(OrkErrors.RANGE_TOO_LARGE);
            }
            left -= values;
        }
    }

    private static List<long[]> aggrTimes(Object arg) {
        if (arg == null) {
            return null;
        }
        if (!(arg instanceof List<?> list)) {
            throw new OrkError(OrkErrors.AGGR_TIMES_INVALID);
        }
        List<long[]> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m)) {
                throw new OrkError(OrkErrors.AGGR_TIMES_INVALID);
            }
            Long start = Requests.asLong(m.get("start"));
            Long end = Requests.asLong(m.get("end"));
            if (start == null || end == null) {
                throw new OrkError(OrkErrors.AGGR_TIMES_INVALID);
            }
            out.add(new long[]{start, end});
        }
        return out;
    }

    /** Steps 4-6: group by {@code ts} (or by {@code aggrTimes} range), reduce each group, sort by {@code ts}. */
    static List<Map<String, Object>> aggregate(Map<String, AggregationSpec.Op> spec, List<Map<String, Object>> entries,
                                               List<long[]> aggrTimes) {
        Map<Object, List<Map<String, Object>>> groups = new LinkedHashMap<>();
        Map<Object, long[]> ranges = new LinkedHashMap<>();
        if (aggrTimes != null) {
            for (long[] r : aggrTimes) {
                String label = r[0] + "-" + r[1];
                ranges.put(label, r);
                groups.computeIfAbsent(label, k -> new ArrayList<>());
            }
            for (Map<String, Object> e : entries) {
                if (!(e.get("ts") instanceof Number ts)) {
                    continue;
                }
                for (long[] r : aggrTimes) {
                    if (ts.longValue() >= r[0] && ts.longValue() <= r[1]) {
                        groups.get(r[0] + "-" + r[1]).add(e);
                    }
                }
            }
            groups.values().removeIf(List::isEmpty);
        } else {
            for (Map<String, Object> e : entries) {
                Object ts = e.containsKey("ts") ? e.get("ts") : NO_TS;
                groups.computeIfAbsent(ts, k -> new ArrayList<>()).add(e);
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map.Entry<Object, List<Map<String, Object>>> g : groups.entrySet()) {
            Map<String, Object> m = new LinkedHashMap<>();
            if (aggrTimes != null) {
                m.put("ts", 0);
            } else if (g.getKey() != NO_TS) {
                m.put("ts", g.getKey());
            }
            m.put("aggrTsRange", aggrTimes != null ? g.getKey() : "");
            m.put("aggrCount", g.getValue().size());
            m.put("aggrIntervals", Aggregator.intervals(g.getValue()));
            m.putAll(Aggregator.reduce(spec, g.getValue()));
            out.add(m);
        }
        out.sort((a, b) -> Double.compare(tsOrder(a.get("ts")), tsOrder(b.get("ts"))));
        return out;
    }

    private static final Object NO_TS = new Object();

    private static double tsOrder(Object ts) {
        if (ts instanceof Number n) {
            return n.doubleValue();
        }
        if (ts instanceof String s) {
            int dash = s.indexOf('-', 1);
            try {
                return Double.parseDouble(dash > 0 ? s.substring(0, dash) : s);
            } catch (NumberFormatException e) {
                return Double.MAX_VALUE;
            }
        }
        return Double.MAX_VALUE;
    }

    // ------------------------------------------------------------------ tailLogMulti

    /**
     * {@code tailLogMulti}: one {@code tailLog} per key, the shared fields winning over per-key ones; the keys
     * share one answer bound.
     */
    @SuppressWarnings("unchecked")
    List<Object> tailLogMulti(Map<String, Object> req, long now, Deadline deadline) {
        if (!(req.get("keys") instanceof List<?> keys)) {
            throw new OrkError(OrkErrors.KEYS_INVALID);
        }
        List<Map<String, Object>> merged = new ArrayList<>();
        for (Object k : keys) {
            if (!(k instanceof Map<?, ?> m) || !(m.get("type") instanceof String)) {
                throw new OrkError(OrkErrors.TYPE_INVALID);
            }
            Map<String, Object> one = new LinkedHashMap<>((Map<String, Object>) m);
            req.forEach((field, value) -> {
                if (!field.equals("keys")) {
                    one.put(field, value);
                }
            });
            merged.add(one);
        }
        AnswerBudget budget = new AnswerBudget(MAX_ANSWER_VALUES);
        List<Object> out = new ArrayList<>();
        for (Map<String, Object> one : merged) {
            out.add(tailLog(one, now, deadline, budget));
        }
        return out;
    }

    // ------------------------------------------------------------------ tailLogCustomRangeAggr

    /** {@code tailLogCustomRangeAggr}: reads the daily store (computed on demand, cached) for each key. */
    @SuppressWarnings("unchecked")
    List<Object> customRange(Map<String, Object> req, List<Object> timezones, long now, Deadline deadline) {
        if (!(req.get("keys") instanceof List<?> keys) || keys.isEmpty()) {
            throw new OrkError(OrkErrors.KEYS_INVALID);
        }
        List<Object> out = new ArrayList<>();
        for (Object k : keys) {
            Map<String, Object> key = k instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("type", key.get("type"));
            try {
                result.put("data", customRangeKey(key, timezones, now, deadline));
                result.put("error", null);
            } catch (OrkError e) {
                result.put("data", null);
                result.put("error", e.code());
            }
            out.add(result);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private Object customRangeKey(Map<String, Object> key, List<Object> timezones, long now, Deadline deadline) {
        if (!(key.get("type") instanceof String type) || type.isEmpty()) {
            throw new OrkError(OrkErrors.TYPE_INVALID);
        }
        long startDate = date(key.get("startDate"), OrkErrors.START_DATE_INVALID);
        long endDate = date(key.get("endDate"), OrkErrors.END_DATE_INVALID);
        Long offsetArg = key.containsKey("timezoneOffset") ? Requests.asLong(key.get("timezoneOffset"))
                : Long.valueOf(0);
        boolean known = false;
        for (Object tz : timezones) {
            if (offsetArg != null && tz instanceof Map<?, ?> m && Requests.asLong(m.get("offset")) != null
                    && Requests.asLong(m.get("offset")).longValue() == offsetArg) {
                known = true;
            }
        }
        if (!known) {
            throw new OrkError(OrkErrors.TIMEZONE_OFFSET_INVALID);
        }
        List<String> configured = DAILY_FIELDS.get(type);
        if (configured == null) {
            return new LinkedHashMap<>();
        }
        long offset = offsetArg;
        long todayStart = Math.floorDiv(now + offset, DAY) * DAY - offset;
        int startIndex = (int) Math.max(0, Math.floorDiv(todayStart - Math.floorDiv(endDate + offset, DAY) * DAY
                + offset, DAY));
        int endIndex = (int) Math.min(STORE_DAYS - 1, Math.floorDiv(todayStart - Math.floorDiv(startDate + offset,
                DAY) * DAY + offset, DAY));
        List<long[]> days = new ArrayList<>();
        for (int i = endIndex; i >= startIndex; i--) {
            long dayStart = todayStart - i * DAY;
            if (dayStart + DAY <= site.commissionedAt()) {
                continue;
            }
            days.add(new long[]{dayStart, Math.min(dayStart + DAY - 1, now)});
        }
        Map<String, AggregationSpec.Op> spec = AggregationSpec.forBaseType(type);
        if (Requests.truthy(key.get("shouldReturnDailyData"))) {
            Projection fields = Requests.projection(key.get("fields"), OrkErrors.FIELDS_INVALID);
            List<Object> data = new ArrayList<>();
            for (long[] d : days) {
                Map<String, Object> stored = day(type, offset, d, configured, now, deadline);
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("ts", d[0]);
                if (stored != null) {
                    e.put("val", withIntervals(fields.apply(stored), stored));
                }
                data.add(e);
            }
            return data;
        }
        if (Requests.truthy(key.get("shouldReturnMonthlyData"))) {
            Map<Integer, List<Map<String, Object>>> byMonth = new LinkedHashMap<>();
            for (long[] d : days) {
                Map<String, Object> stored = day(type, offset, d, configured, now, deadline);
                if (stored != null) {
                    int month = Instant.ofEpochMilli(d[0] + offset).atZone(ZoneOffset.UTC).getMonthValue();
                    byMonth.computeIfAbsent(month, m -> new ArrayList<>()).add(stored);
                }
            }
            List<Object> data = new ArrayList<>();
            byMonth.forEach((month, stored) -> {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("month", month);
                e.put("val", combineDays(spec, configured, stored));
                data.add(e);
            });
            return data;
        }
        List<Map<String, Object>> stored = new ArrayList<>();
        for (long[] d : days) {
            Map<String, Object> s = day(type, offset, d, configured, now, deadline);
            if (s != null) {
                stored.add(s);
            }
        }
        return combineDays(spec, configured, stored);
    }

    /** Sum of sums, mean of means, merged objects across days; plus summed {@code aggrCount}/{@code aggrIntervals}. */
    private static Map<String, Object> combineDays(Map<String, AggregationSpec.Op> spec, List<String> configured,
                                                   List<Map<String, Object>> days) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String f : configured) {
            String op = spec.get(f).op();
            List<Map<String, Object>> asEntries = new ArrayList<>();
            for (Map<String, Object> d : days) {
                asEntries.add(Map.of("v", d.getOrDefault(f, 0)));
            }
            out.put(f, Aggregator.reduce(Map.of(f, new AggregationSpec.Op(op, "v")), asEntries).get(f));
        }
        double count = 0;
        double intervals = 0;
        for (Map<String, Object> d : days) {
            count += StatNumbers.of(d.get("aggrCount"));
            intervals += StatNumbers.of(d.get("aggrIntervals"));
        }
        out.put("aggrCount", StatNumbers.clean(count));
        out.put("aggrIntervals", StatNumbers.clean(intervals));
        return out;
    }

    /**
     * A day's value in daily mode always says over how many entries and intervals it was summed: its {@code sum}
     * fields hold the day's total over every 5-minute interval (~288 × the mean), and the UI divides by
     * {@code aggrIntervals}. The real ORK's projection drops them unless {@code fields} names them.
     */
    @SuppressWarnings("unchecked")
    private static Object withIntervals(Object projected, Map<String, Object> stored) {
        if (!(projected instanceof Map<?, ?> m)) {
            return projected;
        }
        Map<String, Object> out = new LinkedHashMap<>((Map<String, Object>) m);
        for (String k : new String[]{"aggrCount", "aggrIntervals"}) {
            if (stored.containsKey(k)) {
                out.putIfAbsent(k, stored.get(k));
            }
        }
        return out;
    }

    /**
     * One day of the daily store: what {@code tailLog} over {@code stat-5m} with {@code aggrTimes} = that day
     * answers, from the racks' day sums (UTC days; other time zones read the ticks).
     */
    private Map<String, Object> day(String type, long offset, long[] range, List<String> configured, long now,
                                    Deadline deadline) {
        if (offset != 0) {
            return dayFromTicks(type, offset, range, configured, now, deadline);
        }
        Map<String, AggregationSpec.Op> spec = AggregationSpec.forBaseType(type);
        List<EntrySum> sums = new ArrayList<>();
        int count = 0;
        int intervals = 0;
        String tag = "t-" + type;
        for (SimRack rack : racksOfType(type, now)) {
            if (rackLogs.keeps(rack, StatKey.STAT_5M, tag)) {
                EntrySum sum = rollups.day(rack, tag, range[0], now, deadline).of(StatKey.STAT_5M);
                sums.add(sum);
                count += sum.entries();
                intervals = Math.max(intervals, sum.entries());
            }
        }
        if (count == 0) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ts", 0);
        m.put("aggrTsRange", range[0] + "-" + range[1]);
        m.put("aggrCount", count);
        m.put("aggrIntervals", intervals);
        for (Map.Entry<String, AggregationSpec.Op> f : spec.entrySet()) {
            if (!configured.contains(f.getKey())) {
                continue;
            }
            String src = f.getValue().src();
            switch (f.getValue().op()) {
                case "sum", "avg" -> {
                    double total = 0;
                    for (EntrySum s : sums) {
                        total += s.sum(src);
                    }
                    m.put(f.getKey(), StatNumbers.clean(f.getValue().op().equals("sum") ? total : total / count));
                }
                case "obj_concat", "alerts_aggr" -> {
                    Map<String, Object> merged = new LinkedHashMap<>();
                    for (EntrySum s : sums) {
                        s.mergeObject(src, merged);
                    }
                    m.put(f.getKey(), Aggregator.inKeyOrder(merged));
                }
                default -> m.put(f.getKey(), new ArrayList<>());
            }
        }
        return m;
    }

    /** One day of the daily store in another time zone: {@code tailLog} with {@code aggrTimes} = that day. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> dayFromTicks(String type, long offset, long[] range, List<String> configured,
                                             long now, Deadline deadline) {
        boolean complete = range[0] + DAY - 1 < now - 300_000L;
        String cacheKey = type + '|' + offset + '|' + range[0];
        if (complete) {
            synchronized (dayStore) {
                Map<String, Object> hit = dayStore.get(cacheKey);
                if (hit != null) {
                    return hit;
                }
            }
        }
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("type", type);
        req.put("key", "stat-5m");
        req.put("tag", "t-" + type);
        req.put("start", range[0]);
        req.put("end", range[1]);
        Map<String, Object> aggrFields = new LinkedHashMap<>();
        configured.forEach(f -> aggrFields.put(f, 1));
        req.put("aggrFields", aggrFields);
        req.put("aggrTimes", List.of(Map.of("start", range[0], "end", range[1])));
        deadline.check();
        List<Object> result = tailLog(req, now, deadline, new AnswerBudget(Long.MAX_VALUE));
        Map<String, Object> stored = result.isEmpty() ? null : (Map<String, Object>) result.get(0);
        if (complete && stored != null) {
            synchronized (dayStore) {
                dayStore.put(cacheKey, stored);
            }
        }
        return stored;
    }

    private static long date(Object v, String code) {
        if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.longValue();
        }
        if (v instanceof String s && !s.isBlank()) {
            try {
                if (s.length() == 10) {
                    return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
                }
                return Instant.parse(s).toEpochMilli();
            } catch (DateTimeParseException e) {
                Long ms = Requests.asLong(s);
                if (ms != null) {
                    return ms;
                }
            }
        }
        throw new OrkError(code);
    }

    // ------------------------------------------------------------------ getWrkExtData

    /** {@code getWrkExtData}: pool racks answer by {@code query.key}; thing racks have no extended data. */
    @SuppressWarnings("unchecked")
    List<Object> extData(Map<String, Object> req, long now) {
        if (!(req.get("type") instanceof String type) || type.isEmpty()) {
            throw new OrkError(OrkErrors.TYPE_INVALID);
        }
        Map<String, Object> query = req.get("query") instanceof Map<?, ?> q ? (Map<String, Object>) q : Map.of();
        Projection fields = Requests.projection(query.get("fields"), OrkErrors.FIELDS_INVALID);
        List<Map<String, Object>> results = new ArrayList<>();
        for (SimRack rack : racksOfType(type, now)) {
            if (rack.kind() != ThingKind.MINERPOOL) {
                continue;
            }
            PoolAccount account = site.pools().stream().filter(p -> p.rackId().equals(rack.id()))
                    .findFirst().orElseThrow();
            Object answer;
            try {
                answer = pools.answer(account, query, now);
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (answer instanceof List<?> list) {
                list.forEach(x -> results.add((Map<String, Object>) fields.apply(x)));
            } else {
                results.add((Map<String, Object>) fields.apply(answer));
            }
        }
        Map<String, AggregationSpec.Op> spec = AggregationSpec.forBaseType(baseType(type));
        if (spec == null) {
            return new ArrayList<>(results);
        }
        Map<String, List<Map<String, Object>>> byTs = new LinkedHashMap<>();
        for (Map<String, Object> r : results) {
            byTs.computeIfAbsent(String.valueOf(r.get("ts")), k -> new ArrayList<>()).add(r);
        }
        List<Object> out = new ArrayList<>();
        for (Map.Entry<String, List<Map<String, Object>>> g : byTs.entrySet()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ts", g.getKey());
            m.putAll(Aggregator.reduce(spec, g.getValue()));
            if (Requests.truthy(req.get("applyAggrCrossthg")) && type.equals("minerpool")) {
                m.put("workers", workersByContainer((List<Object>) m.get("workers")));
            }
            out.add(m);
        }
        return out;
    }

    /** Cross-thing aggregation: pool workers (named by miner id) summed per miner container. */
    @SuppressWarnings("unchecked")
    private List<Object> workersByContainer(List<Object> workers) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        Set<String> order = new LinkedHashSet<>();
        for (Object o : workers) {
            Map<String, Object> w = (Map<String, Object>) o;
            SimThing miner = site.thing(String.valueOf(w.get("name")));
            String container = miner == null ? null : miner.container();
            String key = container == null ? "\u0000" : container;
            order.add(key);
            double[] acc = sums.computeIfAbsent(key, k -> new double[6]);
            acc[0] += StatNumbers.of(w.get("hashrate"));
            acc[1] += StatNumbers.of(w.get("hashrate_1h"));
            acc[2] += StatNumbers.of(w.get("hashrate_24h"));
            acc[3] += StatNumbers.of(w.get("hashrate_stale_1h"));
            acc[4] += StatNumbers.of(w.get("hashrate_stale_24h"));
            acc[5] += StatNumbers.of(w.get("online"));
        }
        List<Object> out = new ArrayList<>();
        for (String key : order) {
            double[] acc = sums.get(key);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("container", key.equals("\u0000") ? null : key);
            m.put("hashrate", StatNumbers.clean(acc[0]));
            m.put("hashrate_1h", StatNumbers.clean(acc[1]));
            m.put("hashrate_24h", StatNumbers.clean(acc[2]));
            m.put("hashrate_stale_1h", StatNumbers.clean(acc[3]));
            m.put("hashrate_stale_24h", StatNumbers.clean(acc[4]));
            m.put("active_workers_count", StatNumbers.clean(acc[5]));
            out.add(m);
        }
        return out;
    }
}
