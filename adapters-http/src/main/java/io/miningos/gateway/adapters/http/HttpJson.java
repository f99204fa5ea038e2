package io.miningos.gateway.adapters.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one JSON configuration of the HTTP edge: strict on input (duplicate keys, trailing garbage and absurd
 * nesting are refused), exact with decimals (money stays {@code 1000.00}), plain on output.
 */
public final class HttpJson {

    static final int MAX_NESTING_DEPTH = 100;

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
                .build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .build());
        return mapper;
    }
}
