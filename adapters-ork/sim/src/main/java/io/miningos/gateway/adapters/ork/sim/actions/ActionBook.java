package io.miningos.gateway.adapters.ork.sim.actions;

import io.miningos.gateway.adapters.ork.sim.rpc.OrkError;
import io.miningos.gateway.adapters.ork.sim.rpc.OrkErrors;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The approver: the four stores, voting rules and the executor. Time moves only through {@link #advance}: an
 * approved action is picked up at the next executor tick (a multiple of the interval), runs for a short step in
 * {@code executing} with its effects applied at the start of that step, and lands in {@code done} with per-call
 * results. Called with the clock's time before every request, this gives the same states a polling executor
 * would, without a thread and exactly reproducible under a test clock.
 */
public final class ActionBook {

    /** Applies an action's effects at {@code at} and returns, per rack, one outcome per call. */
    public interface Executor {
        Map<String, List<Map<String, Object>>> execute(SimAction action, long at);
    }

    private final long intervalMs;
    private final long stepMs;
    private final TreeMap<Long, SimAction> actions = new TreeMap<>();
    private final Map<Long, Integer> slotsPerTick = new HashMap<>();
    private long lastId;

    public ActionBook(long intervalMs) {
        if (intervalMs <= 0) {
            throw new IllegalArgumentException("intervalMs must be positive");
        }
        this.intervalMs = intervalMs;
        this.stepMs = Math.max(1, Math.min(1_000, intervalMs / 10));
    }

    /** An id for an action pushed at {@code now}: the time in ms, made unique and increasing. */
    public long nextId(long now) {
        lastId = Math.max(now, lastId + 1);
        return lastId;
    }

    /** Stores a new action; with one required vote it goes straight to {@code ready}. */
    public SimAction create(long id, String batchActionUID, String action, List<Object> params,
                            Map<String, Map<String, Object>> targets, List<String> requiredPerms, String voter,
                            int reqVotesPos, long now) {
        SimAction a = new SimAction(id, batchActionUID, action, params, targets, requiredPerms, voter, reqVotesPos);
        if (reqVotesPos <= 1) {
            approve(a, now);
        } else {
            a.store = SimAction.Store.VOTING;
            a.status = "VOTING";
        }
        actions.put(id, a);
        return a;
    }

    private static void approve(SimAction a, long now) {
        a.store = SimAction.Store.READY;
        a.status = "APPROVED";
        a.approvedAt = now;
    }

    /** Records a vote; enough approvals move the action to {@code ready}, one denial to {@code done}/DENIED. */
    public void vote(long id, String voter, boolean approve, List<String> authPerms, long now) {
        SimAction a = actions.get(id);
        if (a == null || a.store != SimAction.Store.VOTING) {
            throw new OrkError(OrkErrors.ACTION_ID_NOT_FOUND);
        }
        if (!authPerms.containsAll(a.requiredPerms)) {
            throw new OrkError(OrkErrors.ACTION_DENIED);
        }
        if (a.votesPos.contains(voter) || a.votesNeg.contains(voter)) {
            throw new OrkError(OrkErrors.VOTER_EXISTS);
        }
        if (approve) {
            a.votesPos.add(voter);
            if (a.votesPos.size() >= a.reqVotesPos) {
                approve(a, now);
            }
        } else {
            a.votesNeg.add(voter);
            if (a.votesNeg.size() >= a.reqVotesNeg) {
                a.store = SimAction.Store.DONE;
                a.status = "DENIED";
            }
        }
    }

    /** Cancels an action still in voting, by its creator: it lands in {@code done} as DENIED. */
    public String cancel(long id, String voter) {
        SimAction a = actions.get(id);
        if (a == null || a.store != SimAction.Store.VOTING) {
            return OrkErrors.ACTION_ID_NOT_FOUND;
        }
        if (!a.votesPos.get(0).equals(voter)) {
            return OrkErrors.CALLER_NOT_CREATOR;
        }
        a.store = SimAction.Store.DONE;
        a.status = "DENIED";
        return null;
    }

    /** The earliest instant at which {@link #advance} has something to do, or {@link Long#MAX_VALUE}. */
    public long nextDue() {
        long due = Long.MAX_VALUE;
        for (SimAction a : actions.values()) {
            if (a.store == SimAction.Store.READY) {
                due = Math.min(due, a.execStart >= 0 ? a.execStart : pickTick(a));
            } else if (a.store == SimAction.Store.EXECUTING) {
                due = Math.min(due, a.execEnd);
            }
        }
        return due;
    }

    private long pickTick(SimAction a) {
        return (Math.floorDiv(a.approvedAt, intervalMs) + 1) * intervalMs;
    }

    /** Runs the executor up to {@code now}; returns whether any action changed store. */
    public boolean advance(long now, Executor executor) {
        boolean changed = false;
        boolean progress = true;
        while (progress) {
            progress = false;
            SimAction next = null;
            long nextAt = Long.MAX_VALUE;
            for (SimAction a : actions.values()) {
                long at;
                if (a.store == SimAction.Store.READY) {
                    if (a.execStart < 0) {
                        long tick = pickTick(a);
                        if (tick > now) {
                            continue;
                        }
                        int slot = slotsPerTick.merge(tick, 1, Integer::sum) - 1;
                        a.execStart = tick + slot * stepMs;
                        a.execEnd = a.execStart + stepMs;
                    }
                    at = a.execStart;
                } else if (a.store == SimAction.Store.EXECUTING) {
                    at = a.execEnd;
                } else {
                    continue;
                }
                if (at <= now && at < nextAt) {
                    nextAt = at;
                    next = a;
                }
            }
            if (next != null) {
                step(next, executor);
                changed = true;
                progress = true;
            }
        }
        return changed;
    }

    private void step(SimAction a, Executor executor) {
        if (a.store == SimAction.Store.READY) {
            a.store = SimAction.Store.EXECUTING;
            a.status = "EXECUTING";
            try {
                a.outcomes = executor.execute(a, a.execStart);
            } catch (RuntimeException e) {
                a.store = SimAction.Store.DONE;
                a.status = "FAILED";
                a.error = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            return;
        }
        a.store = SimAction.Store.DONE;
        a.status = "COMPLETED";
        writeOutcomes(a);
    }

    @SuppressWarnings("unchecked")
    private static void writeOutcomes(SimAction a) {
        if (a.outcomes == null) {
            return;
        }
        a.targets.forEach((rack, target) -> {
            List<Map<String, Object>> results = a.outcomes.get(rack);
            List<Object> calls = (List<Object>) target.get("calls");
            for (int i = 0; results != null && i < calls.size() && i < results.size(); i++) {
                ((Map<String, Object>) calls.get(i)).putAll(results.get(i));
            }
        });
    }

    public SimAction get(long id) {
        return actions.get(id);
    }

    /** Actions of a store, oldest first. */
    public List<SimAction> inStore(SimAction.Store store) {
        List<SimAction> out = new ArrayList<>();
        for (SimAction a : actions.values()) {
            if (a.store == store) {
                out.add(a);
            }
        }
        return out;
    }

    public Collection<SimAction> all() {
        return actions.values();
    }

    // ------------------------------------------------------------------ JSON forms

    /** The stored form ({@code payload: [params, targets, requiredPerms]}), as {@code pushAction} returns it. */
    public static Map<String, Object> storedForm(SimAction a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id);
        if (a.batchActionUID != null) {
            m.put("batchActionUID", a.batchActionUID);
        }
        m.put("action", a.action);
        m.put("payload", List.of(copy(a.params), copy(a.targets), new ArrayList<>(a.requiredPerms)));
        putVotes(m, a);
        return m;
    }

    /** The read form ({@code params}, {@code targets},
            {@code requiredPerms}); {@code withTags=false} drops call tags. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> readForm(SimAction a, boolean withTags) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id);
        if (a.batchActionUID != null) {
            m.put("batchActionUID", a.batchActionUID);
        }
        m.put("action", a.action);
        m.put("params", copy(a.params));
        Map<String, Object> targets = (Map<String, Object>) copy(a.targets);
        if (!withTags) {
            for (Object t : targets.values()) {
                for (Object c : (List<Object>) ((Map<String, Object>) t).get("calls")) {
                    ((Map<String, Object>) c).remove("tags");
                }
            }
        }
        m.put("targets", targets);
        m.put("requiredPerms", new ArrayList<>(a.requiredPerms));
        putVotes(m, a);
        return m;
    }

    private static void putVotes(Map<String, Object> m, SimAction a) {
        m.put("votesPos", new ArrayList<>(a.votesPos));
        m.put("votesNeg", new ArrayList<>(a.votesNeg));
        m.put("reqVotesPos", a.reqVotesPos);
        m.put("reqVotesNeg", a.reqVotesNeg);
        m.put("status", a.status);
        if (a.error != null) {
            m.put("error", a.error);
        }
    }

    @SuppressWarnings("unchecked")
    static Object copy(Object v) {
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, x) -> out.put(k, copy(x)));
            return out;
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(x -> out.add(copy(x)));
            return out;
        }
        return v;
    }

    /**
     * The book as it is now, for undoing a client's write (push, vote, cancel) whose state could not be saved:
     * running the returned action puts every action, vote, status and id counter back. It does not undo effects on
     * devices; client writes have none (the executor applies them later).
     */
    public Runnable undoPoint() {
        Map<Long, SimAction> before = new TreeMap<>(actions);
        Map<Long, Saved> saved = new HashMap<>();
        for (SimAction a : actions.values()) {
            saved.put(a.id, new Saved(a.store, a.status, a.error, a.approvedAt, a.execStart, a.execEnd, a.outcomes,
                    List.copyOf(a.votesPos), List.copyOf(a.votesNeg)));
        }
        Map<Long, Integer> slots = new HashMap<>(slotsPerTick);
        long id = lastId;
        return () -> {
            actions.clear();
            actions.putAll(before);
            for (SimAction a : actions.values()) {
                saved.get(a.id).restore(a);
            }
            slotsPerTick.clear();
            slotsPerTick.putAll(slots);
            lastId = id;
        };
    }

    /** The parts of an action that votes, cancels and the executor change. */
    private record Saved(SimAction.Store store, String status, String error, long approvedAt, long execStart,
                         long execEnd, Map<String, List<Map<String, Object>>> outcomes, List<String> votesPos,
                         List<String> votesNeg) {
        void restore(SimAction a) {
            a.store = store;
            a.status = status;
            a.error = error;
            a.approvedAt = approvedAt;
            a.execStart = execStart;
            a.execEnd = execEnd;
            a.outcomes = outcomes;
            a.votesPos.clear();
            a.votesPos.addAll(votesPos);
            a.votesNeg.clear();
            a.votesNeg.addAll(votesNeg);
        }
    }

    // ------------------------------------------------------------------ persistence

    /** Everything needed to rebuild the book, including executor bookkeeping. */
    public List<Object> export() {
        List<Object> out = new ArrayList<>();
        for (SimAction a : actions.values()) {
            Map<String, Object> m = storedForm(a);
            m.put("store", a.store.json());
            m.put("approvedAt", a.approvedAt);
            m.put("execStart", a.execStart);
            m.put("execEnd", a.execEnd);
            if (a.outcomes != null) {
                m.put("outcomes", copy(a.outcomes));
            }
            out.add(m);
        }
        return out;
    }

    /**
     * Rebuilds the book from {@link #export()} output. Effects of actions that already ran are replayed through
     * {@code executor} in the order they ran, so device state matches the history.
     */
    @SuppressWarnings("unchecked")
    public void restore(List<Object> exported, Executor executor) {
        List<SimAction> ran = new ArrayList<>();
        for (Object o : exported) {
            Map<String, Object> m = (Map<String, Object>) o;
            List<Object> payload = (List<Object>) m.get("payload");
            List<Object> votesPos = (List<Object>) m.get("votesPos");
            SimAction a = new SimAction(((Number) m.get("id")).longValue(), (String) m.get("batchActionUID"),
                    (String) m.get("action"), (List<Object>) payload.get(0),
                    (Map<String, Map<String, Object>>) payload.get(1), (List<String>) payload.get(2),
                    String.valueOf(votesPos.get(0)), ((Number) m.get("reqVotesPos")).intValue());
            for (int i = 1; i < votesPos.size(); i++) {
                a.votesPos.add(String.valueOf(votesPos.get(i)));
            }
            ((List<Object>) m.get("votesNeg")).forEach(v -> a.votesNeg.add(String.valueOf(v)));
            a.store = SimAction.Store.of(m.get("store"));
            a.status = (String) m.get("status");
            a.error = (String) m.get("error");
            a.approvedAt = ((Number) m.get("approvedAt")).longValue();
            a.execStart = ((Number) m.get("execStart")).longValue();
            a.execEnd = ((Number) m.get("execEnd")).longValue();
            a.outcomes = (Map<String, List<Map<String, Object>>>) m.get("outcomes");
            actions.put(a.id, a);
            lastId = Math.max(lastId, a.id);
            if (a.execStart >= 0 && a.store != SimAction.Store.READY) {
                ran.add(a);
                long tick = Math.floorDiv(a.execStart, intervalMs) * intervalMs;
                slotsPerTick.merge(tick, 1, Integer::sum);
            }
        }
        ran.sort((x, y) -> Long.compare(x.execStart, y.execStart));
        for (SimAction a : ran) {
            if (!"FAILED".equals(a.status)) {
                executor.execute(a, a.execStart);
            }
        }
    }
}
