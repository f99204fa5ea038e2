package io.miningos.gateway.adapters.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.miningos.gateway.application.identity.port.in.IssuedToken;
import io.miningos.gateway.application.identity.port.in.RefreshTokenCommand;
import io.miningos.gateway.application.identity.port.in.TokenUseCase;
import io.miningos.gateway.application.identity.port.in.UserProfileUseCase;
import io.miningos.gateway.application.ork.port.RawJson;
import io.miningos.gateway.domain.caller.Caller;
import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.token.ClientIp;
import io.miningos.gateway.domain.token.TokenPolicy;
import io.miningos.gateway.domain.user.ProviderProfile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** {@code /auth/userinfo}, {@code /auth/token}, {@code /auth/permissions}, {@code /auth/site}. */
public final class IdentityRoutes implements RouteGroup {

    private final TokenUseCase tokens;
    private final UserProfileUseCase profiles;
    /** {@code {"site": ...}}, written once: the site's name is fixed while the gateway runs. */
    private final RawJson siteBody;

    public IdentityRoutes(TokenUseCase tokens, UserProfileUseCase profiles, String site) {
        this.tokens = tokens;
        this.profiles = profiles;
        try {
            this.siteBody = RawJson.wrap(HttpJson.mapper().writeValueAsBytes(Map.of("site", site)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("site name", e);
        }
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/auth/userinfo", ctx -> {
            Caller caller = Authentication.caller(ctx);
            ResponseBodies.json(ctx, userInfo(caller, profiles.profileOf(caller.userId())));
        });
        routes.post("/auth/token", this::refreshToken);
        routes.get("/auth/permissions", ctx -> ResponseBodies.json(ctx, Map.of("permissions",
                permissions(Authentication.caller(ctx)))));
        routes.get("/auth/site", ctx -> ResponseBodies.json(ctx, siteBody));
    }

    /**
     * The provider's profile from the user's last sign-in fills {@code metadata} (as the Node gateway's sign-in
     * session did: the UI's header shows {@code metadata.name} and {@code metadata.picture}); the name given in user
     * management stands in for a user who never signed in through the provider.
     */
    static Map<String, Object> userInfo(Caller caller, ProviderProfile profile) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        String name = profile.name() != null ? profile.name() : caller.user().name();
        metadata.put("email", caller.email());
        metadata.put("name", name);
        metadata.put("given_name", profile.givenName() != null ? profile.givenName() : givenName(name));
        metadata.put("picture", profile.picture());
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("userId", caller.userId());
        info.put("email", caller.email());
        info.put("roles", caller.token().roles());
        info.put("created", caller.token().createdAt().getEpochSecond());
        info.put("ttl", caller.token().ttlSeconds());
        info.put("metadata", metadata);
        return info;
    }

    private static String givenName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String trimmed = name.trim();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }

    static Map<String, Object> permissions(Caller caller) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("write", caller.canWrite());
        out.put("caps", caller.permissions().capabilities());
        out.put("superAdmin", caller.isSuperAdmin());
        out.put("permissions", caller.permissions().asLevelStrings());
        return out;
    }

    private void refreshToken(Context ctx) {
        Caller caller = Authentication.caller(ctx);
        Map<String, Object> body = JsonBodies.object(ctx);
        IssuedToken issued = tokens.refresh(caller, refreshCommand(body));
        ResponseBodies.json(ctx, Map.of("token", issued.text()));
    }

    static RefreshTokenCommand refreshCommand(Map<String, Object> body) {
        Optional<Set<ClientIp>> ips = Optional.empty();
        if (body.get("ips") != null) {
            if (!(body.get("ips") instanceof List<?> list)) {
                throw DomainException.invalid(ClientIp.INVALID);
            }
            ips = Optional.of(TokenPolicy.parseIps(list));
        }
        OptionalLong ttl = body.get("ttl") == null ? OptionalLong.empty()
                : OptionalLong.of(JsonFields.integer(body.get("ttl"), TokenPolicy.TTL_INVALID));
        Optional<String> pfx = Optional.ofNullable(JsonFields.optionalString(body, "pfx", TokenPolicy.PFX_INVALID));
        Optional<String> scope = Optional.ofNullable(
                JsonFields.optionalString(body, "scope", TokenPolicy.SCOPE_INVALID));
        Optional<List<String>> roles = body.get("roles") == null ? Optional.empty()
                : Optional.of(JsonFields.strings(body.get("roles"), TokenPolicy.ROLES_INVALID));
        return new RefreshTokenCommand(ips, ttl, pfx, scope, roles);
    }
}
