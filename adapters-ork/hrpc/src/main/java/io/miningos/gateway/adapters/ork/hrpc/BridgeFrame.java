package io.miningos.gateway.adapters.ork.hrpc;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One message between the gateway and its bridge process: a JSON header and an opaque body (the request or answer
 * JSON exactly as it travels to or from the ORK, so nothing is re-encoded on the way).
 *
 * <p>On the pipe: {@code u32 n | u32 h | header: h bytes of UTF-8 JSON | body: n - 4 - h bytes}, big-endian.
 */
record BridgeFrame(Map<String, Object> header, byte[] body) {

    /** Larger frames are refused: a garbled length must not make either side allocate gigabytes. */
    static final int MAX_FRAME_BYTES = 128 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> HEADER = new TypeReference<>() {
    };
    private static final byte[] NO_BODY = new byte[0];

    BridgeFrame {
        header = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(header, "header")));
        body = body == null ? NO_BODY : body;
    }

    BridgeFrame(Map<String, Object> header) {
        this(header, NO_BODY);
    }

    /** Writes the frame in one piece; the caller serialises writers. */
    void writeTo(OutputStream out) throws IOException {
        byte[] headerBytes = JSON.writeValueAsBytes(header);
        long length = 4L + headerBytes.length + body.length;
        if (length > MAX_FRAME_BYTES) {
            throw new IOException("frame of " + length + " bytes exceeds the " + MAX_FRAME_BYTES + "-byte limit");
        }
        ByteBuffer prefix = ByteBuffer.allocate(8).putInt((int) length).putInt(headerBytes.length);
        out.write(prefix.array());
        out.write(headerBytes);
        out.write(body);
        out.flush();
    }

    /**
     * Reads the next frame.
     *
     * @throws EOFException when the stream ends (the bridge exited)
     * @throws IOException  on a malformed frame
     */
    static BridgeFrame readFrom(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 4 || length > MAX_FRAME_BYTES) {
            throw new IOException("bad frame length " + Integer.toUnsignedString(length));
        }
        int headerLength = in.readInt();
        if (headerLength < 0 || headerLength > length - 4) {
            throw new IOException("bad frame header length " + headerLength);
        }
        byte[] headerBytes = in.readNBytes(headerLength);
        byte[] body = in.readNBytes(length - 4 - headerLength);
        if (headerBytes.length != headerLength || body.length != length - 4 - headerLength) {
            throw new EOFException("stream ended inside a frame");
        }
        Map<String, Object> header = JSON.readValue(headerBytes, HEADER);
        if (header == null) {
            throw new IOException("frame header is not a JSON object");
        }
        return new BridgeFrame(header, body);
    }

    Object get(String key) {
        return header.get(key);
    }

    String text(String key) {
        return header.get(key) instanceof String value ? value : null;
    }
}
