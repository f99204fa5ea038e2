package io.miningos.gateway.application.analytics.port.in;

import io.miningos.gateway.domain.error.DomainException;

/** {@code GET /auth/cabinets/:id}: a cabinet id, 1..{@value #MAX_LENGTH} characters. */
public record CabinetQuery(String id) {

    public static final String ID_INVALID = "ERR_CABINET_ID_INVALID";
    public static final String NOT_FOUND = "ERR_CABINET_NOT_FOUND";
    public static final int MAX_LENGTH = 100;

    public CabinetQuery {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            throw DomainException.invalid(ID_INVALID);
        }
    }
}
