package io.miningos.gateway.adapters.http;

import io.javalin.config.RoutesConfig;
import io.miningos.gateway.application.siteconfig.port.in.SiteConfigUseCase;
import io.miningos.gateway.domain.caller.Caller;
import io.miningos.gateway.domain.ork.OrkMethod;

/** {@code /auth/global-config}: the ORKs' global configuration. */
public final class SiteConfigRoutes implements RouteGroup {

    static final String AUTO_SLEEP_INVALID = "ERR_IS_AUTO_SLEEP_ALLOWED_INVALID";

    private final SiteConfigUseCase siteConfig;

    public SiteConfigRoutes(SiteConfigUseCase siteConfig) {
        this.siteConfig = siteConfig;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/auth/global-config", ctx -> OrkResponses.send(ctx, siteConfig.globalConfig(
                QueryParams.object(ctx, "fields"), QueryParams.refresh(ctx))));
        routes.post("/auth/global-config", ctx -> {
            Caller caller = Authentication.caller(ctx);
            OrkMethod.SET_GLOBAL_CONFIG.authorize(caller);
            boolean allowed = JsonFields.bool(JsonBodies.data(ctx), "isAutoSleepAllowed", AUTO_SLEEP_INVALID);
            OrkResponses.send(ctx, siteConfig.setAutoSleepAllowed(caller, allowed));
        });
    }
}
