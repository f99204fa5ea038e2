package io.miningos.gateway.application.things.port.in;

import io.miningos.gateway.application.ork.OrkPayload;
import io.miningos.gateway.domain.error.DomainException;

import java.util.Map;

/**
 * {@code GET /auth/list-things}: which things, which fields, in which order. Every part is optional; {@code limit}
 * and {@code offset} apply per rack at the ORK.
 *
 * @param status passed on as the client sent it: the ORK includes live status ({@code last}) when it is truthy
 */
public record ListThingsQuery(Map<String, Object> query, String status, Long offset, Long limit,
                              Map<String, Object> fields, Map<String, Object> sort) {

    public static final String OFFSET_INVALID = "ERR_OFFSET_INVALID";
    public static final String LIMIT_INVALID = "ERR_LIMIT_INVALID";
    public static final long MAX_LIMIT = 100_000;

    public ListThingsQuery {
        if (offset != null && offset < 0) {
            throw DomainException.invalid(OFFSET_INVALID);
        }
        if (limit != null && (limit < 0 || limit > MAX_LIMIT)) {
            throw DomainException.invalid(LIMIT_INVALID);
        }
    }

    public Map<String, Object> payload() {
        return OrkPayload.builder().put("query", query).put("status", status).put("offset", offset)
                .put("limit", limit).put("fields", fields).put("sort", sort).build();
    }
}
