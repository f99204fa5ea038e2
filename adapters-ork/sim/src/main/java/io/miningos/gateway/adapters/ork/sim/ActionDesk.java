package io.miningos.gateway.adapters.ork.sim;

import io.miningos.gateway.adapters.ork.sim.actions.ActionBook;
import io.miningos.gateway.adapters.ork.sim.actions.ActionCatalog;
import io.miningos.gateway.adapters.ork.sim.actions.SimAction;
import io.miningos.gateway.adapters.ork.sim.live.RequestPaths;
import io.miningos.gateway.adapters.ork.sim.live.Selection;
import io.miningos.gateway.adapters.ork.sim.live.ThingDocs;
import io.miningos.gateway.adapters.ork.sim.rpc.OrkError;
import io.miningos.gateway.adapters.ork.sim.rpc.OrkErrors;
import io.miningos.gateway.adapters.ork.sim.site.SimRack;
import io.miningos.gateway.adapters.ork.sim.site.SimThing;
import io.miningos.gateway.adapters.ork.sim.site.Site;
import io.miningos.gateway.query.MongoFilter;
import io.miningos.gateway.query.Projection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ORK's action methods: push (resolving targets from the query, rack by rack), batches, votes, cancellation
 * and the store queries. State lives in the {@link ActionBook}.
 */
final class ActionDesk {

    private static final int MAX_QUERIES = 50;
    private static final int MAX_SUFFIX = 200;

    private final Site site;
    private final ThingDocs docs;
    private final ActionBook book;
    private final int requiredVotes;

    ActionDesk(Site site, ThingDocs docs, ActionBook book, int requiredVotes) {
        this.site = site;
        this.docs = docs;
        this.book = book;
        this.requiredVotes = requiredVotes;
    }

    /** A validated push, not yet stored. */
    private record Push(String action, List<Object> params, Map<String, Map<String, Object>> targets,
                        List<String> requiredPerms, int reqVotes, List<Object> errors) {
    }

