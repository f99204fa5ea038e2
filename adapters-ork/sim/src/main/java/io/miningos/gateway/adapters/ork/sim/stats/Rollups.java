package io.miningos.gateway.adapters.ork.sim.stats;

import io.miningos.gateway.adapters.ork.sim.live.LiveSite;
import io.miningos.gateway.adapters.ork.sim.rpc.CallAbandoned;
import io.miningos.gateway.adapters.ork.sim.rpc.Deadline;
import io.miningos.gateway.adapters.ork.sim.site.SimRack;

import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Per-day sums of every rack's stat entries (per tag, for {@code stat-5m}, {@code stat-30m}, {@code stat-3h} and
 * {@code stat-1D}), so reads over weeks and months add up a few day sums instead of computing thousands of ticks.
 * A UTC day's sum is computed once, from the entries of its ticks (the same entries a tick read returns), when it
 * is first needed or by {@link #fill} in the background, and kept while it fits the byte budget (least recently
 * used first out). Today's sum grows: each read adds only the ticks since the last one.
 *
 * <p>Budget: a day of one rack's tag holds 12 bytes per field of its entry (more for text fields) per log key. On
 * the demo site (one ORK, 500 miners and 40 M63s whose rack reports every device) that is about 80 KB per day, so
 * the 35 days {@link #fill} keeps take under 3 MB; the store never holds more than {@link #MAX_BYTES} per ORK.
 */
public final class Rollups {

    public static final long DAY = 86_400_000L;
    /** Days (back from today) whose sums {@link #fill} computes ahead of any read: a month and the days around it. */
    public static final int FILL_DAYS = 35;
    /** Bytes of day sums one ORK keeps at most: the filled days, and about 100 older days on the demo. */
    static final long MAX_BYTES = 8L << 20;
    /** The logs summed per day: those ticking every 5 minutes or slower. */
    static final StatKey[] KEYS = {StatKey.STAT_5M, StatKey.STAT_30M, StatKey.STAT_3H, StatKey.STAT_1D};

    private final LiveSite live;
    private final RackStats stats;
    private final Map<String, EntryLayout> layouts = new ConcurrentHashMap<>();
    /** Complete days, least recently used first. */
    private final LinkedHashMap<Key, Day> complete = new LinkedHashMap<>(256, 0.75f, true);
    private long completeBytes;
    /** Today's sums so far, per rack and tag. */
    private final Map<Key, Day> today = new ConcurrentHashMap<>();
    /** Complete days being summed right now. */
    private final Map<Key, CompletableFuture<Day>> computing = new ConcurrentHashMap<>();

    private record Key(String rack, String tag, long day) {
    }

    /** One rack's tag on one UTC day: a sum per log key, up to (and including) the tick {@code through}. */
    public record Day(Map<StatKey, EntrySum> sums, long through) {
        public EntrySum of(StatKey key) {
            return sums.get(key);
        }

        long bytes() {
            long b = 64;
            for (EntrySum s : sums.values()) {
                b += s.bytes();
            }
            return b;
        }
    }

    public Rollups(LiveSite live) {
        this.live = live;
        this.stats = new RackStats(live);
    }

    /** Whether day sums serve this log: the 5-minute and slower stat logs. */
    public static boolean summed(StatKey key) {
        for (StatKey k : KEYS) {
            if (k == key) {
                return true;
            }
        }
        return false;
    }

    private static long lastTickOf(long dayStart) {
        return dayStart + DAY - StatKey.STAT_5M.periodMs();
    }

    /**
     * The sums of {@code rack}'s entries for {@code tag} on the UTC day starting at {@code dayStart}, as far as the
     * day has ticked by {@code now}.
     */
    public Day day(SimRack rack, String tag, long dayStart, long now, Deadline deadline) {
        long newestTick = Math.min(lastTickOf(dayStart), Math.floorDiv(now, StatKey.STAT_5M.periodMs())
                * StatKey.STAT_5M.periodMs());
        Key key = new Key(rack.id(), tag, dayStart);
        if (newestTick != lastTickOf(dayStart)) {
            return sumSoFar(rack, tag, key, newestTick, deadline);
        }
        while (true) {
            synchronized (complete) {
                Day known = complete.get(key);
                if (known != null) {
                    return known;
                }
            }
            // one thread sums a day; a read wanting the same day meanwhile (the background filling, another read)
            // waits for it instead of doing the work twice
            CompletableFuture<Day> mine = new CompletableFuture<>();
            CompletableFuture<Day> running = computing.putIfAbsent(key, mine);
            if (running == null) {
                try {
                    Day day = sumSoFar(rack, tag, key, newestTick, deadline);
                    mine.complete(day);
                    return day;
                } catch (RuntimeException e) {
                    mine.completeExceptionally(e);
                    throw e;
                } finally {
                    computing.remove(key, mine);
                }
            }
            while (!running.isDone()) {
                deadline.check();
                try {
                    return running.get(20, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    // still running: check the deadline again
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CallAbandoned();
                } catch (ExecutionException e) {
                    break; // the other one gave up: sum it here
                }
            }
            if (running.isDone() && !running.isCompletedExceptionally()) {
                return running.join();
            }
        }
    }

    /** The day's sums up to {@code newestTick}: today's grown from what it held, or all of them. */
    private Day sumSoFar(SimRack rack, String tag, Key key, long newestTick, Deadline deadline) {
        long dayStart = key.day();
        Day partial = today.get(key);
        Day day;
        if (partial != null && partial.through() <= newestTick) {
            day = partial.through() == newestTick ? partial
                    : join(compute(rack, tag, partial.through() + StatKey.STAT_5M.periodMs(), newestTick, deadline),
                    partial);
        } else {
            day = compute(rack, tag, dayStart, newestTick, deadline);
        }
        if (newestTick == lastTickOf(dayStart)) {
            today.remove(key);
            keep(key, day);
        } else {
            today.keySet().removeIf(k -> k.day() < dayStart);
            today.put(key, day);
        }
        return day;
    }

    private void keep(Key key, Day day) {
        synchronized (complete) {
            if (complete.putIfAbsent(key, day) == null) {
                completeBytes += day.bytes();
            }
            Iterator<Map.Entry<Key, Day>> oldest = complete.entrySet().iterator();
            while (completeBytes > MAX_BYTES && oldest.hasNext()) {
                completeBytes -= oldest.next().getValue().bytes();
                oldest.remove();
            }
        }
    }

    /** Whether the day is summed already (complete, or today so far). */
    private boolean known(SimRack rack, String tag, long dayStart) {
        return has(rack, tag, dayStart) || today.containsKey(new Key(rack.id(), tag, dayStart));
    }

    /** Whether the complete day is already kept. */
    public boolean has(SimRack rack, String tag, long dayStart) {
        synchronized (complete) {
            return complete.containsKey(new Key(rack.id(), tag, dayStart));
        }
    }

    /** Bytes the kept day sums take. */
    public long bytes() {
        synchronized (complete) {
            long b = completeBytes;
            for (Day d : today.values()) {
                b += d.bytes();
            }
            return b;
        }
    }

    /** A newer run followed by an older one. */
    private static Day join(Day newer, Day older) {
        Map<StatKey, EntrySum> sums = new EnumMap<>(StatKey.class);
        for (StatKey k : KEYS) {
            sums.put(k, newer.of(k).plus(older.of(k)));
        }
        return new Day(sums, newer.through());
    }

    /** Sums the entries of the ticks in {@code [from, through]}, newest first. */
    private Day compute(SimRack rack, String tag, long from, long through, Deadline deadline) {
        EntryLayout layout = layouts.computeIfAbsent(rack.id() + '|' + tag, k -> new EntryLayout());
        Map<StatKey, EntrySum> sums = new EnumMap<>(StatKey.class);
        for (StatKey k : KEYS) {
            sums.put(k, new EntrySum(layout));
        }
        long first = Math.max(from, live.site().commissionedAt());
        long period = StatKey.STAT_5M.periodMs();
        for (long ts = through; ts >= first; ts -= period) {
            deadline.check();
            Map<String, Object> entry = stats.entry(rack, tag, ts, false);
            for (StatKey k : KEYS) {
                if (Math.floorMod(ts, k.periodMs()) == 0) {
                    sums.get(k).add(entry);
                }
            }
        }
        return new Day(sums, through);
    }

    /**
     * Sums the ticks of {@code key} in {@code [from, to]} (newest first) for a bucket that covers part of a day:
     * whole days come from {@link #day}, the uncovered ends from their entries.
     */
    public EntrySum range(SimRack rack, String tag, StatKey key, long from, long to, long now, Deadline deadline) {
        EntryLayout layout = layouts.computeIfAbsent(rack.id() + '|' + tag, k -> new EntryLayout());
        EntrySum out = new EntrySum(layout);
        long period = key.periodMs();
        long first = Math.floorDiv(Math.max(from, live.site().commissionedAt()) + period - 1, period) * period;
        long last = Math.floorDiv(Math.min(to, now), period) * period;
        for (long dayStart = Math.floorDiv(last, DAY) * DAY; dayStart + DAY > first; dayStart -= DAY) {
            deadline.check();
            long lo = Math.max(first, dayStart);
            long hi = Math.min(last, dayStart + DAY - 1);
            if (hi < lo) {
                continue;
            }
            EntrySum part;
            boolean wholeDay = lo <= Math.max(dayStart, firstTick(key)) && (hi >= dayStart + DAY - period
                    || hi == Math.floorDiv(now, period) * period);
            // a day not summed yet is summed for every log when 5-minute ticks are read anyway; a slower log's
            // few ticks (8 a day for stat-3h) are cheaper read directly than a day of 288
            if (wholeDay && (key == StatKey.STAT_5M || known(rack, tag, dayStart))) {
                part = day(rack, tag, dayStart, now, deadline).of(key);
            } else {
                part = new EntrySum(layout);
                for (long ts = Math.floorDiv(hi, period) * period; ts >= lo; ts -= period) {
                    deadline.check();
                    part.add(stats.entry(rack, tag, ts, false));
                }
            }
            out = out.plus(part);
        }
        return out;
    }

    private long firstTick(StatKey key) {
        long period = key.periodMs();
        return Math.floorDiv(live.site().commissionedAt() + period - 1, period) * period;
    }

    /**
     * Computes one missing day of the {@code t-<kind>} tag of every rack that keeps stat logs, newest first: today so
     * far (a day's grouped reads then add only the ticks since), then the complete days of the last
     * {@link #FILL_DAYS}. Returns false when there is nothing left to compute.
     */
    public boolean fill(long now, Deadline deadline) {
        long today = Math.floorDiv(now, DAY) * DAY;
        for (int back = 0; back <= FILL_DAYS; back++) {
            long dayStart = today - back * DAY;
            if (dayStart + DAY <= live.site().commissionedAt()) {
                return false;
            }
            boolean computed = false;
            for (SimRack rack : live.site().racks()) {
                String tag = rack.kind().rtdTag();
                if (tag == null || !rack.statTags().contains(tag) || known(rack, tag, dayStart)) {
                    continue;
                }
                day(rack, tag, dayStart, now, deadline);
                computed = true;
            }
            if (computed) {
                return true;
            }
        }
        return false;
    }
}
