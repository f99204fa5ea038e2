package io.miningos.gateway.bootstrap.archfixture.application.widgets.port.in;

import io.miningos.gateway.bootstrap.archfixture.application.widgets.WidgetService;

/** Bad: a port naming a service. */
public record WidgetView(WidgetService madeBy) {
}
