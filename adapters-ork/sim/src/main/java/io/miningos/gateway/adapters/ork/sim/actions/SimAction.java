package io.miningos.gateway.adapters.ork.sim.actions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One action as the ORK's approver keeps it, plus the executor's bookkeeping (when it was approved, when it runs).
 * Mutated only by {@link ActionBook} under the ORK's write lock.
 */
public final class SimAction {

    /** The approver's stores; an action is in exactly one. */
    public enum Store {
        VOTING("voting"), READY("ready"), EXECUTING("executing"), DONE("done");

        private final String json;

        Store(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }

        public static Store of(Object name) {
            for (Store s : values()) {
                if (s.json.equals(name)) {
                    return s;
                }
            }
            return null;
        }
    }

    final long id;
    final String batchActionUID;
    final String action;
    final List<Object> params;
    /** rackId → {@code {calls: [{id, tags, result?|error?}], error?}}. */
    final Map<String, Map<String, Object>> targets;
    final List<String> requiredPerms;
    final List<String> votesPos = new ArrayList<>();
    final List<String> votesNeg = new ArrayList<>();
    final int reqVotesPos;
    final int reqVotesNeg = 1;
    Store store;
    String status;
    String error;
    long approvedAt = -1;
    long execStart = -1;
    long execEnd = -1;
    /** Per rack, per call: the outcome, written into the calls when the action reaches {@code done}. */
    Map<String, List<Map<String, Object>>> outcomes;

    SimAction(long id, String batchActionUID, String action, List<Object> params,
              Map<String, Map<String, Object>> targets, List<String> requiredPerms, String creator, int reqVotesPos) {
        this.id = id;
        this.batchActionUID = batchActionUID;
        this.action = action;
        this.params = params;
        this.targets = targets;
        this.requiredPerms = requiredPerms;
        this.votesPos.add(creator);
        this.reqVotesPos = reqVotesPos;
    }

    public long id() {
        return id;
    }

    public String action() {
        return action;
    }

    public List<Object> params() {
        return params;
    }

    public String batchActionUID() {
        return batchActionUID;
    }

    public Store store() {
        return store;
    }

    public String status() {
        return status;
    }

    /** Rack id → the ids of the things (or racks) the action calls there. */
    @SuppressWarnings("unchecked")
    public Map<String, List<String>> callIds() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        targets.forEach((rack, t) -> {
            List<String> ids = new ArrayList<>();
            for (Object c : (List<Object>) t.get("calls")) {
                ids.add(String.valueOf(((Map<String, Object>) c).get("id")));
            }
            out.put(rack, ids);
        });
        return out;
    }
}
