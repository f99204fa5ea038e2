package io.miningos.gateway.bootstrap.archfixture.application.widgets.port.in;

import io.miningos.gateway.bootstrap.archfixture.application.widgets.port.out.WidgetStore;

/** Bad: a use case naming an out-port. */
public interface WidgetUseCase {
    WidgetStore store();
}
