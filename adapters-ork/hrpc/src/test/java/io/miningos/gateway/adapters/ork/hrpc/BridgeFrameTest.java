package io.miningos.gateway.adapters.ork.hrpc;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BridgeFrameTest {

    @Test
    void roundTripsHeaderAndBodyUntouched() throws IOException {
        byte[] body = "{ \"a\" : 1.50 }".getBytes(StandardCharsets.UTF_8);
        BridgeFrame frame = new BridgeFrame(Map.of("op", "call", "id", 7, "bootstrap", List.of("127.0.0.1:1")), body);

        BridgeFrame read = BridgeFrame.readFrom(stream(bytesOf(frame, frame)));

        assertEquals("call", read.text("op"));
        assertEquals(7, read.get("id"));
        assertEquals(List.of("127.0.0.1:1"), read.get("bootstrap"));
        assertArrayEquals(body, read.body());
    }

    @Test
    void writesTheDocumentedLayout() throws IOException {
        byte[] written = bytesOf(new BridgeFrame(Map.of("op", "x"), new byte[]{1, 2, 3}));
        ByteBuffer buffer = ByteBuffer.wrap(written);
        int length = buffer.getInt();
        int headerLength = buffer.getInt();

        assertEquals(written.length - 4, length);
        assertEquals("{\"op\":\"x\"}", new String(written, 8, headerLength, StandardCharsets.UTF_8));
        assertArrayEquals(new byte[]{1, 2, 3}, Arrays.copyOfRange(written, 8 + headerLength, written.length));
    }

    @Test
    void endOfStreamIsReportedAsSuch() {
        byte[] whole = bytesOf(new BridgeFrame(Map.of("op", "x"), new byte[]{1, 2, 3}));

        assertThrows(EOFException.class, () -> BridgeFrame.readFrom(stream(new byte[0])));
        assertThrows(EOFException.class, () -> BridgeFrame.readFrom(stream(Arrays.copyOf(whole, whole.length - 1))));
    }

    @Test
    void refusesLengthsThatCannotBeRight() {
        byte[] huge = ByteBuffer.allocate(8).putInt(BridgeFrame.MAX_FRAME_BYTES + 1).putInt(2).array();
        byte[] headerLongerThanFrame = ByteBuffer.allocate(8).putInt(6).putInt(5).array();

        assertEquals("bad frame length " + (BridgeFrame.MAX_FRAME_BYTES + 1),
                assertThrows(IOException.class, () -> BridgeFrame.readFrom(stream(huge))).getMessage());
        assertEquals("bad frame header length 5",
                assertThrows(IOException.class, () -> BridgeFrame.readFrom(stream(headerLongerThanFrame))).getMessage());
    }

    private static byte[] bytesOf(BridgeFrame... frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (BridgeFrame frame : frames) {
                frame.writeTo(out);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    private static DataInputStream stream(byte[] bytes) {
        return new DataInputStream(new ByteArrayInputStream(bytes));
    }
}
