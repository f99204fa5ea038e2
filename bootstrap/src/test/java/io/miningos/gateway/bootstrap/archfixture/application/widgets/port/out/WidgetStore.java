package io.miningos.gateway.bootstrap.archfixture.application.widgets.port.out;

import io.miningos.gateway.bootstrap.archfixture.application.widgets.port.in.WidgetUseCase;

/** Bad: an out-port naming a use case (and, with {@link WidgetUseCase}, a package cycle). */
public interface WidgetStore {
    WidgetUseCase user();
}
