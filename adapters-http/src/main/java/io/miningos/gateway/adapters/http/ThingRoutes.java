package io.miningos.gateway.adapters.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.miningos.gateway.application.things.port.in.ListThingsQuery;
import io.miningos.gateway.application.things.port.in.SaveSettingsCommand;
import io.miningos.gateway.application.things.port.in.ThingsUseCase;
import io.miningos.gateway.domain.caller.Caller;
import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.ork.CommentChange;
import io.miningos.gateway.domain.ork.OrkMethod;

import java.util.Map;

/**
 * {@code /auth/list-things}, {@code /auth/list-racks}, {@code /auth/ext-data}, {@code /auth/worker-config},
 * {@code /auth/thing-config}, {@code /auth/settings} and {@code /auth/thing/comment}, answered by every ORK.
 */
public final class ThingRoutes implements RouteGroup {

    static final String TS_INVALID = "ERR_TS_INVALID";
    static final String POS_INVALID = "ERR_POS_INVALID";

    private final ThingsUseCase things;

    public ThingRoutes(ThingsUseCase things) {
        this.things = things;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/auth/list-things", this::listThings);
        routes.get("/auth/list-racks", this::listRacks);
        routes.get("/auth/ext-data", ctx -> OrkResponses.send(ctx, things.extData(QueryParams.text(ctx, "type"),
                QueryParams.object(ctx, "query"), QueryParams.refresh(ctx))));
        routes.get("/auth/worker-config", ctx -> OrkResponses.send(ctx, things.workerConfig(
                QueryParams.text(ctx, "type"), QueryParams.object(ctx, "fields"), QueryParams.refresh(ctx))));
        routes.get("/auth/thing-config", ctx -> OrkResponses.send(ctx, things.thingConfig(
                QueryParams.text(ctx, "type"), QueryParams.text(ctx, "requestType"))));
        routes.get("/auth/settings", ctx -> OrkResponses.send(ctx, things.settings(QueryParams.text(ctx, "rackId"))));
        routes.put("/auth/settings", this::saveSettings);
        routes.post("/auth/thing/comment", ctx -> comment(ctx, CommentChange.Operation.ADD));
        routes.put("/auth/thing/comment", ctx -> comment(ctx, CommentChange.Operation.EDIT));
        routes.delete("/auth/thing/comment", ctx -> comment(ctx, CommentChange.Operation.DELETE));
    }

    private void listThings(Context ctx) {
        ListThingsQuery query = new ListThingsQuery(QueryParams.object(ctx, "query"), QueryParams.text(ctx, "status"),
                QueryParams.integer(ctx, "offset", ListThingsQuery.OFFSET_INVALID),
                QueryParams.integer(ctx, "limit", ListThingsQuery.LIMIT_INVALID),
                QueryParams.object(ctx, "fields"), QueryParams.object(ctx, "sort"));
        OrkResponses.send(ctx, things.listThings(query, QueryParams.refresh(ctx)));
    }

    private void listRacks(Context ctx) {
        if (ctx.queryParam("keys") != null) {
            throw DomainException.invalid(ThingsUseCase.KEYS_NOT_ALLOWED);
        }
        OrkResponses.send(ctx, things.listRacks(QueryParams.text(ctx, "type"), QueryParams.refresh(ctx)));
    }

    private void saveSettings(Context ctx) {
        Caller caller = Authentication.caller(ctx);
        // before reading the body: a caller without the right learns nothing from validation
        OrkMethod.SAVE_WRK_SETTINGS.authorize(caller);
        Map<String, Object> body = JsonBodies.object(ctx);
        SaveSettingsCommand command = new SaveSettingsCommand(
                JsonFields.string(body, "rackId", CommentChange.RACK_ID_INVALID),
                JsonFields.object(body, "entries", SaveSettingsCommand.ENTRIES_INVALID));
        OrkResponses.send(ctx, things.saveSettings(caller, command));
    }

    private void comment(Context ctx, CommentChange.Operation operation) {
        Caller caller = Authentication.caller(ctx);
        operation.method().authorize(caller);
        Map<String, Object> body = JsonBodies.object(ctx);
        String comment = operation == CommentChange.Operation.DELETE ? null
                : JsonFields.string(body, "comment", CommentChange.COMMENT_INVALID);
        CommentChange change = new CommentChange(operation,
                JsonFields.string(body, "rackId", CommentChange.RACK_ID_INVALID),
                JsonFields.string(body, "thingId", CommentChange.THING_ID_INVALID),
                comment,
                JsonFields.optionalString(body, "id", CommentChange.COMMENT_ID_INVALID),
                JsonFields.optionalNumber(body, "ts", TS_INVALID),
                JsonFields.optionalString(body, "pos", POS_INVALID));
        OrkResponses.send(ctx, things.comment(caller, change));
    }
}
