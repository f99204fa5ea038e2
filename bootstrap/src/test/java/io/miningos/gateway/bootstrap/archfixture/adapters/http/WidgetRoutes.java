package io.miningos.gateway.bootstrap.archfixture.adapters.http;

import io.miningos.gateway.bootstrap.archfixture.application.widgets.WidgetService;

/** Bad: an adapter holding a service instead of its use case. */
public record WidgetRoutes(WidgetService widgets) {
}
