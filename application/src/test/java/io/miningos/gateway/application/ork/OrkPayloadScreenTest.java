package io.miningos.gateway.application.ork;

import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.error.ErrorKind;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OrkPayloadScreenTest {

    private static void refused(String code, Object value) {
        DomainException e = assertThrows(DomainException.class, () -> OrkPayloadScreen.screen(value),
                String.valueOf(value));
        assertEquals(ErrorKind.INVALID_INPUT, e.kind());
        assertEquals(code, e.code());
    }

    @Test
    void everyCodeRunningOperatorIsRefusedAtAnyDepth() {
        for (String operator : List.of("$where", "$function", "$accumulator", "$expr")) {
            String code = "ERR_QUERY_OPERATOR_NOT_ALLOWED";
            refused(code, Map.of(operator, "x"));
            refused(code, Map.of("query", Map.of("a", Map.of(operator, 1))));
            refused(code, Map.of("$or", List.of(Map.of("a", 1), Map.of(operator, 1))));
            refused(code, List.of(List.of(Map.of("opts", Map.of("query", Map.of(operator, Map.of()))))));
        }
    }

    @Test
    void lookAlikesValuesAndPlainOperatorsPass() {
        assertDoesNotThrow(() -> OrkPayloadScreen.screen(Map.of(
                "$whereabouts", 1, "where", "$where", "$WHERE", 1, "$where ", 1,
                "tags", Map.of("$in", List.of("$function", "$expr")),
                "$and", List.of(Map.of("a", Map.of("$regex", "^x", "$gte", 1))))));
        assertDoesNotThrow(() -> OrkPayloadScreen.screen(null));
        assertDoesNotThrow(() -> OrkPayloadScreen.screen("$where"));
        assertDoesNotThrow(() -> OrkPayloadScreen.screen(Arrays.asList(null, 1, "x")));
    }

    @Test
    void aRegexLongerThanTheOrksOwnLimitIsRefusedAtAnyDepth() {
        String limit = "a".repeat(200);
        refused("ERR_QUERY_REGEX_TOO_LONG", Map.of("code", Map.of("$regex", limit + "b")));
        refused("ERR_QUERY_REGEX_TOO_LONG", List.of(Map.of("opts", Map.of("query",
                Map.of("$or", List.of(Map.of("id", Map.of("$regex", "(a+)+".repeat(50) + "$", "$options", "i"))))))));
        assertDoesNotThrow(() -> OrkPayloadScreen.screen(Map.of("code", Map.of("$regex", limit))));
        // The same text as a value or under another key is data.
        assertDoesNotThrow(() -> OrkPayloadScreen.screen(Map.of("comment", limit + "b", "regex", limit + "b")));
    }

    @Test
    void numbersAJavaScriptOrkWouldNotReadAsThemselvesAreRefusedAtAnyDepth() {
        for (Number number : List.<Number>of(new BigDecimal("1e2147483647"), new BigDecimal("-1e2147483647"),
                new BigDecimal("1e-2147483647"), new BigDecimal("0E-2147483647"), new BigDecimal("1e300"),
                new BigDecimal("1e-301"), BigInteger.TWO.pow(1000), Double.NaN, Double.POSITIVE_INFINITY, 1e301,
                Float.NEGATIVE_INFINITY)) {
            refused("ERR_INVALID_NUMBER", Map.of("params", List.of(Map.of("pct", number))));
        }
        assertDoesNotThrow(() -> OrkPayloadScreen.screen(Map.of("query", Map.of("hashrate",
                Map.of("$gt", new BigDecimal("1.5e18"))), "ts", 1_718_036_460_000L, "limit", 100,
                "x", List.of(new BigDecimal("0.30000000000000004"), new BigDecimal("9.99e299"), 1e299,
                        BigInteger.TEN.pow(299), -0.0, Long.MIN_VALUE))));
    }
}
