package io.miningos.gateway.adapters.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * The one JSON configuration of the HTTP edge: strict on input (duplicate keys, trailing garbage and absurd
 * nesting are refused), exact with decimals (money stays {@code 1000.00}), plain on output: decimals too are written
 * in plain notation ({@code 0.00000000}, not {@code 0E-8}), unless that would take more than
 * {@value #MAX_PLAIN_SCALE} digits ({@code 1E+400} keeps its exponent, so no value prints thousands of zeros).
 */
public final class HttpJson {

    static final int MAX_NESTING_DEPTH = 100;
    static final int MAX_PLAIN_SCALE = 100;

    private static final ObjectMapper MAPPER = create();

    private HttpJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static ObjectMapper create() {
        // Buffers come from a bounded shared pool: Jackson's default keeps them per thread, and with a virtual
        // thread per request no thread ever reuses them.
        JsonMapper mapper = JsonMapper.builder(JsonFactory.builder()
                        .recyclerPool(JsonRecyclerPools.sharedBoundedPool()).build())
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .addModule(new SimpleModule("plain-decimals").addSerializer(BigDecimal.class, new PlainDecimal()))
                .build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .build());
        return mapper;
    }

    private static final class PlainDecimal extends StdSerializer<BigDecimal> {
        PlainDecimal() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (Math.abs(value.scale()) > MAX_PLAIN_SCALE) {
                gen.writeNumber(value);
            } else {
                gen.writeNumber(value.toPlainString());
            }
        }
    }
}
