package io.miningos.gateway.adapters.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.miningos.gateway.adapters.http.metrics.PrometheusMetrics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * {@code GET /metrics}: every metric in the Prometheus text format. Open without a token to the configured addresses
 * ({@code gateway.metrics.allow}, by default this machine only); from anywhere else it takes a bearer token whose
 * role holds {@value #PERMISSION} (401 {@code ERR_AUTH_FAIL} without one, 403 {@code ERR_AUTH_FAIL_NO_PERMS} without
 * the permission).
 */
public final class MetricsRoutes implements RouteGroup {

    public static final String PATH = "/metrics";
    public static final String PERMISSION = "metrics:r";

    private final PrometheusMetrics metrics;
    private final AllowedAddresses allowed;
    private final Authentication authentication;
    private final ClientAddress clientAddress;

    public MetricsRoutes(PrometheusMetrics metrics, AllowedAddresses allowed, Authentication authentication,
                         ClientAddress clientAddress) {
        this.metrics = metrics;
        this.allowed = allowed;
        this.authentication = authentication;
        this.clientAddress = clientAddress;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(PATH, this::scrape);
    }

    private void scrape(Context ctx) {
        if (!allowed.contains(clientAddress.of(ctx))) {
            authentication.bearer(ctx).require(PERMISSION);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(64 * 1024);
        try {
            metrics.scrape(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writes to memory: not expected
        }
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(metrics.contentType()).result(body.toByteArray());
    }
}
