package io.miningos.gateway.adapters.ork.sim;

import io.miningos.gateway.adapters.ork.sim.actions.InfoHistory;
import io.miningos.gateway.adapters.ork.sim.live.Alert;
import io.miningos.gateway.adapters.ork.sim.live.Episode;
import io.miningos.gateway.adapters.ork.sim.live.LiveSite;
import io.miningos.gateway.adapters.ork.sim.live.RequestPaths;
import io.miningos.gateway.adapters.ork.sim.live.Selection;
import io.miningos.gateway.adapters.ork.sim.live.ThingDocs;
import io.miningos.gateway.adapters.ork.sim.rpc.Deadline;
import io.miningos.gateway.adapters.ork.sim.rpc.OrkError;
import io.miningos.gateway.adapters.ork.sim.rpc.OrkErrors;
import io.miningos.gateway.adapters.ork.sim.site.SimRack;
import io.miningos.gateway.adapters.ork.sim.site.SimThing;
import io.miningos.gateway.adapters.ork.sim.site.Site;
import io.miningos.gateway.adapters.ork.sim.site.ThingRole;
import io.miningos.gateway.query.MongoFilter;
import io.miningos.gateway.query.Projection;
import io.miningos.gateway.query.QueryException;
import io.miningos.gateway.query.SortSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The thing-reading methods: {@code listThings}, {@code getThingsCount}, {@code listRacks} and
 * {@code getHistoricalLogs}, done per rack and gathered as the ORK does (rack failures contribute nothing).
 */
final class ThingQueries {

    /** A rack's history log holds at most this many entries (one segment). */
    private static final int HISTORY_SEGMENT = 10_000;

    private final Site site;
    private final LiveSite live;
    private final ThingDocs docs;
    private final InfoHistory history;

    ThingQueries(LiveSite live, ThingDocs docs, InfoHistory history) {
        this.site = live.site();
        this.live = live;
        this.docs = docs;
        this.history = history;
    }

    private static List<SimRack> thingRacks(Site site, long now) {
        List<SimRack> out = new ArrayList<>();
        for (SimRack r : site.racks()) {
            if (r.kind().holdsThings() && !r.restarting(now)) {
                out.add(r);
            }
        }
        return out;
    }

    /** {@code listThings}: per rack filter, sort, offset, limit (default 100), project; then the ORK's sort. */
    List<Object> listThings(Map<String, Object> req, long now, Deadline deadline) {
        boolean status = Requests.truthy(req.get("status"));
        RackQuery compiled = RackQuery.of(req);
        if (compiled == null) {
            return new ArrayList<>(); // every rack rejects the request; the ORK swallows rack failures
        }
        MongoFilter filter = compiled.filter();
        Projection projection = compiled.projection();
        SortSpec sort = compiled.sort();
        Long offsetArg = Requests.asLong(req.get("offset"));
        Long limitArg = Requests.asLong(req.get("limit"));
        int offset = (int) Math.max(0, Math.min(Integer.MAX_VALUE, offsetArg == null ? 0 : offsetArg));
        int limit = (int) Math.max(0, Math.min(Integer.MAX_VALUE, limitArg == null ? 100 : limitArg));
        Selection build = new RequestPaths().filter(req.get("query")).projection(req.get("fields"))
                .sort(req.get("sort")).selection();
        boolean lastForMatching = new RequestPaths().filter(req.get("query")).sort(req.get("sort")).selection()
                .wants("last");
        boolean withLast = status || lastForMatching;

        // racks answer independently, as real rack workers do (one after the other here: the call has one thread)
        List<List<Object>> pages = new ArrayList<>();
        for (SimRack rack : thingRacks(site, now)) {
            List<Object> matched = new ArrayList<>();
            for (SimThing thing : rack.things()) {
                if ((matched.size() & 255) == 0) {
                    deadline.check();
                }
                Map<String, Object> record = docs.record(thing, build, now, withLast);
                if (filter.matches(record)) {
                    matched.add(record);
                }
            }
            sort.sort(matched);
            int from = Math.min(offset, matched.size());
            int to = (int) Math.min(matched.size(), (long) from + limit);
            List<Object> page = new ArrayList<>(to - from);
            for (Object record : matched.subList(from, to)) {
                page.add(envelope(rack, projection.apply(record), status));
            }
            pages.add(page);
        }
        List<Object> out = new ArrayList<>();
        pages.forEach(out::addAll);
        sort.sort(out);
        return out;
    }

