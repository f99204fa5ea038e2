package io.miningos.gateway.adapters.ork.cluster;

import io.miningos.gateway.application.ork.port.RawJson;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JacksonJsonCodecTest {

    private final JacksonJsonCodec codec = new JacksonJsonCodec();

    @Test
    void readsAndWritesKeepingKeyOrderAndExactNumbers() {
        String text = "{\"z\":1,\"a\":[1000.00,12345678901234567890,null,true],\"m\":{\"k\":\"v\"}}";
        Object value = codec.read(RawJson.of(text));
        Map<?, ?> map = assertInstanceOf(Map.class, value);
        assertEquals(List.of("z", "a", "m"), List.copyOf(map.keySet()));
        assertEquals(new BigDecimal("1000.00"), ((List<?>) map.get("a")).get(0));
        assertEquals(text, codec.write(value).text());
    }

    @Test
    void refusesWhatIsNotJson() {
        assertThrows(IllegalArgumentException.class, () -> codec.read(RawJson.of("{\"a\":")));
        assertThrows(IllegalArgumentException.class, () -> codec.read(RawJson.of("[1] [2]")));
    }

    @Test
    void decimalsAreWrittenPlainlyUnlessThatWouldTakeHundredsOfDigits() {
        assertEquals("[0.00000000,1000,0.061,-12.50,1E+400,1E-400]", codec.write(List.of(BigDecimal.valueOf(0, 8),
                new BigDecimal("1E+3"), new BigDecimal("0.061"), new BigDecimal("-12.50"), new BigDecimal("1E+400"),
                new BigDecimal("1E-400"))).text());
        assertEquals("{\"btc\":0.00000000}",
                codec.write(Map.of("btc", BigDecimal.valueOf(0, 8))).text(), "inside maps too");
        assertEquals("[1E+2147483647]", codec.write(codec.read(RawJson.of("[1E+2147483647]"))).text(),
                "an absurd exponent an ORK sends is passed on as written");
    }
}
