package io.miningos.gateway.adapters.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.miningos.gateway.application.ork.port.RawJson;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * Writes JSON bodies the gateway holds as bytes: in one write with their {@code Content-Length}, rather than
 * through Javalin's result stream (a 32 KB copy buffer per request, and chunked above Jetty's aggregation buffer).
 * A body of {@value #MIN_GZIP_BYTES} bytes or more goes out gzip-compressed to a client that accepts it, compressed
 * once per body: the gzip copy is kept as long as the body itself is (a cached answer is sent many times), within
 * {@value #MAX_GZIP_BYTES} bytes of copies in all.
 *
 * <p>A body written here is complete when the handler returns: what must be on the response (headers, status) is
 * set before. A route answers through these methods as its last step.
 */
final class ResponseBodies {

    /** Below this, compression saves less than it costs (Javalin's own threshold is 1500). */
    static final int MIN_GZIP_BYTES = 1024;
    /** The gzip copies kept in all; a copy that does not fit is made again when next asked for. */
    static final long MAX_GZIP_BYTES = 8L * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(ResponseBodies.class);
    private static final String GZIP = "gzip";

    /** Keyed by the body's identity and only as long as the body lives (a cached answer is one object). */
    private static final Cache<RawJson, byte[]> GZIPPED = Caffeine.newBuilder()
            .weakKeys()
            .maximumWeight(MAX_GZIP_BYTES)
            .weigher((RawJson body, byte[] gzipped) -> gzipped.length + 64)
            .build();

    private ResponseBodies() {
    }

    /** Sends {@code value} as JSON with the HTTP edge's mapper ({@link HttpJson}). */
    static void json(Context ctx, Object value) {
        byte[] bytes;
        try {
            bytes = HttpJson.mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a response value could not be written as JSON", e);
        }
        ctx.contentType(ContentType.APPLICATION_JSON);
        if (bytes.length >= MIN_GZIP_BYTES) {
            ctx.header(Header.VARY, Header.ACCEPT_ENCODING);
            if (acceptsGzip(ctx.header(Header.ACCEPT_ENCODING))) {
                ctx.header(Header.CONTENT_ENCODING, GZIP);
                write(ctx, gzip(bytes, bytes.length));
                return;
            }
        }
        write(ctx, bytes);
    }

    /** Sends a JSON document held as bytes (an ORK answer, perhaps cached), gzip-compressed once if asked for. */
    static void json(Context ctx, RawJson body) {
        ctx.contentType(ContentType.APPLICATION_JSON);
        if (body.length() >= MIN_GZIP_BYTES) {
            ctx.header(Header.VARY, Header.ACCEPT_ENCODING);
            if (acceptsGzip(ctx.header(Header.ACCEPT_ENCODING))) {
                ctx.header(Header.CONTENT_ENCODING, GZIP);
                write(ctx, GZIPPED.get(body, ResponseBodies::gzip));
                return;
            }
        }
        HttpServletResponse response = ctx.res();
        response.setContentLength(body.length());
        try {
            body.writeTo(response.getOutputStream());
        } catch (IOException | UncheckedIOException e) {
            clientGone(ctx, e);
        }
    }

    private static void write(Context ctx, byte[] bytes) {
        HttpServletResponse response = ctx.res();
        response.setContentLength(bytes.length);
        try {
            response.getOutputStream().write(bytes);
        } catch (IOException e) {
            clientGone(ctx, e);
        }
    }

    /** A write fails when the client went away; nothing is left to answer, and it is no fault of ours. */
    private static void clientGone(Context ctx, Exception e) {
        LOG.debug("{} {}: the response could not be written: {}", ctx.method(), ctx.path(), e.toString());
    }

    /**
     * Whether an {@code Accept-Encoding} header accepts gzip: {@code gzip} (or {@code x-gzip}) listed without
     * {@code q=0}; a wildcard alone is not taken as a request for it.
     */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String item : acceptEncoding.split(",")) {
            int semicolon = item.indexOf(';');
            String coding = (semicolon < 0 ? item : item.substring(0, semicolon)).trim();
            if (coding.equalsIgnoreCase(GZIP) || coding.equalsIgnoreCase("x-gzip")) {
                return semicolon < 0 || !refused(item.substring(semicolon + 1));
            }
        }
        return false;
    }

    /** {@code q=0}, {@code q=0.0}, {@code q=0.000}: the coding is not acceptable. */
    private static boolean refused(String parameters) {
        for (String parameter : parameters.split(";")) {
            String p = parameter.trim();
            if (p.length() > 2 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.charAt(1) == '=') {
                try {
                    return Double.parseDouble(p.substring(2).trim()) <= 0;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return false;
    }

    private static byte[] gzip(RawJson body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length() / 4));
        try (OutputStream gzip = new GZIPOutputStream(out, 8192)) { // zlib's default level 6, as Javalin's
            body.writeTo(gzip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] bytes, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, length / 4));
        try (OutputStream gzip = new GZIPOutputStream(out, 8192)) {
            gzip.write(bytes, 0, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
