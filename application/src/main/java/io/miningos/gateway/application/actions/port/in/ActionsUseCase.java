package io.miningos.gateway.application.actions.port.in;

import io.miningos.gateway.application.ork.port.GatheredAnswer;
import io.miningos.gateway.domain.caller.Caller;
import io.miningos.gateway.domain.ork.ActionId;
import io.miningos.gateway.domain.ork.ActionIds;
import io.miningos.gateway.domain.ork.ActionStore;

import java.util.concurrent.CompletableFuture;

/**
 * Device writes go through the ORKs' approval pipeline: push, vote, execute. Reads are cached and every write
 * drops the cached reads ({@code /auth/actions}, {@code /auth/actions/batch}, {@code /auth/actions/:type/:id}).
 * Writes need "write" (super admin or {@code actions:w}).
 */
public interface ActionsUseCase {

    /** Cached; one slot per ORK holding {@code {<store>: [actions...]}}. */
    CompletableFuture<GatheredAnswer> query(ActionsQuery query, boolean refresh);

    /** Cached; the actions found on every ORK, concatenated (ORKs that failed are left out and logged). */
    CompletableFuture<GatheredAnswer> batch(ActionIds ids, boolean refresh);

    /** Cached; one slot per ORK holding the action or its absence. */
    CompletableFuture<GatheredAnswer> get(ActionStore store, ActionId id, boolean refresh);

    /** Each ORK → its {@code {id, data, errors}} answer, a failure → {@code {id: null, errors: [message]}}. */
    CompletableFuture<GatheredAnswer> push(Caller caller, PushActionCommand command);

    /** Each ORK → one entry per pushed action, as {@link #push}. */
    CompletableFuture<GatheredAnswer> pushBatch(Caller caller, PushActionsBatchCommand command);

    /**
     * Sent to the ORKs that hold the action (every ORK when none is known to). Each ORK asked →
     * {@code {success: <its answer, 1>}} or {@code {success: false, error, errors: [error]}}.
     */
    CompletableFuture<GatheredAnswer> vote(Caller caller, ActionId id, boolean approve);

    /**
     * Each ORK is sent the ids it holds (ids no ORK is known to hold go to every ORK). Each ORK asked →
     * {@code {res: [<its per-id outcomes {id, success, error?}>]}}; a failed ORK → {@code {res: [{id, success:
     * false, error}, ...]}} for the ids it was sent.
     */
    CompletableFuture<GatheredAnswer> cancel(Caller caller, ActionIds ids);
}