    /** The rack's reply shape: only these keys, {@code rack} always, {@code last} only with {@code status}. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> envelope(SimRack rack, Object projected, boolean status) {
        Map<String, Object> rec = (Map<String, Object>) projected;
        Map<String, Object> pack = new LinkedHashMap<>();
        for (String key : new String[]{"id", "code", "type", "tags", "info"}) {
            if (rec.containsKey(key)) {
                pack.put(key, rec.get(key));
            }
        }
        pack.put("rack", rack.id());
        if (rec.containsKey("comments")) {
            pack.put("comments", rec.get("comments"));
        }
        if (rec.get("opts") instanceof Map<?, ?> opts) {
            for (String key : new String[]{"address", "port", "unitId", "containerId"}) {
                if (opts.containsKey(key)) {
                    pack.put(key, opts.get(key));
                }
            }
        }
        if (status && rec.containsKey("last")) {
            pack.put("last", rec.get("last"));
        }
        return pack;
    }

    /** {@code getThingsCount}: the sum of every rack's count of matching things. */
    long countThings(Map<String, Object> req, long now, Deadline deadline) {
        MongoFilter filter;
        try {
            filter = MongoFilter.compile(req.get("query"), OrkErrors.QUERY_INVALID);
        } catch (QueryException e) {
            return 0;
        }
        Selection build = new RequestPaths().filter(req.get("query")).selection();
        boolean withLast = build.wants("last");
        long count = 0;
        for (SimRack rack : thingRacks(site, now)) {
            deadline.check();
            for (SimThing thing : rack.things()) {
                if (filter.isMatchAll() || filter.matches(docs.record(thing, build, now, withLast))) {
                    count++;
                }
            }
        }
        return count;
    }

    /** {@code listRacks}: registry entries whose type starts with {@code type}; keys only on request. */
    List<Object> listRacks(Map<String, Object> req) {
        Object type = req.get("type");
        if (type != null && !(type instanceof String)) {
            throw new OrkError(OrkErrors.TYPE_INVALID);
        }
        boolean keys = Requests.truthy(req.get("keys"));
        List<Object> out = new ArrayList<>();
        for (SimRack rack : site.racks()) {
            if (type != null && !rack.type().startsWith((String) type)) {
                continue;
            }
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", rack.id());
            e.put("type", rack.type());
            Map<String, Object> info = new LinkedHashMap<>();
            if (keys) {
                info.put("rpcPublicKey", rack.rpcPublicKey());
            }
            e.put("info", info);
            out.add(e);
        }
        return out;
    }

    /** {@code getHistoricalLogs}: every rack's alert or info-change log, concatenated, sorted if asked. */
    List<Object> historicalLogs(Map<String, Object> req, long now, Deadline deadline) {
        Object logType = req.get("logType");
        if (!"alerts".equals(logType) && !"info".equals(logType)) {
            throw new OrkError(OrkErrors.LOG_TYPE_INVALID);
        }
        Long start = Requests.asLong(req.get("start"));
        Long end = Requests.asLong(req.get("end"));
        Long limitArg = Requests.asLong(req.get("limit"));
        Long offsetArg = Requests.asLong(req.get("offset"));
        RackQuery compiled = RackQuery.of(req);
        if (compiled == null) {
            return new ArrayList<>();
        }
        MongoFilter filter = compiled.filter();
        Projection projection = compiled.projection();
        SortSpec sort = compiled.sort();
        List<Object> out = new ArrayList<>();
        for (SimRack rack : thingRacks(site, now)) {
            if (logType.equals("alerts")) {
                int limit = limitArg == null ? HISTORY_SEGMENT : (int) Math.max(0, Math.min(HISTORY_SEGMENT, limitArg));
                for (Object alert : alertHistory(rack, start, end, now, limit, deadline)) {
                    if (filter.matches(alert)) {
                        out.add(alert);
                    }
                }
            } else {
                List<Object> entries = new ArrayList<>();
                for (InfoHistory.Entry e : history.ofRack(rack.id())) {
                    if (start != null && e.ts() < start || end != null && e.ts() > end) {
                        continue;
                    }
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("ts", e.ts());
                    m.put("changes", e.changes());
                    m.put("thing", thingSummary(site.thing(e.thingId())));
                    entries.add(projection.apply(m));
                }
                List<Object> kept = new ArrayList<>();
                for (Object e : entries) {
                    if (filter.matches(e)) {
                        kept.add(e);
                    }
                }
                sort.sort(kept);
                int offset = (int) Math.max(0, Math.min(kept.size(), offsetArg == null ? 0 : offsetArg));
                int limit = (int) Math.max(0, Math.min(Integer.MAX_VALUE, limitArg == null ? 100 : limitArg));
                out.addAll(kept.subList(offset, (int) Math.min(kept.size(), (long) offset + limit)));
            }
        }
        sort.sort(out);
        return out;
    }

