package io.miningos.gateway.application.ork;

import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.error.ErrorKind;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QueryOperatorsTest {

    private static void refused(Object value) {
        DomainException e = assertThrows(DomainException.class, () -> QueryOperators.requireAllowed(value),
                String.valueOf(value));
        assertEquals(ErrorKind.INVALID_INPUT, e.kind());
        assertEquals("ERR_QUERY_OPERATOR_NOT_ALLOWED", e.code());
    }

    @Test
    void everyCodeRunningOperatorIsRefusedAtAnyDepth() {
        for (String operator : List.of("$where", "$function", "$accumulator", "$expr")) {
            refused(Map.of(operator, "x"));
            refused(Map.of("query", Map.of("a", Map.of(operator, 1))));
            refused(Map.of("$or", List.of(Map.of("a", 1), Map.of(operator, 1))));
            refused(List.of(List.of(Map.of("opts", Map.of("query", Map.of(operator, Map.of()))))));
        }
    }

    @Test
    void lookAlikesValuesAndPlainOperatorsPass() {
        assertDoesNotThrow(() -> QueryOperators.requireAllowed(Map.of(
                "$whereabouts", 1, "where", "$where", "$WHERE", 1, "$where ", 1,
                "tags", Map.of("$in", List.of("$function", "$expr")),
                "$and", List.of(Map.of("a", Map.of("$regex", "^x", "$gte", 1))))));
        assertDoesNotThrow(() -> QueryOperators.requireAllowed(null));
        assertDoesNotThrow(() -> QueryOperators.requireAllowed("$where"));
        assertDoesNotThrow(() -> QueryOperators.requireAllowed(Arrays.asList(null, 1, "x")));
    }
}
