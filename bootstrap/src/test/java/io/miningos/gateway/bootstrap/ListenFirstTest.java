package io.miningos.gateway.bootstrap;

import io.miningos.gateway.adapters.http.GatewayHttpServer;
import io.miningos.gateway.adapters.ork.cluster.OrkTransportRegistry;
import io.miningos.gateway.adapters.ork.spi.OrkTransport;
import io.miningos.gateway.adapters.ork.spi.OrkTransportContext;
import io.miningos.gateway.adapters.ork.spi.OrkTransportProvider;
import io.miningos.gateway.domain.identity.RoleCatalog;
import io.miningos.gateway.domain.token.ClientIp;
import io.miningos.gateway.domain.user.Email;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server listens before the ORKs' transports are open: sign-in and {@code /auth/site} answer at once, an ORK
 * route waits for its ORK, and the start ends once the transports are open.
 */
class ListenFirstTest {

    @TempDir
    Path dir;

    /** A transport that takes until the test releases it to open, as the sim building its site. */
    private static final class SlowToOpen implements OrkTransportProvider {
        final CountDownLatch opening = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final FakeOrk ork = new FakeOrk().on("listThings", FakeOrk.answer("[{\"id\":\"m1\"}]"));

        @Override
        public String name() {
            return "slow";
        }

        @Override
        public OrkTransport open(OrkTransportContext context) {
            opening.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ork.transport();
        }
    }

    @Test
    void theSiteAnswersWhileTheOrksOpenAndAnOrkRouteWaitsForThem() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        GatewayConfig config = new GatewayConfig("test-site",
                new GatewayConfig.Identity(new Email(TestGateway.ADMIN), 3600, 3600, RoleCatalog.defaults()),
                new GatewayConfig.Http("127.0.0.1", port, 1024 * 1024, false), Map.of(),
                Map.of("north", Map.of("transport", "slow")), Map.of(), 30_000, Optional.empty(),
                FanOutConfig.defaults());
        SlowToOpen slow = new SlowToOpen();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try (Gateway gateway = Gateway.open(config, dir.resolve("data"), Clock.systemUTC())) {
            String token = gateway.identity().issueFor(new Email(TestGateway.ADMIN),
                    Set.of(ClientIp.parse("127.0.0.1")), OptionalLong.empty()).text();
            CompletableFuture<GatewayHttpServer> serving = CompletableFuture.supplyAsync(
                    () -> gateway.serve(port, new OrkTransportRegistry(List.of(slow))));
            assertTrue(slow.opening.await(60, TimeUnit.SECONDS), "the transport started to open");

            HttpResponse<String> site = getWhenListening(client, port, "/auth/site", token);
            assertEquals(200, site.statusCode(), site.body());
            assertEquals("{\"site\":\"test-site\"}", site.body());
            assertFalse(serving.isDone(), "the start is not over while an ORK opens");

            CompletableFuture<HttpResponse<String>> things = client.sendAsync(request(port, "/auth/list-things",
                    token), HttpResponse.BodyHandlers.ofString());
            Thread.sleep(200); // not a timing assertion: gives the request time to reach the waiting ORK call
            assertFalse(things.isDone(), "an ORK route waits for its ORK");
            slow.release.countDown();
            assertEquals(200, things.get(60, TimeUnit.SECONDS).statusCode());
            assertTrue(things.get().body().contains("\"m1\""), things.get().body());
            assertEquals(port, serving.get(60, TimeUnit.SECONDS).port());
        } finally {
            slow.release.countDown();
        }
    }

    private static HttpRequest request(int port, String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token).build();
    }

    private static HttpResponse<String> getWhenListening(HttpClient client, int port, String path, String token)
            throws IOException, InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                return client.send(request(port, path, token), HttpResponse.BodyHandlers.ofString());
            } catch (ConnectException e) {
                if (System.nanoTime() > giveUp) {
                    throw e;
                }
                Thread.sleep(20);
            }
        }
    }
}
