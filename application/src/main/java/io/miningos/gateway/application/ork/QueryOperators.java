package io.miningos.gateway.application.ork;

import io.miningos.gateway.domain.error.DomainException;

import java.util.Map;
import java.util.Set;

/**
 * What a client sends on to the ORKs carries Mongo-style queries, projections and sorts that real ORKs evaluate
 * with a JavaScript query engine (mingo). Operators that make such an engine run code are refused at the gateway,
 * whatever the ORK would do with them: {@code $where}, {@code $function}, {@code $accumulator}, and {@code $expr},
 * the door from a filter into aggregation expressions (where the latter two live). No client of the gateway uses
 * any of them.
 *
 * <p>{@link OrkRequests} screens every payload as a whole, so no parameter that carries a query (today's or a
 * future route's) can be forgotten. Keys are compared after JSON decoding, so a key spelled with JSON unicode
 * escapes is the operator it spells; operators as values (a comment reading {@code $where}) are data and pass.
 */
public final class QueryOperators {

    public static final String NOT_ALLOWED = "ERR_QUERY_OPERATOR_NOT_ALLOWED";
    static final Set<String> CODE_RUNNING = Set.of("$where", "$function", "$accumulator", "$expr");

    private QueryOperators() {
    }

    /** Throws {@code ERR_QUERY_OPERATOR_NOT_ALLOWED} if a code-running operator is a key at any depth. */
    public static void requireAllowed(Object value) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (CODE_RUNNING.contains(entry.getKey())) {
                    throw DomainException.invalid(NOT_ALLOWED);
                }
                requireAllowed(entry.getValue());
            }
        } else if (value instanceof Iterable<?> items) {
            for (Object item : items) {
                requireAllowed(item);
            }
        }
    }
}
