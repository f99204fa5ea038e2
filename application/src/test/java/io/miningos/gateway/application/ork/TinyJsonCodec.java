package io.miningos.gateway.application.ork;

import io.miningos.gateway.application.ork.port.RawJson;
import io.miningos.gateway.application.ork.port.out.JsonCodec;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Encodes the simple values these tests use (the real codec lives in an adapter); decoding is not needed. */
final class TinyJsonCodec implements JsonCodec {

    @Override
    public RawJson write(Object value) {
        return RawJson.of(encode(value));
    }

    @Override
    public Object read(RawJson json) {
        throw new UnsupportedOperationException("not needed by these tests");
    }

    private static String encode(Object value) {
        return switch (value) {
            case null -> "null";
            case String s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            case Number n -> n.toString();
            case Boolean b -> b.toString();
            case Map<?, ?> m -> m.entrySet().stream().map(e -> encode(e.getKey()) + ":" + encode(e.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
            case List<?> l -> l.stream().map(TinyJsonCodec::encode).collect(Collectors.joining(",", "[", "]"));
            default -> throw new IllegalArgumentException("not JSON: " + value);
        };
    }
}
