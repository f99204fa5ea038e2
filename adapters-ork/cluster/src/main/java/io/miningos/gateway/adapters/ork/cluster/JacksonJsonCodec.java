package io.miningos.gateway.adapters.ork.cluster;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.miningos.gateway.application.ork.port.RawJson;
import io.miningos.gateway.application.ork.port.out.JsonCodec;

import java.io.IOException;
import java.io.InputStream;

/**
 * {@link JsonCodec} on Jackson. Decimals are read as BigDecimal so numbers are passed on exactly as the ORK wrote
 * them (a hashrate or a BTC amount must not lose digits on the way to the client), and written in plain notation
 * ({@link PlainDecimals}: a computed {@code 0.00000000} BTC is not {@code 0E-8}).
 */
public final class JacksonJsonCodec implements JsonCodec {

    // Buffers come from a bounded shared pool: Jackson's default keeps them per thread, and with a virtual thread
    // per request (and per ORK call) no thread ever reuses them.
    private final ObjectMapper mapper = JsonMapper.builder(JsonFactory.builder()
                    .recyclerPool(JsonRecyclerPools.sharedBoundedPool()).build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .addModule(PlainDecimals.module())
            .build();

    @Override
    public RawJson write(Object value) {
        try {
            return RawJson.wrap(mapper.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON value: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public Object read(RawJson json) {
        try (InputStream in = json.open()) {
            return mapper.readValue(in, Object.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }
}
