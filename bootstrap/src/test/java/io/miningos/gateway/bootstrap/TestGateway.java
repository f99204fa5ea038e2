package io.miningos.gateway.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import io.miningos.gateway.adapters.http.GatewayHttpServer;
import io.miningos.gateway.adapters.ork.cluster.OrkTransportRegistry;
import io.miningos.gateway.adapters.ork.spi.OrkTransport;
import io.miningos.gateway.adapters.ork.spi.OrkTransportContext;
import io.miningos.gateway.adapters.ork.spi.OrkTransportProvider;
import io.miningos.gateway.domain.identity.RoleCatalog;
import io.miningos.gateway.domain.token.ClientIp;
import io.miningos.gateway.domain.user.Email;
import io.miningos.gateway.domain.user.NewUser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** The real gateway (SQLite, HTTP server on a free port) in front of in-test ORKs or real transports. */
final class TestGateway implements AutoCloseable {

    static final String ADMIN = "admin@example.com";

    record Response(int status, Map<String, List<String>> headers, String body) {
        JsonNode json() {
            try {
                return FakeOrk.JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        /** The {@code X-Ork-Failures} header, or null. */
        String orkFailures() {
            List<String> values = headers.get("x-ork-failures");
            return values == null ? null : values.getFirst();
        }

        String errorCode() {
            return json().path("message").asText();
        }
    }

    private final Gateway gateway;
    private final GatewayHttpServer server;
    private final int port;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestGateway(Gateway gateway, GatewayHttpServer server) {
        this.gateway = gateway;
        this.server = server;
        this.port = server.port();
    }

    static TestGateway start(Path dataDir, Map<String, FakeOrk> orks) {
        return start(dataDir, orks, 2_000, Map.of());
    }

    static TestGateway start(Path dataDir, Map<String, FakeOrk> orks, long rpcTimeoutMs,
                             Map<String, String> cacheTiming) {
        return start(dataDir, orks, rpcTimeoutMs, cacheTiming, FanOutConfig.defaults());
    }

    static TestGateway start(Path dataDir, Map<String, FakeOrk> orks, long rpcTimeoutMs,
                             Map<String, String> cacheTiming, FanOutConfig fanOut) {
        return start(dataDir, orks, rpcTimeoutMs, cacheTiming, fanOut, Map.of());
    }

    /** With a static feature map ({@code featureConfig}), e.g. a central DCS. */
    static TestGateway start(Path dataDir, Map<String, FakeOrk> orks, Map<String, Object> featureConfig) {
        return start(dataDir, orks, 2_000, Map.of(), FanOutConfig.defaults(), featureConfig);
    }

    static TestGateway start(Path dataDir, Map<String, FakeOrk> orks, long rpcTimeoutMs,
                             Map<String, String> cacheTiming, FanOutConfig fanOut, Map<String, Object> featureConfig) {
        Map<String, Map<String, Object>> entries = new LinkedHashMap<>();
        orks.keySet().forEach(id -> entries.put(id, Map.of("transport", "fake")));
        GatewayConfig config = new GatewayConfig("test-site",
                new GatewayConfig.Identity(new Email(ADMIN), 3600, 3600, RoleCatalog.defaults()),
                new GatewayConfig.Http("127.0.0.1", 0, 1024 * 1024, false), featureConfig, entries, cacheTiming,
                rpcTimeoutMs, Optional.empty(), fanOut);
        return serve(config, dataDir, new OrkTransportRegistry(List.of(provider(orks))));
    }

    /** The gateway as {@code config} says, reaching its ORKs with the installed transports (sim, hrpc). */
    static TestGateway serve(GatewayConfig config, Path dataDir) {
        return serve(config, dataDir, OrkTransportRegistry.installed());
    }

    private static TestGateway serve(GatewayConfig config, Path dataDir, OrkTransportRegistry transports) {
        Gateway gateway = Gateway.openToServe(config, dataDir, Clock.systemUTC());
        try {
            return new TestGateway(gateway, gateway.serve(0, transports));
        } catch (RuntimeException e) {
            gateway.close();
            throw e;
        }
    }

    static OrkTransportProvider provider(Map<String, FakeOrk> orks) {
        return new OrkTransportProvider() {
            @Override
            public String name() {
                return "fake";
            }

            @Override
            public OrkTransport open(OrkTransportContext context) {
                return orks.get(context.orkId()).transport();
            }
        };
    }

    Gateway gateway() {
        return gateway;
    }

    GatewayHttpServer server() {
        return server;
    }

    int port() {
        return port;
    }

    String adminToken() {
        return tokenFor(ADMIN);
    }

    /** A token for a new user holding {@code role}. */
    String tokenForRole(String role) {
        String email = role.replace('_', '.') + "@example.com";
        gateway.users().createFromConsole(new NewUser(new Email(email), role, role));
        return tokenFor(email);
    }

    /** A token for a new user {@code email} holding {@code role} (e.g. {@code admin}, whose default address is the super admin's). */
    String tokenForRole(String role, String email) {
        gateway.users().createFromConsole(new NewUser(new Email(email), role, role));
        return tokenFor(email);
    }

    String tokenFor(String email) {
        return gateway.identity().issueFor(new Email(email), Set.of(ClientIp.parse("127.0.0.1")),
                OptionalLong.empty()).text();
    }

    Response get(String path, String token) {
        return send("GET", path, token, null);
    }

    Response send(String method, String path, String token, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        // The client's keep-alive connections first: a graceful stop waits for the connections it finds open, which
        // cost every test a second
        client.shutdownNow();
        try {
            client.awaitTermination(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        gateway.close();
    }
}
