package io.miningos.gateway.application.actions.port.in;

import io.miningos.gateway.domain.error.DomainException;

import java.util.List;
import java.util.Map;

/**
 * {@code POST /auth/actions/voting}: an action for every thing matching {@code query}, e.g.
 * {@code {"query": {"tags": {"$in": ["id-x"]}}, "action": "reboot", "params": []}}.
 */
public record PushActionCommand(Map<String, Object> query, String action, List<Object> params) {

    public static final String QUERY_INVALID = "ERR_QUERY_INVALID";
    public static final String ACTION_INVALID = "ERR_ACTION_INVALID";
    public static final String PARAMS_INVALID = "ERR_PARAMS_INVALID";

    public PushActionCommand {
        if (query == null) {
            throw DomainException.invalid(QUERY_INVALID);
        }
        if (action == null || action.isBlank()) {
            throw DomainException.invalid(ACTION_INVALID);
        }
        if (params == null) {
            throw DomainException.invalid(PARAMS_INVALID);
        }
    }
}
