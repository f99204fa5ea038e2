package io.miningos.gateway.application.actions;

import io.miningos.gateway.application.actions.port.in.ActionsQuery;
import io.miningos.gateway.application.actions.port.in.ActionsUseCase;
import io.miningos.gateway.application.actions.port.in.PushActionCommand;
import io.miningos.gateway.application.actions.port.in.PushActionsBatchCommand;
import io.miningos.gateway.application.ork.EntriesMerge;
import io.miningos.gateway.application.ork.EntryRule;
import io.miningos.gateway.application.ork.Gathering;
import io.miningos.gateway.application.ork.MapMerge;
import io.miningos.gateway.application.ork.OrkHolders;
import io.miningos.gateway.application.ork.OrkPayload;
import io.miningos.gateway.application.ork.OrkReply;
import io.miningos.gateway.application.ork.OrkRequests;
import io.miningos.gateway.application.ork.port.GatheredAnswer;
import io.miningos.gateway.domain.caller.Caller;
import io.miningos.gateway.domain.ork.ActionId;
import io.miningos.gateway.domain.ork.ActionIds;
import io.miningos.gateway.domain.ork.ActionStore;
import io.miningos.gateway.domain.ork.OrkMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

public final class ActionsService implements ActionsUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(ActionsService.class);

    /** pushAction: the ORK's {@code {id, data, errors}} as sent; a failure looks like a push that created nothing. */
    static final EntryRule PUSHED = (reply, codec) -> switch (reply) {
        case OrkReply.Answered answered -> List.of(answered.answer());
        case OrkReply.Failed failed -> List.of(notPushed(failed));
    };

    /** pushActionsBatch: the ORK answers one push outcome per batch item; they become the entries. */
    static final EntryRule PUSHED_BATCH = (reply, codec) -> switch (reply) {
        case OrkReply.Answered answered -> codec.read(answered.answer()) instanceof List<?> outcomes
                ? new ArrayList<Object>(outcomes) : List.of(answered.answer());
        case OrkReply.Failed failed -> List.of(notPushed(failed));
    };

    /**
     * voteAction: the ORK's answer ({@code 1}) as {@code success}, which the shipped UI tests with
     * {@code === 1}; a failure also lists its message in {@code errors}, which the UI shows.
     */
    static final EntryRule VOTED = (reply, codec) -> switch (reply) {
        case OrkReply.Answered answered ->
                List.of(Collections.singletonMap("success", codec.read(answered.answer())));
        case OrkReply.Failed failed -> {
            Map<String, Object> entry = unsuccessful(failed);
            entry.put("errors", List.of(failed.failure().clientMessage()));
            yield List.of(entry);
        }
    };

    /** getActionsBatch: each ORK answers the actions it has (an array); those are concatenated. */
    static final EntryRule FOUND = (reply, codec) -> {
        if (reply instanceof OrkReply.Answered answered) {
            if (codec.read(answered.answer()) instanceof List<?> actions) {
                return new ArrayList<Object>(actions);
            }
            LOG.warn("ORK {} answered getActionsBatch with something other than an array; left out", reply.orkId());
        }
        return List.of();
    };

    /** What an ORK that does not have the action answers. */
    static final String NOT_FOUND = "ERR_ACTION_ID_NOT_FOUND";
    /** Merged view: the vote of the ORK that has the action. */
    static final EntriesMerge VOTE_COUNTED = EntriesMerge.firstDone(entry -> entry instanceof Map<?, ?> e
            && e.get("success") instanceof Number n && n.intValue() == 1);

    private final OrkRequests orks;

    public ActionsService(OrkRequests orks) {
        this.orks = Objects.requireNonNull(orks, "orks");
    }

    @Override
    public CompletableFuture<GatheredAnswer> query(ActionsQuery query, boolean refresh) {
        Map<String, Object> payload = OrkPayload.builder().put("queries", query.queries())
                .put("groupBatch", query.groupBatch()).put("suffix", query.suffix()).build();
        // Merged only where exact: without groupBatch, suffix, query or fields (the ORK applies limit and filters
        // in an order a merge could not reproduce).
        Gathering gathering = MapMerge.mergesExactly(query.queries(), query.groupBatch() != null
                && query.groupBatch(), query.suffix()) ? Gathering.map(MapMerge.actionStores(query.queries()))
                : Gathering.map();
        return orks.cachedRead(OrkMethod.QUERY_ACTIONS, payload, gathering, refresh);
    }

    @Override
    public CompletableFuture<GatheredAnswer> batch(ActionIds ids, boolean refresh) {
        return orks.cachedRead(OrkMethod.GET_ACTIONS_BATCH, Map.of("ids", ids.ids()),
                Gathering.eachOfAnswers(FOUND), refresh);
    }

    @Override
    public CompletableFuture<GatheredAnswer> get(ActionStore store, ActionId id, boolean refresh) {
        Map<String, Object> payload = OrkPayload.builder().put("id", id.value()).put("type", store.wireName()).build();
        return orks.cachedRead(OrkMethod.GET_ACTION, payload,
                Gathering.map(MapMerge.firstFound(Set.of(NOT_FOUND))), refresh);
    }

    /** The ORK checks {@code authPerms} ("miner:rw" form) against the racks the action would touch. */
    @Override
    public CompletableFuture<GatheredAnswer> push(Caller caller, PushActionCommand command) {
        OrkMethod.PUSH_ACTION.authorize(caller);
        Map<String, Object> payload = OrkPayload.builder().put("query", command.query())
                .put("action", command.action()).put("params", command.params()).put("voter", caller.email())
                .put("authPerms", caller.permissions().asCompactStrings()).build();
        return orks.write(OrkMethod.PUSH_ACTION, payload, Gathering.each(PUSHED).mergedBy(EntriesMerge.pushed()));
    }

    @Override
    public CompletableFuture<GatheredAnswer> pushBatch(Caller caller, PushActionsBatchCommand command) {
        OrkMethod.PUSH_ACTIONS_BATCH.authorize(caller);
        Map<String, Object> payload = OrkPayload.builder()
                .put("batchActionsPayload", command.batchActionsPayload())
                .put("batchActionUID", command.batchActionUid()).put("suffix", command.suffix())
                .put("voter", caller.email()).put("authPerms", caller.permissions().asCompactStrings()).build();
        return orks.write(OrkMethod.PUSH_ACTIONS_BATCH, payload, Gathering.each(PUSHED_BATCH)
                .mergedBy(EntriesMerge.pushedBatch(command.batchActionsPayload().size())));
    }

    /**
     * Votes carry bare capability names: the ORK checks that they cover the action's required types. The vote goes
     * to the ORKs that hold the action (every ORK when none is known to).
     */
    @Override
    public CompletableFuture<GatheredAnswer> vote(Caller caller, ActionId id, boolean approve) {
        OrkMethod.VOTE_ACTION.authorize(caller);
        Map<String, Object> payload = OrkPayload.builder().put("id", id.value()).put("approve", approve)
                .put("voter", caller.email()).put("authPerms", caller.permissions().capabilities()).build();
        String target = Long.toString(id.value());
        return holders(List.of(target)).thenCompose(holders -> {
            Map<String, Map<String, Object>> payloads = new LinkedHashMap<>();
            holders.of(target).forEach(orkId -> payloads.put(orkId, payload));
            return orks.writeTo(OrkMethod.VOTE_ACTION, payloads, Gathering.each(VOTED).mergedBy(VOTE_COUNTED));
        });
    }

    /**
     * Only the creator may cancel, and only while voting: the ORK checks {@code voter}. Each ORK is sent the ids it
     * holds (ids no ORK is known to hold go to every ORK); each ORK asked gives one {@code {res: [...]}} entry.
     */
    @Override
    public CompletableFuture<GatheredAnswer> cancel(Caller caller, ActionIds ids) {
        OrkMethod.CANCEL_ACTIONS_BATCH.authorize(caller);
        return holders(ids.ids()).thenCompose(holders -> {
            Map<String, List<String>> idsByOrk = new LinkedHashMap<>();
            for (String id : ids.ids()) {
                holders.of(ActionId.normal(id)).forEach(orkId -> idsByOrk.computeIfAbsent(orkId, k -> new ArrayList<>())
                        .add(id));
            }
            Map<String, Map<String, Object>> payloads = new LinkedHashMap<>();
            idsByOrk.forEach((orkId, its) -> payloads.put(orkId, Map.of("ids", its, "voter", caller.email())));
            return orks.writeTo(OrkMethod.CANCEL_ACTIONS_BATCH, payloads, Gathering.each(cancelled(idsByOrk))
                    .mergedBy(EntriesMerge.cancelled(ids.ids())));
        });
    }

    /**
     * cancelActionsBatch: the ORK's per-id outcomes {@code [{id, success, error?}]} as sent, under {@code res}
     * (the Node gateway's entry, which the shipped UI reads as {@code result[0].res[0].success}); a failed ORK
     * gives {@code {id, success: false, error}} for each id it was sent.
     */
    static EntryRule cancelled(Map<String, List<String>> idsByOrk) {
        return (reply, codec) -> switch (reply) {
            case OrkReply.Answered answered ->
                    List.of(Collections.singletonMap("res", codec.read(answered.answer())));
            case OrkReply.Failed failed -> {
                List<Object> outcomes = new ArrayList<>();
                for (String id : idsByOrk.getOrDefault(failed.orkId(), List.of())) {
                    Map<String, Object> outcome = new LinkedHashMap<>();
                    outcome.put("id", id);
                    outcome.putAll(unsuccessful(failed));
                    outcomes.add(outcome);
                }
                yield List.of(Map.of("res", outcomes));
            }
        };
    }

    /** Which ORKs hold the given actions: every ORK's {@code getActionsBatch} answer. */
    private CompletableFuture<OrkHolders> holders(List<String> ids) {
        return orks.askEvery(OrkMethod.GET_ACTIONS_BATCH, Map.of("ids", ids))
                .thenApply(replies -> OrkHolders.read(replies, orks.codec(), ActionsService::actionIdsIn));
    }

    /** The ids of the actions in a {@code getActionsBatch} answer ({@code [{type, action: {id, ...}}]}). */
    static List<String> actionIdsIn(Object answer) {
        List<String> ids = new ArrayList<>();
        if (answer instanceof List<?> found) {
            for (Object item : found) {
                if (item instanceof Map<?, ?> entry && entry.get("action") instanceof Map<?, ?> action
                        && action.get("id") != null) {
                    ids.add(ActionId.normal(String.valueOf(action.get("id"))));
                }
            }
        }
        return ids;
    }

    private static Map<String, Object> notPushed(OrkReply.Failed failed) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", null);
        entry.put("errors", List.of(failed.failure().clientMessage()));
        return entry;
    }

    private static Map<String, Object> unsuccessful(OrkReply.Failed failed) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("success", false);
        entry.put("error", failed.failure().clientMessage());
        return entry;
    }
}
