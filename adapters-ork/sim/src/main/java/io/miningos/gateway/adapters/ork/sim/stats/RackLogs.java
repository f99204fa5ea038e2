package io.miningos.gateway.adapters.ork.sim.stats;

import io.miningos.gateway.adapters.ork.sim.live.LiveSite;
import io.miningos.gateway.adapters.ork.sim.rpc.Deadline;
import io.miningos.gateway.adapters.ork.sim.site.SimRack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rack's stat logs, computed instead of stored: the entry of tick {@code T} is {@link RackStats} at {@code T},
 * which is what the real rack wrote at that tick. Past entries never change, so they are cached (bounded).
 * Reading follows the rack's {@code tailLog}: newest first, inclusive {@code start}/{@code end}, default limit 100
 * without a range, every tick of the range with one, and {@code offset} counting 10,000-entry log segments back.
 */
public final class RackLogs {

    /** Entries per log segment before it rotates. */
    static final int SEGMENT = 10_000;
    /**
     * Recent tick entries (about 1 to 30 KB each): live charts re-read the last ticks every few seconds. Long ranges
     * do not go through it: series keep their projected rows and grouped days use day sums ({@link Rollups}).
     */
    private static final int CACHE_LIMIT = 1_024;

    private final LiveSite live;
    private final RackStats stats;
    private final Map<String, Map<String, Object>> cache = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, Object>> eldest) {
            return size() > CACHE_LIMIT;
        }
    };

    public RackLogs(LiveSite live) {
        this.live = live;
        this.stats = new RackStats(live);
    }

    /** A rack tail-log read. Null bounds are absent. */
    public record Read(String key, String tag, Long start, Long end, Integer limit, int offset) {
    }

    /** Whether {@code rack} keeps the log {@code key}/{@code tag} (else the rack answers {@code ERR_LOG_NOTFOUND}). */
    public boolean keeps(SimRack rack, StatKey key, String tag) {
        if (key == null || !key.keptBy(rack.kind())) {
            return false;
        }
        return switch (key) {
            case STAT_RTD -> tag.equals(rack.kind().rtdTag());
            case STAT_STARTUP -> tag.equals("t-miner");
            default -> rack.statTags().contains(tag);
        };
    }

    /** The newest and oldest tick a read covers, or null when it covers none (not for {@code stat-rtd}). */
    public long[] span(StatKey key, Read req, long now) {
        long period = key.periodMs();
        long first = live.site().commissionedAt();
        long newest = Math.floorDiv(Math.min(now, req.end() == null ? now : req.end()), period) * period;
        long oldest = Math.max(first, req.start() == null ? first : req.start());
        oldest = Math.floorDiv(oldest + period - 1, period) * period;
        newest -= (long) req.offset() * SEGMENT * period;
        long limit;
        if (req.limit() != null && req.limit() > 0) {
            limit = req.limit();
        } else if (req.start() == null && req.end() == null) {
            limit = 100;
        } else {
            limit = Long.MAX_VALUE;
        }
        if (limit != Long.MAX_VALUE) {
            oldest = Math.max(oldest, newest - (limit - 1) * period);
        }
        return newest < oldest ? null : new long[]{newest, oldest};
    }

    /** The tick instants a read covers, newest first (not for {@code stat-rtd}, which has no ticks). */
    public List<Long> ticks(StatKey key, Read req, long now, Deadline deadline) {
        long[] span = span(key, req, now);
        List<Long> out = new ArrayList<>();
        if (span == null) {
            return out;
        }
        for (long ts = span[0]; ts >= span[1]; ts -= key.periodMs()) {
            if ((out.size() & 1023) == 0) {
                deadline.check();
            }
            out.add(ts);
        }
        return out;
    }

    /**
     * Entries newest first (fresh maps the caller may change), or null when the rack has no such log
     * ({@code ERR_LOG_NOTFOUND} at the rack).
     */
    public List<Map<String, Object>> read(SimRack rack, Read req, long now, Deadline deadline) {
        StatKey key = StatKey.of(req.key());
        if (!keeps(rack, key, req.tag())) {
            return null;
        }
        if (key == StatKey.STAT_RTD) {
            return req.offset() > 0 ? List.of() : List.of(stats.entry(rack, req.tag(), now, true));
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (long ts : ticks(key, req, now, deadline)) {
            deadline.check();
            out.add(entry(rack, key, req.tag(), ts));
        }
        return out;
    }

    /** The rack's entry of one past tick, as a fresh map. */
    public Map<String, Object> entry(SimRack rack, StatKey key, String tag, long ts) {
        return new LinkedHashMap<>(entryAt(rack, key, tag, ts));
    }

    private Map<String, Object> entryAt(SimRack rack, StatKey key, String tag, long ts) {
        String cacheKey = rack.id() + '|' + key.key() + '|' + tag + '|' + ts;
        synchronized (cache) {
            Map<String, Object> hit = cache.get(cacheKey);
            if (hit != null) {
                return hit;
            }
        }
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("ts", ts);
        e.putAll(key == StatKey.STAT_STARTUP ? stats.startup(rack, ts) : stats.entry(rack, tag, ts, false));
        synchronized (cache) {
            cache.put(cacheKey, e);
        }
        return e;
    }
}
