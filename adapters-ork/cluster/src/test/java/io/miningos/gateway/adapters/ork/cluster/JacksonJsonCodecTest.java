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
}
