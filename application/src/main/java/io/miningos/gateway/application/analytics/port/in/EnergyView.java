package io.miningos.gateway.application.analytics.port.in;

import io.miningos.gateway.domain.error.DomainException;

import java.util.List;

/** {@code GET /auth/dcs/energy-system?view=}: {@code miners}, {@code cooling_auxiliary} or {@code layout}. */
public record EnergyView(String view) {

    static final List<String> VIEWS = List.of("miners", "cooling_auxiliary", "layout");

    /** @throws DomainException {@code ERR_VIEW_INVALID} */
    public EnergyView {
        if (view == null || !VIEWS.contains(view)) {
            throw DomainException.invalid(CoolingView.VIEW_INVALID);
        }
    }
}
