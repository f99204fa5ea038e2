package io.miningos.gateway.adapters.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.miningos.gateway.application.health.port.in.HealthUseCase;
import io.miningos.gateway.application.health.port.in.Readiness;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /health/live}: 200 {@code {"status":"up"}} while the process serves. {@code GET /health/ready}: 200
 * when the gateway can serve, 503 when not, both with {@code {"status": "up"|"down", "checks": {name: {status,
 * detail, at}}}}. Neither takes a token (load balancers and supervisors poll them) and neither tells secrets: check
 * details are short words, never keys, tokens or host names.
 */
public final class HealthRoutes implements RouteGroup {

    public static final String LIVE = "/health/live";
    public static final String READY = "/health/ready";
    private static final Map<String, Object> UP = Map.of("status", "up");

    private final HealthUseCase health;

    public HealthRoutes(HealthUseCase health) {
        this.health = health;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(LIVE, ctx -> noStore(ctx).json(UP));
        routes.get(READY, this::ready);
    }

    private void ready(Context ctx) {
        Readiness readiness = health.readiness();
        Map<String, Object> checks = new LinkedHashMap<>();
        readiness.checks().forEach((name, check) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("status", check.status().name().toLowerCase(Locale.ROOT));
            entry.put("detail", check.detail());
            if (check.at() != null) {
                entry.put("at", check.at().toString());
            }
            checks.put(name, entry);
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", readiness.ready() ? "up" : "down");
        body.put("checks", checks);
        noStore(ctx).status(readiness.ready() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(body);
    }

    private static Context noStore(Context ctx) {
        return ctx.header("Cache-Control", "no-store");
    }
}
