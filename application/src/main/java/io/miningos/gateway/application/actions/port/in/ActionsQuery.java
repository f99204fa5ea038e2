package io.miningos.gateway.application.actions.port.in;

import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.ork.ActionStore;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /auth/actions}: up to {@value #MAX_QUERIES} queries such as
 * {@code {"type": "voting", "opts": {"reverse": true, "limit": 1000}}}, each naming an action store.
 *
 * @param groupBatch group actions by batch (optional)
 * @param suffix     keep only batches whose uid ends with it (optional)
 */
public record ActionsQuery(List<Object> queries, Boolean groupBatch, String suffix) {

    public static final int MAX_QUERIES = 10;
    public static final int MAX_SUFFIX_LENGTH = 200;
    public static final String QUERIES_INVALID_ARRAY = "ERR_QUERIES_INVALID_ARRAY";
    public static final String QUERIES_LIMIT_EXCEEDED = "ERR_QUERIES_LIMIT_EXCEEDED";
    public static final String QUERIES_TYPE_INVALID = "ERR_QUERIES_TYPE_INVALID";
    public static final String SUFFIX_INVALID = "ERR_SUFFIX_INVALID";

    public ActionsQuery {
        if (queries == null) {
            throw DomainException.invalid(QUERIES_INVALID_ARRAY);
        }
        if (queries.size() > MAX_QUERIES) {
            throw DomainException.invalid(QUERIES_LIMIT_EXCEEDED);
        }
        for (Object query : queries) {
            if (!(query instanceof Map<?, ?> map) || !ActionStore.isWireName(map.get("type"))) {
                throw DomainException.invalid(QUERIES_TYPE_INVALID);
            }
        }
        queries = Collections.unmodifiableList(queries);
        if (suffix != null && (suffix.isEmpty() || suffix.length() > MAX_SUFFIX_LENGTH)) {
            throw DomainException.invalid(SUFFIX_INVALID);
        }
    }
}
