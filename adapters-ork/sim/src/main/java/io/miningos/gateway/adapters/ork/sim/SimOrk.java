package io.miningos.gateway.adapters.ork.sim;

import io.miningos.gateway.adapters.ork.sim.actions.ActionBook;
import io.miningos.gateway.adapters.ork.sim.actions.ActionEffects;
import io.miningos.gateway.adapters.ork.sim.actions.InfoHistory;
import io.miningos.gateway.adapters.ork.sim.live.LiveSite;
import io.miningos.gateway.adapters.ork.sim.live.ThingDocs;
import io.miningos.gateway.adapters.ork.sim.rpc.CallAbandoned;
import io.miningos.gateway.adapters.ork.sim.rpc.Deadline;
import io.miningos.gateway.adapters.ork.sim.rpc.OrkError;
import io.miningos.gateway.adapters.ork.sim.rpc.OrkErrors;
import io.miningos.gateway.adapters.ork.sim.site.SimRack;
import io.miningos.gateway.adapters.ork.sim.site.SimThing;
import io.miningos.gateway.adapters.ork.sim.site.Site;
import io.miningos.gateway.adapters.ork.sim.site.SiteGenerator;
import io.miningos.gateway.adapters.ork.sim.site.SpareParts;
import io.miningos.gateway.adapters.ork.sim.site.ThingKind;
import io.miningos.gateway.adapters.ork.sim.stats.Rollups;
import io.miningos.gateway.domain.ork.OrkMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One simulated ORK: the generated site, its live values, actions and records, answering the ORK RPC methods the
 * gateway calls (its catalogue, {@link OrkMethod}; anything else is {@code UNKNOWN_METHOD}) with plain JSON values.
 * Reads run in parallel and give up when their {@link Deadline} passes (time-series reads take no lock at all);
 * writes and the action executor take the write lock, and a write is saved before it is answered or changes
 * nothing. Time is the given clock's, read once per call.
 */
public final class SimOrk {
    private static final Logger LOG = LoggerFactory.getLogger(SimOrk.class);
    /**
     * Time-series reads, which can run for seconds: they take no lock (they read the racks' copy-on-write thing
     * lists and the synchronized timelines, and their caches are their own), so a write never waits for one.
     */
    private static final Set<OrkMethod> TIME_SERIES = Set.of(OrkMethod.TAIL_LOG, OrkMethod.TAIL_LOG_MULTI,
            OrkMethod.TAIL_LOG_CUSTOM_RANGE_AGGR);

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
    private final StoredConfigs configs;
    private final ActionDesk desk;
    private final StateFile stateFile;
    /** The hall's DCS thing, with sim option {@code dcsHall}; else null. */
    private final DcsHall dcs;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** Whether the background filling computed the extended data of the first visits already. */
    private volatile boolean extDataWarm;
    private volatile long nextDue;

