package io.miningos.gateway.application.globaldata;

import io.miningos.gateway.application.globaldata.port.in.GlobalDataQuery;
import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.error.ErrorKind;
import io.miningos.gateway.domain.globaldata.GlobalDataType;
import io.miningos.gateway.domain.globaldata.KeyRange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GlobalDataQueryTest {

    private static GlobalDataQuery fromRequest(Object query, Object fields, Object sort, String groupBy) {
        return GlobalDataQuery.fromRequest(GlobalDataType.PRODUCTION_COSTS, KeyRange.ALL, Optional.empty(), query,
                fields, sort, 0, GlobalDataQuery.UNLIMITED, Optional.ofNullable(groupBy), List.of());
    }

    @Test
    void compilesTheClientsParameters() {
        GlobalDataQuery query = fromRequest(Map.of("year", 2024), Map.of("month", 1), Map.of("month", -1), "year");
        assertFalse(query.filter().isMatchAll());
        assertFalse(query.sort().isUnsorted());
        assertTrue(query.groupBy().isPresent());
        assertTrue(fromRequest(null, null, null, null).isWindowOfKeyOrder());
    }

    @Test
    void refusesMalformedParametersAsInvalidInputWithTheirCodes() {
        assertInvalid("ERR_QUERY_INVALID", () -> fromRequest(Map.of("$nope", 1), null, null, null));
        assertInvalid("ERR_FIELDS_INVALID", () -> fromRequest(null, List.of("year"), null, null));
        assertInvalid("ERR_SORT_INVALID", () -> fromRequest(null, null, Map.of("year", 2), null));
        assertInvalid("ERR_GROUPBY_INVALID", () -> fromRequest(null, null, null, "a..b"));
    }

    private static void assertInvalid(String code, Runnable build) {
        DomainException e = assertThrows(DomainException.class, build::run);
        assertEquals(code, e.code());
        assertEquals(ErrorKind.INVALID_INPUT, e.kind());
    }
}
