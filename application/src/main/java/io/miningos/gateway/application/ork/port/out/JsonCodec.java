package io.miningos.gateway.application.ork.port.out;

import io.miningos.gateway.application.ork.port.RawJson;

/**
 * Converts between JSON documents and the plain Java values the core works with ({@code Map} keeping key order,
 * {@code List}, {@code String}, {@code Number}, {@code Boolean}, {@code null}). Implemented by an adapter, so the
 * core needs no JSON library. Numbers keep their exact value both ways.
 */
public interface JsonCodec {

    /** Encodes a plain Java value; throws IllegalArgumentException for values JSON cannot hold. */
    RawJson write(Object value);

    /** Decodes a document; throws IllegalArgumentException if it is not well-formed JSON. */
    Object read(RawJson json);
}