    /**
     * @param stateFile where to keep comments, settings, global config, actions and stored electricity settings; null
     *                  keeps them in memory only
     */
    SimOrk(SimOptions options, Clock clock, StateFile stateFile) {
        this.clock = clock;
        this.site = SiteGenerator.generate(options.seed(), options.miners(), options.m63Miners(), options.dcsHall(),
                options.site(), clock.millis());
        this.live = new LiveSite(site);
        this.dcs = options.dcsHall() ? new DcsHall(live) : null;
        ThingDocs docs = new ThingDocs(live);
        this.book = new ActionBook(options.actionIntervalMs());
        this.effects = new ActionEffects(live, history, false);
        this.records = new SiteRecords(site);
        this.things = new ThingQueries(live, docs, history);
        this.tailLogs = new TailLogs(live);
        this.extData = new ExtData(site, tailLogs, records::timezones, () -> records.globalConfig()
                .get("nominalAvailablePowerMWh") instanceof Number n ? n.doubleValue() : 0);
        this.configs = new StoredConfigs(site);
        this.desk = new ActionDesk(site, docs, book, options.requiredVotes());
        this.stateFile = stateFile;
        for (SimRack rack : site.racks()) { // the part models the inventory racks offer, until someone edits them
            if (rack.kind() == ThingKind.INVENTORY) {
                records.settings().put(rack.id(), new LinkedHashMap<>(Map.of("subPartTypes",
                        SpareParts.subPartTypes(rack))));
            }
        }
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
     * Computes one more day of the day sums long reads add up (the last {@code Rollups.FILL_DAYS} days of every
     * rack), ahead of the reads; false when none is missing. The transport runs it in the background.
     */
    public boolean fillRollups(Deadline deadline) {
        if (tailLogs.fillRollups(clock.millis(), deadline)) {
            return true;
        }
        if (!extDataWarm) {
            warmExtData(deadline);
            extDataWarm = true;
        }
        return false;
    }

    /**
     * Computes once what the first visits of the pool and energy pages read: every pool account's year of days
     * (its first {@code stats}), its last day of 5-minute history (the containers' loads it adds up are kept), and
     * the electricity worker's daily history of the filled days.
     */
    private void warmExtData(Deadline deadline) {
        long now = clock.millis();
        handle("getWrkExtData", Map.of("type", "minerpool", "query", Map.of("key", "stats")), deadline);
        handle("getWrkExtData", Map.of("type", "minerpool", "query", Map.of("key", "stats-history", "start",
                now - Rollups.DAY, "end", now)), deadline);
        handle("getWrkExtData", Map.of("type", "electricity", "query", Map.of("key", "stats-history", "start",
                now - Rollups.FILL_DAYS * Rollups.DAY, "end", now, "groupRange", "1D")), deadline);
    }

    /** Bytes the day sums take (tests and the benchmark report it). */
    public long rollupBytes() {
        return tailLogs.rollupBytes();
    }

    /** {@link #handle(String, Object, Deadline)} with no deadline. */
    public Object handle(String method, Object request) {
        return handle(method, request, Deadline.NONE);
    }

    /**
     * Answers one RPC call. {@code request} is the decoded JSON request. A write either happens and is saved, or
     * changes nothing.
     *
     * @param deadline long reads give up when it passes
     * @throws OrkError for handler errors (the caller encodes them as {@code "[HRPC_ERR]=<code>"}), among them
     *                  {@code ERR_SIM_STATE_NOT_SAVED} for a write whose state file could not be written
     * @throws IllegalArgumentException for a method this ORK does not serve
     * @throws CallAbandoned when {@code deadline} passed before the answer was ready
     */
    @SuppressWarnings("unchecked")
    public Object handle(String methodName, Object request, Deadline deadline) {
        OrkMethod method = OrkMethod.byWireName(methodName)
                .orElseThrow(() -> new IllegalArgumentException("UNKNOWN_METHOD: " + methodName));
        if (!(request instanceof Map<?, ?> m)) {
            throw new OrkError(OrkErrors.FACS_NET_DATA_FORMAT);
        }
        Map<String, Object> req = (Map<String, Object>) m;
        long now = clock.millis();
        if (now >= nextDue) {
            lock.writeLock().lock();
            try {
                if (book.advance(now, effects)) {
                    persistExecuted();
                }
                nextDue = book.nextDue();
            } finally {
                lock.writeLock().unlock();
            }
        }
        if (TIME_SERIES.contains(method)) {
            // no lock: a write waiting for a read of seconds would hold up every read queued behind it
            List<Object> timezones;
            lock.readLock().lock();
            try {
                timezones = JsonCopy.copy(records.timezones());
            } finally {
                lock.readLock().unlock();
            }
            return method == OrkMethod.TAIL_LOG_CUSTOM_RANGE_AGGR
                    ? tailLogs.customRange(req, timezones, now, deadline) : dispatch(method, req, now, deadline);
        }
        boolean write = method.isWrite();
        var held = write ? lock.writeLock() : lock.readLock();
        held.lock();
        try {
            if (!write) {
                return dispatch(method, req, now, deadline);
            }
            Runnable undo = undoPoint();
            Object answer;
            try {
                answer = dispatch(method, req, now, deadline);
                persist();
            } catch (RuntimeException e) {
                undo.run();
                if (e instanceof UncheckedIOException io) {
                    LOG.warn("sim ORK: {} changed nothing, its state could not be saved: {}", method, io.getMessage());
                    throw new OrkError(OrkErrors.SIM_STATE_NOT_SAVED);
                }
                throw e;
            } finally {
                nextDue = book.nextDue();
            }
            return answer;
        } finally {
            held.unlock();
        }
    }

    /**
     * What a client write can change (global config, settings, comments, the action book), as it is now: running
     * the result puts it back.
     */
    private Runnable undoPoint() {
        Map<String, Object> config = JsonCopy.copy(records.globalConfig());
        Map<String, Map<String, Object>> settings = JsonCopy.copy(records.settings());
        Map<SimThing, List<Map<String, Object>>> comments = new HashMap<>();
        for (SimThing t : site.things().values()) {
            if (!t.comments().isEmpty()) {
                comments.put(t, JsonCopy.copy(t.comments()));
            }
        }
        Runnable actions = book.undoPoint();
        Map<String, Object> electricity = extData.electricity().export();
        return () -> {
            extData.electricity().restore(electricity);
            records.globalConfig().clear();
            records.globalConfig().putAll(config);
            records.settings().clear();
            records.settings().putAll(settings);
            for (SimThing t : site.things().values()) {
                if (!t.comments().isEmpty() || comments.containsKey(t)) {
                    t.comments().clear();
                    t.comments().addAll(comments.getOrDefault(t, List.of()));
                }
            }
            actions.run();
        };
    }

    /** Exhaustive over the gateway's catalogue: a method added there does not compile here until it is answered. */
    private Object dispatch(OrkMethod method, Map<String, Object> req, long now, Deadline deadline) {
        return switch (method) {
            case LIST_THINGS -> dcs == null ? things.listThings(req, now, deadline)
                    : dcs.addTo(req, things.listThings(req, now, deadline), now);
            case GET_THINGS_COUNT -> things.countThings(req, now, deadline);
            case LIST_RACKS -> things.listRacks(req);
            case GET_HISTORICAL_LOGS -> things.historicalLogs(req, now, deadline);
            case GET_WRK_EXT_DATA -> extData.read(req, now, deadline);
            case SET_WRK_EXT_DATA -> extData.write(req, now);
            case TAIL_LOG -> dcs != null && "dcs".equals(req.get("type")) ? dcs.tailLog(req, now, deadline)
                    : tailLogs.tailLog(req, now, deadline);
            case TAIL_LOG_MULTI -> tailLogs.tailLogMulti(req, now, deadline);
            case TAIL_LOG_CUSTOM_RANGE_AGGR -> tailLogs.customRange(req, records.timezones(), now, deadline);
            case GET_GLOBAL_CONFIG -> records.getGlobalConfig(req);
            case SET_GLOBAL_CONFIG -> records.setGlobalConfig(req);
            case GET_WRK_SETTINGS -> records.getSettings(req);
            case SAVE_WRK_SETTINGS -> records.saveSettings(req);
            case SAVE_THING_COMMENT -> records.saveComment(req, now);
            case EDIT_THING_COMMENT -> records.editComment(req);
            case DELETE_THING_COMMENT -> records.deleteComment(req);
            case GET_WRK_CONF -> records.workerConfigs(req);
            case GET_THING_CONF -> records.thingConfigs(req);
            case GET_CONFIGS -> configs.getConfigs(req);
            case LIST_FIRMWARES -> configs.listFirmwares(now);
            case QUERY_ACTIONS -> desk.query(req);
            case GET_ACTIONS_BATCH -> desk.getBatch(req);
            case GET_ACTION -> desk.get(req);
            case PUSH_ACTION -> desk.push(req, now);
            case PUSH_ACTIONS_BATCH -> desk.pushBatch(req, now);
            case VOTE_ACTION -> desk.vote(req, now);
            case CANCEL_ACTIONS_BATCH -> desk.cancel(req);
        };
    }

    // ------------------------------------------------------------------ persistence

    /**
     * Saves what the executor did. A failure is logged, not answered: the devices did change, and the next save
     * (every write saves the whole state) writes it.
     */
    private void persistExecuted() {
        try {
            persist();
        } catch (UncheckedIOException e) {
            LOG.warn("sim ORK: executed actions not saved yet: {}", e.getMessage());
        }
    }

    /** Writes the whole state; {@link UncheckedIOException} when the file cannot be written. */
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
        Map<String, Object> electricity = extData.electricity().export();
        if (electricity != null) {
            state.put("electricity", electricity);
        }
        stateFile.save(state);
    }

    /** Restores saved state; false when there was none for this site (nothing saved, or another seed's). */
    @SuppressWarnings("unchecked")
    private boolean restore(Map<String, Object> state) {
        if (state == null || !Long.valueOf(site.seed()).equals(Requests.asLong(state.get("seed")))) {
            return false;
        }
        if (state.get("globalConfig") instanceof Map<?, ?> g) {
            // saved values win; a field added since the file was written keeps its default
            Map<String, Object> defaults = JsonCopy.copy(records.globalConfig());
            records.globalConfig().clear();
            records.globalConfig().putAll(defaults);
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
        extData.electricity().restore(state.get("electricity"));
        if (state.get("actions") instanceof List<?> actions) {
            book.restore(new ArrayList<>(actions), new ActionEffects(live, history, true));
        }
        return true;
    }
}
