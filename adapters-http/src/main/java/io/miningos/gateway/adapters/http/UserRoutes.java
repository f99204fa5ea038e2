package io.miningos.gateway.adapters.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.miningos.gateway.application.users.port.in.CreateUserCommand;
import io.miningos.gateway.application.users.port.in.ManageUsersUseCase;
import io.miningos.gateway.application.users.port.in.UpdateUserCommand;
import io.miningos.gateway.application.users.port.in.UserIds;
import io.miningos.gateway.application.users.port.in.UserNames;
import io.miningos.gateway.application.users.port.in.UserSettingsUseCase;
import io.miningos.gateway.domain.caller.Caller;
import io.miningos.gateway.domain.user.Email;

import java.util.Map;

/** {@code /auth/users} (needs {@code users:w}) and the caller's own {@code /auth/user/settings}. */
public final class UserRoutes implements RouteGroup {

    static final String USERS_WRITE = "users:w";
    static final String SETTINGS_INVALID = "ERR_SETTINGS_INVALID";
    private static final Map<String, Object> SUCCESS = Map.of("success", true);

    private final ManageUsersUseCase users;
    private final UserSettingsUseCase settings;

    public UserRoutes(ManageUsersUseCase users, UserSettingsUseCase settings) {
        this.users = users;
        this.settings = settings;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/auth/users", this::create);
        routes.get("/auth/users", ctx -> ResponseBodies.json(ctx, Map.of("users", users.list(admin(ctx)))));
        routes.put("/auth/users", this::update);
        routes.post("/auth/users/delete", this::delete);
        routes.get("/auth/user/settings",
                ctx -> ResponseBodies.json(ctx, settings.settingsOf(Authentication.caller(ctx))));
        routes.post("/auth/user/settings", this::saveSettings);
    }

    private static Caller admin(Context ctx) {
        Caller caller = Authentication.caller(ctx);
        caller.require(USERS_WRITE);
        return caller;
    }

    private void create(Context ctx) {
        Caller caller = admin(ctx);
        Map<String, Object> data = JsonBodies.data(ctx);
        users.create(caller, new CreateUserCommand(Email.parse(data.get("email")),
                JsonFields.optionalString(data, "name", UserNames.INVALID),
                JsonFields.string(data, "role", ManageUsersUseCase.INVALID_ROLE)));
        ResponseBodies.json(ctx, SUCCESS);
    }

    private void update(Context ctx) {
        Caller caller = admin(ctx);
        Map<String, Object> data = JsonBodies.data(ctx);
        long id = UserIds.check(JsonFields.integer(data.get("id"), UserIds.INVALID));
        users.update(caller, new UpdateUserCommand(id, Email.parse(data.get("email")),
                JsonFields.optionalString(data, "name", UserNames.INVALID),
                JsonFields.string(data, "role", ManageUsersUseCase.INVALID_ROLE)));
        ResponseBodies.json(ctx, SUCCESS);
    }

    private void delete(Context ctx) {
        Caller caller = admin(ctx);
        Map<String, Object> data = JsonBodies.data(ctx);
        users.delete(caller, UserIds.check(JsonFields.integer(data.get("id"), UserIds.INVALID)));
        ResponseBodies.json(ctx, SUCCESS);
    }

    private void saveSettings(Context ctx) {
        Caller caller = Authentication.caller(ctx);
        settings.save(caller, JsonFields.object(JsonBodies.object(ctx), "settings", SETTINGS_INVALID));
        ResponseBodies.json(ctx, SUCCESS);
    }
}
