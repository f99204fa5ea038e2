package io.miningos.gateway.application.analytics.port.in;

import io.miningos.gateway.domain.error.DomainException;

import java.util.List;

/**
 * {@code GET /auth/dcs/cooling-system?type=&view=}: the miners' water circuits ({@code miners}: {@code circuit1},
 * {@code circuit2}, {@code layout}) or the HVAC's ({@code hvac}: the same and {@code ambient}).
 */
public record CoolingView(String type, String view) {

    public static final String TYPE_INVALID = "ERR_TYPE_INVALID";
    public static final String VIEW_INVALID = "ERR_VIEW_INVALID";
    /** A view the type does not have ({@code miners/ambient}); the Node gateway's code. */
    public static final String INVALID_VIEW = "ERR_INVALID_VIEW";
    static final List<String> TYPES = List.of("miners", "hvac");
    static final List<String> VIEWS = List.of("circuit1", "circuit2", "layout", "ambient");

    /** @throws DomainException {@code ERR_TYPE_INVALID}, {@code ERR_VIEW_INVALID}, {@code ERR_INVALID_VIEW} */
    public CoolingView {
        if (type == null || !TYPES.contains(type)) {
            throw DomainException.invalid(TYPE_INVALID);
        }
        if (view == null || !VIEWS.contains(view)) {
            throw DomainException.invalid(VIEW_INVALID);
        }
        if (type.equals("miners") && view.equals("ambient")) {
            throw DomainException.invalid(INVALID_VIEW);
        }
    }
}