    private static Map<String, Object> thingSummary(SimThing t) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (t == null) {
            return m;
        }
        m.put("id", t.id());
        m.put("info", new LinkedHashMap<>(t.info()));
        m.put("tags", new ArrayList<>(t.tags()));
        m.put("type", t.type());
        m.put("code", t.code());
        return m;
    }

    /**
     * A rack's {@code thing-alerts} log, newest first: every alert raised by an episode that began in
     * {@code [start, end]} (and by now), as its thing showed it, with the thing attached.
     */
    private List<Object> alertHistory(SimRack rack, Long start, Long end, long now, int limit, Deadline deadline) {
        Episode.Plan plan = switch (rack.kind()) {
            case MINER -> LiveSite.MINER_EPISODES;
            case CONTAINER -> LiveSite.CONTAINER_EPISODES;
            case SENSOR -> LiveSite.SENSOR_EPISODES;
            default -> null;
        };
        List<Object> out = new ArrayList<>();
        if (plan == null || limit == 0) {
            return out;
        }
        long to = Math.min(end == null ? now : end, now);
        long from = Math.max(start == null ? site.commissionedAt() : start, site.commissionedAt());
        long window = plan.windowMs();
        long seed = site.seed();
        // walk back in slices of one window; a thing's (phase-shifted) windows overlapping a slice are at most two
        for (long slice = Math.floorDiv(to, window); slice >= Math.floorDiv(from, window) && out.size() < limit;
             slice--) {
            deadline.check();
            long sliceStart = slice * window;
            long sliceEnd = sliceStart + window - 1;
            List<Map<String, Object>> inSlice = new ArrayList<>();
            for (SimThing thing : rack.things()) {
                long first = plan.windowOf(seed, thing.index(), sliceStart);
                long last = plan.windowOf(seed, thing.index(), sliceEnd);
                for (long w = first; w <= last; w++) {
                    Episode ep = plan.inWindow(seed, thing.index(), w);
                    if (ep == null || ep.kind() == Episode.Kind.OFFLINE || ep.start() < Math.max(from, sliceStart)
                            || ep.start() > Math.min(to, sliceEnd) || thing.createdAt() > ep.start()) {
                        continue;
                    }
                    long poll = thing.role() instanceof ThingRole.Sensor ? 10_000L : 60_000L;
                    long at = Math.min(ep.end() - 1, Math.floorDiv(ep.start(), poll) * poll + poll);
                    List<Alert> alerts = live.alerts(thing, at);
                    if (alerts == null) {
                        continue;
                    }
                    for (Alert a : alerts) {
                        if (a.createdAt() == ep.start()) {
                            Map<String, Object> m = a.toJson();
                            m.put("thing", thingSummary(thing));
                            inSlice.add(m);
                        }
                    }
                }
            }
            inSlice.sort((x, y) -> Long.compare((Long) y.get("createdAt"), (Long) x.get("createdAt")));
            for (Map<String, Object> m : inSlice) {
                if (out.size() < limit) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    /** A request's {@code query}, {@code fields} and {@code sort} as a rack compiles them; null when any is bad. */
    private record RackQuery(MongoFilter filter, Projection projection, SortSpec sort) {
        static RackQuery of(Map<String, Object> req) {
            try {
                return new RackQuery(MongoFilter.compile(req.get("query"), OrkErrors.QUERY_INVALID),
                        Projection.compile(req.get("fields"), OrkErrors.FIELDS_INVALID),
                        SortSpec.compile(req.get("sort"), SortSpec.Ordering.NATURAL, OrkErrors.SORT_INVALID));
            } catch (QueryException e) {
                return null;
            }
        }
    }
}
