package io.miningos.gateway.application.analytics.port.in;

import io.miningos.gateway.application.ork.port.GatheredAnswer;
import io.miningos.gateway.domain.identity.Permission;

import java.util.concurrent.CompletableFuture;

/**
 * The site's alerts across every ORK: the ones active now ({@code /auth/alerts/site}, from the things'
 * {@code last.alerts}) and past ones ({@code /auth/alerts/history}, from the ORKs' alert logs), filtered, searched,
 * ordered and paged by the gateway. Each alert keeps its own {@code code}; the device's is {@code deviceCode}.
 * Cached per route and parameters; an ORK that failed is reported and the others' alerts stand.
 */
public interface SiteAlertsUseCase {

    /** What a caller must hold to read either list (a read route declares a read: the Node gateway asked rw). */
    Permission PERMISSION = Permission.declared("alerts:r");

    /** {@code {alerts:[…], summary:{critical, high, medium, low, total}, total}}, counted after filtering. */
    CompletableFuture<GatheredAnswer> current(SiteAlertsQuery query, boolean refresh);

    /** {@code {alerts:[…], total}}. */
    CompletableFuture<GatheredAnswer> history(AlertHistoryQuery query, boolean refresh);
}
