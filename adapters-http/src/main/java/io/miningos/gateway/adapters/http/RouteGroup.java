package io.miningos.gateway.adapters.http;

import io.javalin.config.RoutesConfig;

/**
 * The routes of one capability. Routes under {@code /auth/} are authenticated before they run; a handler gets
 * the caller with {@link Authentication#caller(io.javalin.http.Context)}.
 */
public interface RouteGroup {
    void addTo(RoutesConfig routes);
}
