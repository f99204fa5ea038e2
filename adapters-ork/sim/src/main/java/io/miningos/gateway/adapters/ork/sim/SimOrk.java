package io.miningos.gateway.adapters.ork.sim;

import io.miningos.gateway.adapters.ork.sim.actions.ActionBook;
import io.miningos.gateway.adapters.ork.sim.actions.ActionEffects;
import io.miningos.gateway.adapters.ork.sim.actions.InfoHistory;
import io.miningos.gateway.adapters.ork.sim.live.LiveSite;
import io.miningos.gateway.adapters.ork.sim.live.ThingDocs;
import io.miningos.gateway.adapters.ork.sim.rpc.OrkError;
import io.miningos.gateway.adapters.ork.sim.rpc.OrkErrors;
import io.miningos.gateway.adapters.ork.sim.site.SimThing;
import io.miningos.gateway.adapters.ork.sim.site.Site;
import io.miningos.gateway.adapters.ork.sim.site.SiteGenerator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One simulated ORK: the generated site, its live values, actions and records, answering the ORK's RPC methods
 * with plain JSON values. Reads run in parallel; writes and the action executor take the write lock. Time is the
 * given clock's, read once per call.
 */
public final class SimOrk {

    /** Methods that change state (a real ORK refuses them to read-only peers). */
    static final Set<String> WRITE_METHODS = Set.of("setGlobalConfig", "saveWrkSettings", "saveThingComment",
            "editThingComment", "deleteThingComment", "pushAction", "pushActionsBatch", "voteAction",
            "cancelActionsBatch");

    /** Every method this ORK answers. */
    static final Set<String> METHODS = Set.of("listThings", "getThingsCount", "listRacks", "getWrkExtData",
            "getGlobalConfig", "setGlobalConfig", "getWrkSettings", "saveWrkSettings", "saveThingComment",
            "editThingComment", "deleteThingComment", "getWrkConf", "getThingConf", "queryActions", "getActionsBatch",
            "getAction", "pushAction", "pushActionsBatch", "voteAction", "cancelActionsBatch", "tailLog",
            "tailLogMulti", "tailLogCustomRangeAggr", "getHistoricalLogs", "echo");

    private final Clock clock;
    private final Site site;
    private final LiveSite live;
    private final ActionBook book;
    private final InfoHistory history = new InfoHistory();
    private final ActionEffects effects;
    private final SiteRecords records;
    private final ThingQueries things;
    private final TailLogs tailLogs;
    private final ExtData extData;
    private final ActionDesk desk;
    private final StateFile stateFile;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile long nextDue;

    /**
     * @param stateFile where to keep comments, settings, global config and actions; null keeps them in memory only
     */
    SimOrk(SimOptions options, Clock clock, StateFile stateFile) {
        this.clock = clock;
        this.site = SiteGenerator.generate(options.seed(), options.miners(), options.site(), clock.millis());
        this.live = new LiveSite(site);
        ThingDocs docs = new ThingDocs(live);
        this.book = new ActionBook(options.actionIntervalMs());
        this.effects = new ActionEffects(live, history, false);
        this.records = new SiteRecords(site);
        this.things = new ThingQueries(live, docs, history);
        this.tailLogs = new TailLogs(live);
        this.extData = new ExtData(site, tailLogs);
        this.desk = new ActionDesk(site, docs, book, options.requiredVotes());
        this.stateFile = stateFile;
        Map<String, Object> saved = stateFile == null ? null : stateFile.load();
        if (!restore(saved)) {
            ActionHistorySeed.seed(live, desk, book, effects, clock.millis());
        }
        this.nextDue = book.nextDue();
    }

    public Site site() {
        return site;
    }

