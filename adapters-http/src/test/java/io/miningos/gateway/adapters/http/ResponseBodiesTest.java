package io.miningos.gateway.adapters.http;

import io.miningos.gateway.application.ork.port.GatheredAnswer;
import io.miningos.gateway.application.ork.port.RawJson;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bodies go out in one write with their length; a large one gzip-compressed when the client asks, from a copy
 * made once per body. The headers of {@code /auth/} routes are on these answers too.
 */
class ResponseBodiesTest {

    /** An ORK answer of about 20 KB, as a cached list-things page: one object, sent many times. */
    private static final RawJson LARGE = RawJson.of(IntStream.range(0, 200)
            .mapToObj(i -> "{\"id\":\"miner-" + i + "\",\"tags\":[\"t-miner\"],\"power_w\":" + (3000 + i) + "}")
            .collect(Collectors.joining(",", "[", "]")));
    private static final RawJson SMALL = RawJson.of("[{\"id\":\"miner-1\"}]");

    private static final RouteGroup ROUTES = routes -> {
        routes.get("/auth/large", ctx -> OrkResponses.send(ctx,
                CompletableFuture.completedFuture(new GatheredAnswer(LARGE, List.of()))));
        routes.get("/auth/small", ctx -> OrkResponses.send(ctx,
                CompletableFuture.completedFuture(new GatheredAnswer(SMALL, List.of()))));
        routes.get("/auth/large-value", ctx -> ResponseBodies.json(ctx, Map.of("text", "x".repeat(5000))));
    };

    private static HttpResponse<byte[]> get(TestServer server, String path, String token, String acceptEncoding) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).GET()
                .header("Authorization", "Bearer " + token);
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        try {
            return server.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gunzip(byte[] bytes) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(RawJson json) {
        return json.text().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aLargeAnswerGoesOutWithItsLengthOrGzippedWhenAskedForAndTheSameEitherWay() {
        try (TestServer server = new TestServer(ROUTES)) {
            String token = server.rootToken();
            HttpResponse<byte[]> plain = get(server, "/auth/large", token, null);
            assertEquals(200, plain.statusCode());
            assertArrayEquals(bytes(LARGE), plain.body());
            assertEquals(String.valueOf(LARGE.length()), plain.headers().firstValue("Content-Length").orElseThrow());
            assertTrue(plain.headers().firstValue("Transfer-Encoding").isEmpty(), "not chunked");
            assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty());
            assertEquals("Accept-Encoding", plain.headers().firstValue("Vary").orElseThrow());
            assertEquals("application/json", plain.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("no-store", plain.headers().firstValue("Cache-Control").orElseThrow());
            assertEquals("nosniff", plain.headers().firstValue("X-Content-Type-Options").orElseThrow());

            for (int i = 0; i < 3; i++) { // the copy made for the first is sent again
                HttpResponse<byte[]> gzipped = get(server, "/auth/large", token, "gzip, deflate, br");
                assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElseThrow());
                assertEquals(String.valueOf(gzipped.body().length),
                        gzipped.headers().firstValue("Content-Length").orElseThrow());
                assertTrue(gzipped.body().length < LARGE.length() / 4, gzipped.body().length + " bytes");
                assertArrayEquals(bytes(LARGE), gunzip(gzipped.body()));
                assertEquals("no-store", gzipped.headers().firstValue("Cache-Control").orElseThrow());
            }
            HttpResponse<byte[]> refused = get(server, "/auth/large", token, "gzip;q=0, identity");
            assertTrue(refused.headers().firstValue("Content-Encoding").isEmpty());
            assertArrayEquals(bytes(LARGE), refused.body());
        }
    }

    @Test
    void smallAnswersAreNotCompressedAndValuesAreWrittenAsJson() {
        try (TestServer server = new TestServer(ROUTES)) {
            String token = server.rootToken();
            HttpResponse<byte[]> small = get(server, "/auth/small", token, "gzip");
            assertArrayEquals(bytes(SMALL), small.body());
            assertTrue(small.headers().firstValue("Content-Encoding").isEmpty());
            assertEquals(String.valueOf(SMALL.length()), small.headers().firstValue("Content-Length").orElseThrow());

            HttpResponse<byte[]> value = get(server, "/auth/large-value", token, "x-gzip");
            assertEquals("gzip", value.headers().firstValue("Content-Encoding").orElseThrow());
            assertEquals("{\"text\":\"" + "x".repeat(5000) + "\"}",
                    new String(gunzip(value.body()), StandardCharsets.UTF_8));

            TestServer.Reply site = server.get("/auth/site", token);
            assertEquals(TestServer.SITE, site.json().path("site").asText());
            assertEquals("{\"site\":\"" + TestServer.SITE + "\"}", site.raw().body());
        }
    }

    @Test
    void gzipIsTakenOnlyWhenListedAndNotRefused() {
        assertTrue(ResponseBodies.acceptsGzip("gzip"));
        assertTrue(ResponseBodies.acceptsGzip("gzip, deflate, br, zstd"));
        assertTrue(ResponseBodies.acceptsGzip("br;q=1.0, GZIP;q=0.5"));
        assertTrue(ResponseBodies.acceptsGzip("x-gzip"));
        assertFalse(ResponseBodies.acceptsGzip(null));
        assertFalse(ResponseBodies.acceptsGzip(""));
        assertFalse(ResponseBodies.acceptsGzip("identity"));
        assertFalse(ResponseBodies.acceptsGzip("deflate, br"));
        assertFalse(ResponseBodies.acceptsGzip("gzip;q=0"));
        assertFalse(ResponseBodies.acceptsGzip("gzip; q=0.000"));
        assertFalse(ResponseBodies.acceptsGzip("*"));
        assertFalse(ResponseBodies.acceptsGzip("gzipx"));
    }
}
