package io.miningos.gateway.bootstrap.archfixture.application.widgets;

import io.miningos.gateway.bootstrap.archfixture.application.widgets.port.in.WidgetUseCase;
import io.miningos.gateway.bootstrap.archfixture.application.widgets.port.out.WidgetStore;

public final class WidgetService implements WidgetUseCase {
    @Override
    public WidgetStore store() {
        return null;
    }
}