    private static List<String> strings(Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> l) {
            l.forEach(x -> out.add(String.valueOf(x)));
        }
        return out;
    }

    private static String voter(Map<String, Object> req) {
        if (!(req.get("voter") instanceof String voter) || voter.isBlank()) {
            throw new OrkError(OrkErrors.VOTER_INVALID);
        }
        return voter;
    }

    /** {@code pushAction}. */
    @SuppressWarnings("unchecked")
    Map<String, Object> push(Map<String, Object> req, long now) {
        String voter = voter(req);
        Push push = resolve(req, strings(req.get("authPerms")), now);
        String batch = req.get("batchActionUID") instanceof String b && !b.isEmpty() ? b : null;
        return store(push, batch, voter, now);
    }

    private Map<String, Object> store(Push push, String batch, String voter, long now) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (push.targets().isEmpty()) {
            List<Object> errors = new ArrayList<>(push.errors());
            errors.add(OrkErrors.ORK_ACTION_CALLS_EMPTY);
            out.put("id", null);
            out.put("errors", errors);
            return out;
        }
        long id = book.nextId(now);
        SimAction a = book.create(id, batch, push.action(), push.params(), push.targets(), push.requiredPerms(),
                voter, push.reqVotes(), now);
        out.put("id", id);
        out.put("data", ActionBook.storedForm(a));
        out.put("errors", push.errors());
        return out;
    }

    /** Validates a push and asks every rack the caller may write to for its calls (8.5). */
    @SuppressWarnings("unchecked")
    private Push resolve(Map<String, Object> req, List<String> authPerms, long now) {
        Object query = req.get("query");
        if (!(query instanceof Map<?, ?>)) {
            throw new OrkError(OrkErrors.QUERY_INVALID);
        }
        MongoFilter filter = Requests.filter(query, OrkErrors.QUERY_INVALID);
        if (!(req.get("action") instanceof String action) || action.isEmpty()) {
            throw new OrkError(OrkErrors.ACTION_INVALID);
        }
        if (!(req.get("params") instanceof List<?> rawParams)) {
            throw new OrkError(OrkErrors.PARAMS_INVALID);
        }
        List<Object> params = new ArrayList<>(rawParams);
        String targetRack = null;
        String targetId = null;
        if (ActionCatalog.RACK_ACTIONS.contains(action) && !action.equals("rackReboot")) {
            Map<String, Object> p0 = params.isEmpty() || !(params.get(0) instanceof Map<?, ?> m)
                    ? Map.of() : (Map<String, Object>) m;
            if (!(p0.get("rackId") instanceof String rackId) || rackId.isEmpty()) {
                throw new OrkError(OrkErrors.ACTION_INVALID_MISSING_RACKID);
            }
            targetRack = rackId;
            if (action.equals("updateThing") && !(p0.get("id") instanceof String)) {
                throw new OrkError(OrkErrors.ACTION_INVALID_MISSING_ID);
            }
            if (action.equals("forgetThings") && !(p0.get("query") instanceof Map<?, ?> q
                    && q.get("id") instanceof String)) {
                throw new OrkError(OrkErrors.ACTION_INVALID_QUERY_ID);
            }
            if (action.equals("forgetThings")) {
                targetId = (String) ((Map<String, Object>) p0.get("query")).get("id");
            } else {
                targetId = p0.get("id") instanceof String id ? id : rackId;
            }
        }
        String rackType = req.get("rackType") instanceof String rt && !rt.isEmpty() ? rt : null;
        Selection build = new RequestPaths().filter(query).selection();
        boolean withLast = build.wants("last");

        Map<String, Map<String, Object>> targets = new LinkedHashMap<>();
        List<String> requiredPerms = new ArrayList<>();
        List<Object> errors = new ArrayList<>();
        int reqVotes = requiredVotes;
        for (SimRack rack : site.racks()) {
            if (!rack.kind().holdsThings() || !ActionCatalog.canWrite(authPerms, rack.kind())) {
                continue;
            }
            if (rackType != null && !rack.ofType(rackType)) {
                continue;
            }
            if (targetRack != null && !rack.id().equals(targetRack) || !ActionCatalog.offers(rack, action)) {
                continue;
            }
            if (rack.restarting(now)) {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("calls", new ArrayList<>());
                t.put("error", "CHANNEL_CLOSED");
                targets.put(rack.id(), t);
                continue;
            }
            List<Object> calls = new ArrayList<>();
            try {
                if (action.equals("rackReboot")) {
                    calls.add(call(rack.id(), null));
                } else if (targetRack != null) {
                    calls.add(call(targetId, null));
                } else {
                    for (SimThing thing : rack.things()) {
                        if (filter.matches(docs.record(thing, build, now, withLast))) {
                            ActionCatalog.validate(thing, action, params);
                            calls.add(call(thing.id(), thing.tags()));
                        }
                    }
                }
            } catch (OrkError e) {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("calls", new ArrayList<>());
                t.put("error", "[HRPC_ERR]=" + e.code());
                targets.put(rack.id(), t);
                errors.add(rack.id() + ": [HRPC_ERR]=" + e.code());
                continue;
            }
            if (calls.isEmpty()) {
                continue;
            }
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("calls", calls);
            targets.put(rack.id(), t);
            String base = rack.kind().baseType();
            if (!requiredPerms.contains(base)) {
                requiredPerms.add(base);
            }
            reqVotes = Math.max(reqVotes, ActionCatalog.votes(action));
        }
        boolean anyCalls = targets.values().stream().anyMatch(t -> !((List<Object>) t.get("calls")).isEmpty());
        return new Push(action, params, anyCalls ? targets : Map.of(), requiredPerms, reqVotes, errors);
    }

    private static Map<String, Object> call(String id, List<String> tags) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", id);
        if (tags != null) {
            c.put("tags", new ArrayList<>(tags));
        }
        return c;
    }

    /** {@code pushActionsBatch}: every item validated first, then pushed under one {@code batchActionUID}. */
    @SuppressWarnings("unchecked")
    List<Object> pushBatch(Map<String, Object> req, long now) {
        if (!(req.get("batchActionsPayload") instanceof List<?> payload)) {
            throw new OrkError(OrkErrors.PAYLOAD_INVALID);
        }
        String voter = voter(req);
        List<String> authPerms = strings(req.get("authPerms"));
        String uid = req.get("batchActionUID") instanceof String b && !b.isEmpty() ? now + "-" + b : null;
        if (req.get("suffix") instanceof String suffix && !suffix.isEmpty()) {
            uid = (uid == null ? String.valueOf(now) : uid) + "-" + suffix;
        }
        List<Push> pushes = new ArrayList<>();
        for (Object item : payload) {
            if (!(item instanceof Map<?, ?> m)) {
                throw new OrkError(OrkErrors.PAYLOAD_INVALID);
            }
            pushes.add(resolve((Map<String, Object>) m, authPerms, now));
        }
        List<Object> out = new ArrayList<>();
        for (Push p : pushes) {
            out.add(store(p, uid, voter, now));
        }
        return out;
    }

    /** {@code voteAction}: bare capability names in {@code authPerms}. */
    Object vote(Map<String, Object> req, long now) {
        Long id = Requests.asLong(req.get("id"));
        if (id == null) {
            throw new OrkError(OrkErrors.ACTION_ID_NOT_FOUND);
        }
        String voter = voter(req);
        if (!(req.get("approve") instanceof Boolean approve)) {
            throw new OrkError(OrkErrors.APPROVE_INVALID);
        }
        book.vote(id, voter, approve, strings(req.get("authPerms")), now);
        return 1;
    }

    /** {@code cancelActionsBatch}: one outcome per id. */
    List<Object> cancel(Map<String, Object> req) {
        if (!(req.get("ids") instanceof List<?> ids)) {
            throw new OrkError(OrkErrors.IDS_INVALID);
        }
        String voter = voter(req);
        List<Object> out = new ArrayList<>();
        for (Object raw : ids) {
            Long id = Requests.asLong(raw);
            String error = id == null ? OrkErrors.ACTION_ID_NOT_FOUND : book.cancel(id, voter);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", raw);
            m.put("success", error == null);
            if (error != null) {
                m.put("error", "ERR_CANCEL_BATCH_ACTION-ID-" + raw + " " + error);
            }
            out.add(m);
        }
        return out;
    }

    /** {@code getAction}: one store, read form with call tags. */
    Object get(Map<String, Object> req) {
        SimAction.Store store = SimAction.Store.of(req.get("type"));
        if (store == null) {
            throw new OrkError(OrkErrors.SUBDB_UNKOWN);
        }
        Long id = Requests.asLong(req.get("id"));
        SimAction a = id == null ? null : book.get(id);
        if (a == null || a.store() != store) {
            throw new OrkError(OrkErrors.ACTION_ID_NOT_FOUND);
        }
        return ActionBook.readForm(a, true);
    }

    /** {@code getActionsBatch}: found ids only, each with its store. */
    List<Object> getBatch(Map<String, Object> req) {
        if (!(req.get("ids") instanceof List<?> ids)) {
            throw new OrkError(OrkErrors.IDS_INVALID);
        }
        List<Object> out = new ArrayList<>();
        for (Object raw : ids) {
            Long id = Requests.asLong(raw);
            SimAction a = id == null ? null : book.get(id);
            if (a != null) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("type", a.store().json());
                m.put("action", ActionBook.readForm(a, true));
                out.add(m);
            }
        }
        return out;
    }

    /** {@code queryActions}. */
    @SuppressWarnings("unchecked")
    Map<String, Object> query(Map<String, Object> req) {
        if (!(req.get("queries") instanceof List<?> queries)) {
            throw new OrkError(OrkErrors.QUERIES_INVALID);
        }
        if (queries.size() > MAX_QUERIES) {
            throw new OrkError(OrkErrors.QUERIES_LIMIT_EXCEEDED);
        }
        String suffix = req.get("suffix") instanceof String s && !s.isEmpty() ? s : null;
        if (suffix != null && suffix.length() > MAX_SUFFIX) {
            throw new OrkError(OrkErrors.SUFFIX_TOO_LONG);
        }
        boolean group = Requests.truthy(req.get("groupBatch"));
        record Compiled(SimAction.Store store, Map<String, Object> range, MongoFilter filter, Projection fields,
                        Long limit, boolean reverse) {
        }
        List<Compiled> compiled = new ArrayList<>();
        for (Object q : queries) {
            if (!(q instanceof Map<?, ?> m) || !(m.get("type") instanceof String type)) {
                throw new OrkError(OrkErrors.QUERIES_TYPE_INVALID);
            }
            SimAction.Store store = SimAction.Store.of(type);
            if (store == null) {
                throw new OrkError(OrkErrors.SUBDB_UNKOWN);
            }
            Map<String, Object> range = m.get("filter") instanceof Map<?, ?> f ? (Map<String, Object>) f : Map.of();
            Map<String, Object> opts = m.get("opts") instanceof Map<?, ?> o ? (Map<String, Object>) o : Map.of();
            compiled.add(new Compiled(store, range, Requests.filter(m.get("query"), OrkErrors.QUERY_INVALID),
                    Requests.projection(m.get("fields"), OrkErrors.FIELDS_INVALID), Requests.asLong(opts.get("limit")),
                    Requests.truthy(opts.get("reverse"))));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Compiled c : compiled) {
            List<SimAction> actions = new ArrayList<>(book.inStore(c.store()));
            if (c.reverse()) {
                Collections.reverse(actions);
            }
            List<Object> rows = new ArrayList<>();
            for (SimAction a : actions) {
                if (!inRange(a.id(), c.range())) {
                    continue;
                }
                if (suffix != null && (a.batchActionUID() == null || !a.batchActionUID().endsWith(suffix))) {
                    continue;
                }
                Map<String, Object> read = ActionBook.readForm(a, false);
                if (!c.filter().matches(read)) {
                    continue;
                }
                if (c.limit() != null && c.limit() >= 0 && rows.size() >= c.limit()) {
                    break;
                }
                rows.add(group ? read : c.fields().apply(read));
            }
            out.put(c.store().json(), group ? groupBatches(rows, c.fields()) : rows);
        }
        return out;
    }

    private static boolean inRange(long id, Map<String, Object> range) {
        Long gt = Requests.asLong(range.get("gt"));
        Long gte = Requests.asLong(range.get("gte"));
        Long lt = Requests.asLong(range.get("lt"));
        Long lte = Requests.asLong(range.get("lte"));
        return (gt == null || id > gt) && (gte == null || id >= gte) && (lt == null || id < lt) && (lte == null
                || id <= lte);
    }

    /** Non-batch actions as they are; each batch as {@code {batchActionUID, id: "<ts prefix>", actions}}. */
    @SuppressWarnings("unchecked")
    private static List<Object> groupBatches(List<Object> rows, Projection fields) {
        List<Object> out = new ArrayList<>();
        Map<String, Map<String, Object>> batches = new LinkedHashMap<>();
        for (Object r : rows) {
            Map<String, Object> read = (Map<String, Object>) r;
            Object uid = read.get("batchActionUID");
            if (!(uid instanceof String batch)) {
                out.add(fields.apply(read));
                continue;
            }
            Map<String, Object> g = batches.get(batch);
            if (g == null) {
                g = new LinkedHashMap<>();
                g.put("batchActionUID", batch);
                g.put("id", batch.split("-", 2)[0]);
                g.put("actions", new ArrayList<>());
                batches.put(batch, g);
                out.add(g);
            }
            ((List<Object>) g.get("actions")).add(fields.apply(read));
        }
        return out;
    }
}
