package io.miningos.gateway.adapters.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HttpJsonTest {

    @Test
    void decimalsAreWrittenPlainlyUnlessThatWouldTakeHundredsOfDigits() throws JsonProcessingException {
        assertEquals("[0.00000000,1000,-12.50,1E+400]", HttpJson.mapper().writeValueAsString(List.of(
                BigDecimal.valueOf(0, 8), new BigDecimal("1E+3"), new BigDecimal("-12.50"), new BigDecimal("1E+400"))));
        Object stored = HttpJson.mapper().readValue("{\"energyCost\":0.00000000,\"note\":1e999999}", Object.class);
        assertEquals("{\"energyCost\":0.00000000,\"note\":1E+999999}", HttpJson.mapper().writeValueAsString(stored),
                "what a client wrote comes back as written, an absurd exponent too");
        assertEquals("{\"a\":1}", HttpJson.mapper().writeValueAsString(Map.of("a", BigDecimal.ONE)));
    }
}