    /**
     * Answers one RPC call. {@code request} is the decoded JSON request.
     *
     * @throws OrkError for handler errors (the caller encodes them as {@code "[HRPC_ERR]=<code>"})
     * @throws IllegalArgumentException for a method this ORK does not serve
     */
    @SuppressWarnings("unchecked")
    public Object handle(String method, Object request) {
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("UNKNOWN_METHOD: " + method);
        }
        if (method.equals("echo")) {
            return request;
        }
        if (!(request instanceof Map<?, ?> m)) {
            throw new OrkError(OrkErrors.FACS_NET_DATA_FORMAT);
        }
        Map<String, Object> req = (Map<String, Object>) m;
        long now = clock.millis();
        if (now >= nextDue) {
            lock.writeLock().lock();
            try {
                if (book.advance(now, effects)) {
                    persist();
                }
                nextDue = book.nextDue();
            } finally {
                lock.writeLock().unlock();
            }
        }
        boolean write = WRITE_METHODS.contains(method);
        var held = write ? lock.writeLock() : lock.readLock();
        held.lock();
        try {
            Object answer = dispatch(method, req, now);
            if (write) {
                nextDue = book.nextDue();
                persist();
            }
            return answer;
        } finally {
            held.unlock();
        }
    }

    private Object dispatch(String method, Map<String, Object> req, long now) {
        return switch (method) {
            case "listThings" -> things.listThings(req, now);
            case "getThingsCount" -> things.countThings(req, now);
            case "listRacks" -> things.listRacks(req);
            case "getHistoricalLogs" -> things.historicalLogs(req, now);
            case "getWrkExtData" -> extData.read(req, now);
            case "tailLog" -> tailLogs.tailLog(req, now);
            case "tailLogMulti" -> tailLogs.tailLogMulti(req, now);
            case "tailLogCustomRangeAggr" -> tailLogs.customRange(req, records.timezones(), now);
            case "getGlobalConfig" -> records.getGlobalConfig(req);
            case "setGlobalConfig" -> records.setGlobalConfig(req);
            case "getWrkSettings" -> records.getSettings(req);
            case "saveWrkSettings" -> records.saveSettings(req);
            case "saveThingComment" -> records.saveComment(req, now);
            case "editThingComment" -> records.editComment(req);
            case "deleteThingComment" -> records.deleteComment(req);
            case "getWrkConf" -> records.workerConfigs(req);
            case "getThingConf" -> records.thingConfigs(req);
            case "queryActions" -> desk.query(req);
            case "getActionsBatch" -> desk.getBatch(req);
            case "getAction" -> desk.get(req);
            case "pushAction" -> desk.push(req, now);
            case "pushActionsBatch" -> desk.pushBatch(req, now);
            case "voteAction" -> desk.vote(req, now);
            case "cancelActionsBatch" -> desk.cancel(req);
            default -> throw new IllegalArgumentException("UNKNOWN_METHOD: " + method);
        };
    }

    // ------------------------------------------------------------------ persistence

    private void persist() {
        if (stateFile == null) {
            return;
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("version", 1);
        state.put("seed", site.seed());
        state.put("globalConfig", JsonCopy.copy(records.globalConfig()));
        state.put("settings", JsonCopy.copy(records.settings()));
        Map<String, Object> comments = new LinkedHashMap<>();
        for (SimThing t : site.things().values()) {
            if (!t.comments().isEmpty()) {
                comments.put(t.id(), JsonCopy.copy(t.comments()));
            }
        }
        state.put("comments", comments);
        state.put("actions", book.export());
        stateFile.save(state);
    }

    /** Restores saved state; false when there was none for this site (nothing saved, or another seed's). */
    @SuppressWarnings("unchecked")
    private boolean restore(Map<String, Object> state) {
        if (state == null || !Long.valueOf(site.seed()).equals(Requests.asLong(state.get("seed")))) {
            return false;
        }
        if (state.get("globalConfig") instanceof Map<?, ?> g) {
            records.globalConfig().clear();
            records.globalConfig().putAll((Map<String, Object>) g);
        }
        if (state.get("settings") instanceof Map<?, ?> s) {
            ((Map<String, Object>) s).forEach((rack, v) -> {
                if (v instanceof Map<?, ?> entries) {
                    records.settings().put(rack, new LinkedHashMap<>((Map<String, Object>) entries));
                }
            });
        }
        if (state.get("comments") instanceof Map<?, ?> c) {
            ((Map<String, Object>) c).forEach((thingId, list) -> {
                SimThing t = site.thing(thingId);
                if (t != null && list instanceof List<?> l) {
                    l.forEach(x -> t.comments().add(new LinkedHashMap<>((Map<String, Object>) x)));
                }
            });
        }
        if (state.get("actions") instanceof List<?> actions) {
            book.restore(new ArrayList<>(actions), new ActionEffects(live, history, true));
        }
        return true;
    }
}
