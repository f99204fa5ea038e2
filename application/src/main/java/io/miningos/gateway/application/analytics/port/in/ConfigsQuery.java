package io.miningos.gateway.application.analytics.port.in;

import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.query.MongoFilter;
import io.miningos.gateway.query.Projection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /auth/configs/:type?query=&fields=}: the configs of a type ({@code pool} only) the ORKs' {@code getConfigs}
 * selects with {@code query} and projects with {@code fields} (JSON objects, checked by the gateway's query engine
 * before they are sent).
 */
public record ConfigsQuery(String type, Map<String, Object> query, Map<String, Object> fields, List<String> identity) {

    public static final String TYPE_INVALID = "ERR_CONFIG_TYPE_INVALID";
    public static final String QUERY_INVALID = "ERR_QUERY_INVALID";
    public static final String FIELDS_INVALID = "ERR_FIELDS_INVALID";
    public static final String POOL = "pool";

    public ConfigsQuery {
        if (!POOL.equals(type)) {
            throw DomainException.invalid(TYPE_INVALID);
        }
        DeviceListQuery.compiled(() -> MongoFilter.compile(query, QUERY_INVALID));
        DeviceListQuery.compiled(() -> Projection.compile(fields, FIELDS_INVALID));
        identity = Collections.unmodifiableList(new ArrayList<>(identity));
    }
}
