package io.miningos.gateway.application.ork;

import io.miningos.gateway.domain.error.DomainException;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Mongo-style filters from clients are passed on to the ORKs; operators that make a database run code are
 * refused at the gateway, whatever the ORK would do with them.
 */
public final class QueryOperators {

    public static final String NOT_ALLOWED = "ERR_QUERY_OPERATOR_NOT_ALLOWED";
    private static final Set<String> CODE_RUNNING = Set.of("$where", "$function", "$accumulator");

    private QueryOperators() {
    }

    /** Throws {@code ERR_QUERY_OPERATOR_NOT_ALLOWED} if a code-running operator appears at any depth. */
    public static void requireAllowed(Object filter) {
        if (filter instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (CODE_RUNNING.contains(entry.getKey())) {
                    throw DomainException.invalid(NOT_ALLOWED);
                }
                requireAllowed(entry.getValue());
            }
        } else if (filter instanceof List<?> list) {
            for (Object item : list) {
                requireAllowed(item);
            }
        }
    }
}
