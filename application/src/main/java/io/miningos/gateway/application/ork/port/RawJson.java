package io.miningos.gateway.application.ork.port;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One JSON document as UTF-8 bytes, kept exactly as it was sent. ORK answers travel to clients in this form
 * without being parsed and re-serialized; only rules that must look inside parse them (see {@link JsonCodec}).
 * The bytes are never exposed for writing, so a value can be shared between threads and cache entries.
 */
public final class RawJson {

    private final byte[] utf8;

    private RawJson(byte[] utf8) {
        this.utf8 = utf8;
    }

    /** Takes ownership of {@code utf8}: the caller must not change the array afterwards. */
    public static RawJson wrap(byte[] utf8) {
        return new RawJson(Objects.requireNonNull(utf8, "utf8"));
    }

    public static RawJson of(String json) {
        return new RawJson(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Length in bytes. */
    public int length() {
        return utf8.length;
    }

    /** A stream over the bytes (no copy). */
    public InputStream open() {
        return new ByteArrayInputStream(utf8);
    }

    /** Copies the bytes into {@code target} starting at {@code offset}. */
    public void copyInto(byte[] target, int offset) {
        System.arraycopy(utf8, 0, target, offset, utf8.length);
    }

    public void writeTo(OutputStream out) {
        try {
            out.write(utf8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document as text; meant for small documents such as requests and cache keys. */
    public String text() {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawJson other && Arrays.equals(utf8, other.utf8);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(utf8);
    }

    @Override
    public String toString() {
        return utf8.length <= 200 ? text() : "RawJson[" + utf8.length + " bytes]";
    }
}
