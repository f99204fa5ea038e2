package io.miningos.gateway.adapters.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.miningos.gateway.application.actions.port.in.ActionsQuery;
import io.miningos.gateway.application.actions.port.in.ActionsUseCase;
import io.miningos.gateway.application.actions.port.in.PushActionCommand;
import io.miningos.gateway.application.actions.port.in.PushActionsBatchCommand;
import io.miningos.gateway.domain.caller.Caller;
import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.ork.ActionId;
import io.miningos.gateway.domain.ork.ActionIds;
import io.miningos.gateway.domain.ork.ActionStore;
import io.miningos.gateway.domain.ork.OrkMethod;

import java.util.Map;

/** {@code /auth/actions...}: the ORKs' action approval pipeline. Writes check "write" before reading the body. */
public final class ActionRoutes implements RouteGroup {

    static final String GROUP_BATCH_INVALID = "ERR_GROUPBATCH_INVALID";
    static final String APPROVE_INVALID = "ERR_APPROVE_INVALID";

    private final ActionsUseCase actions;

    public ActionRoutes(ActionsUseCase actions) {
        this.actions = actions;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/auth/actions", this::query);
        routes.get("/auth/actions/batch", ctx -> OrkResponses.send(ctx,
                actions.batch(ActionIds.parse(ctx.queryParam("ids")), QueryParams.refresh(ctx))));
        routes.get("/auth/actions/{type}/{id}", ctx -> OrkResponses.send(ctx, actions.get(
                ActionStore.parse(ctx.pathParam("type")), ActionId.parse(ctx.pathParam("id")),
                QueryParams.refresh(ctx))));
        routes.post("/auth/actions/voting", this::push);
        routes.post("/auth/actions/voting/batch", this::pushBatch);
        routes.put("/auth/actions/voting/{id}/vote", this::vote);
        routes.delete("/auth/actions/voting/cancel", ctx -> {
            Caller caller = writer(ctx, OrkMethod.CANCEL_ACTIONS_BATCH);
            OrkResponses.send(ctx, actions.cancel(caller, ActionIds.parse(ctx.queryParam("ids"))));
        });
    }

    private void query(Context ctx) {
        ActionsQuery query = new ActionsQuery(QueryParams.array(ctx, "queries"),
                QueryParams.flag(ctx, "groupBatch", GROUP_BATCH_INVALID), QueryParams.text(ctx, "suffix"));
        OrkResponses.send(ctx, actions.query(query, QueryParams.refresh(ctx)));
    }

    private void push(Context ctx) {
        Caller caller = writer(ctx, OrkMethod.PUSH_ACTION);
        Map<String, Object> body = JsonBodies.object(ctx);
        PushActionCommand command = new PushActionCommand(
                JsonFields.object(body, "query", PushActionCommand.QUERY_INVALID),
                JsonFields.string(body, "action", PushActionCommand.ACTION_INVALID),
                JsonFields.array(body, "params", PushActionCommand.PARAMS_INVALID));
        OrkResponses.send(ctx, actions.push(caller, command));
    }

    private void pushBatch(Context ctx) {
        Caller caller = writer(ctx, OrkMethod.PUSH_ACTIONS_BATCH);
        Map<String, Object> body = JsonBodies.object(ctx);
        if (!(body.get("batchActionUID") instanceof String uid)) {
            throw DomainException.invalid(PushActionsBatchCommand.UID_INVALID);
        }
        PushActionsBatchCommand command = new PushActionsBatchCommand(
                JsonFields.array(body, "batchActionsPayload", PushActionsBatchCommand.PAYLOAD_INVALID_ARRAY), uid,
                JsonFields.optionalString(body, "suffix", ActionsQuery.SUFFIX_INVALID));
        OrkResponses.send(ctx, actions.pushBatch(caller, command));
    }

    private void vote(Context ctx) {
        Caller caller = writer(ctx, OrkMethod.VOTE_ACTION);
        ActionId id = ActionId.parse(ctx.pathParam("id"));
        boolean approve = JsonFields.bool(JsonBodies.object(ctx), "approve", APPROVE_INVALID);
        OrkResponses.send(ctx, actions.vote(caller, id, approve));
    }

    /** The caller, if it may send {@code method}: checked before the body is read. */
    private static Caller writer(Context ctx, OrkMethod method) {
        Caller caller = Authentication.caller(ctx);
        method.authorize(caller);
        return caller;
    }
}
