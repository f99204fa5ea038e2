package io.miningos.gateway.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.miningos.gateway.adapters.http.metrics.PrometheusMetrics;
import io.miningos.gateway.application.identity.IdentityService;
import io.miningos.gateway.application.identity.IdentitySettings;
import io.miningos.gateway.application.identity.InMemoryAuditLog;
import io.miningos.gateway.application.identity.InMemoryTokenStore;
import io.miningos.gateway.application.identity.InMemoryUserProfileStore;
import io.miningos.gateway.application.identity.InMemoryUserRepository;
import io.miningos.gateway.application.identity.UserProfiles;
import io.miningos.gateway.application.shared.InMemoryTransactions;
import io.miningos.gateway.application.users.InMemoryUserSettingsStore;
import io.miningos.gateway.application.users.UsersService;
import io.miningos.gateway.domain.identity.RoleCatalog;
import io.miningos.gateway.domain.testing.MutableClock;
import io.miningos.gateway.domain.token.ClientIp;
import io.miningos.gateway.domain.user.Email;
import io.miningos.gateway.domain.user.NewUser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The HTTP server on a real socket (port 0) over in-memory ports, with a client that speaks to it. Tests call it
 * exactly as the UI does.
 */
final class TestServer implements AutoCloseable {

    static final String SITE = "test-site";

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T10:00:00Z"));
    final InMemoryUserRepository userRepository = new InMemoryUserRepository();
    final InMemoryUserProfileStore profiles = new InMemoryUserProfileStore();
    final InMemoryAuditLog audit = new InMemoryAuditLog();
    final InMemoryTransactions transactions = new InMemoryTransactions();
    final PrometheusMetrics metrics = new PrometheusMetrics();
    final IdentityService identity = new IdentityService(userRepository, new InMemoryTokenStore(),
            RoleCatalog.defaults(), new IdentitySettings(3600, 300), transactions, clock, metrics);
    final UsersService users = new UsersService(userRepository, new InMemoryUserSettingsStore(), identity, audit,
            RoleCatalog.defaults(), transactions, clock);
    final GatewayHttpServer server;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    TestServer(long maxBodyBytes, boolean trustProxy, RouteGroup... extra) {
        this(maxBodyBytes, trustProxy, java.util.Optional.empty(), extra);
    }

    TestServer(long maxBodyBytes, boolean trustProxy, java.util.Optional<StaticUi> ui, RouteGroup... extra) {
        this(new HttpSettings("127.0.0.1", 0, maxBodyBytes, trustProxy), ui, (server, authentication) -> List.of(),
                extra);
    }

    /** With route groups that need the server's authentication (e.g. the WebSocket). */
    TestServer(java.util.function.BiFunction<TestServer, Authentication, List<RouteGroup>> more) {
        this(new HttpSettings("127.0.0.1", 0, HttpSettings.DEFAULT_MAX_BODY_BYTES, false), java.util.Optional.empty(),
                more);
    }

    /** With these settings (their host and port are used as given: pass 127.0.0.1 and 0). */
    TestServer(HttpSettings settings, RouteGroup... extra) {
        this(settings, java.util.Optional.empty(), (server, authentication) -> List.of(), extra);
    }

    private TestServer(HttpSettings settings, java.util.Optional<StaticUi> ui,
                       java.util.function.BiFunction<TestServer, Authentication, List<RouteGroup>> more,
                       RouteGroup... extra) {
        userRepository.ensureSuperAdmin(new Email("root@example.com"), clock.instant());
        List<RouteGroup> groups = new ArrayList<>(List.of(new IdentityRoutes(identity, new UserProfiles(profiles), SITE),
                new UserRoutes(users, users)));
        groups.addAll(List.of(extra));
        Authentication authentication = new Authentication(identity, new ClientAddress(settings.trustProxy()));
        groups.addAll(more.apply(this, authentication));
        server = new GatewayHttpServer(settings, authentication, groups, ui, metrics).start();
    }

    TestServer(RouteGroup... extra) {
        this(HttpSettings.DEFAULT_MAX_BODY_BYTES, false, extra);
    }

    /** Creates a user (if needed) and returns a token for it, bound to 127.0.0.1 unless other IPs are given. */
    String tokenFor(String email, String role, String... ips) {
        Email address = new Email(email);
        if (userRepository.findByEmail(address).isEmpty()) {
            users.createFromConsole(new NewUser(address, null, role));
        }
        Set<ClientIp> bound = (ips.length == 0 ? List.of("127.0.0.1") : List.of(ips)).stream()
                .map(ClientIp::parse).collect(Collectors.toSet());
        return identity.issueFor(address, bound, OptionalLong.empty()).text();
    }

    String rootToken() {
        return identity.issueFor(new Email("root@example.com"), Set.of(ClientIp.parse("127.0.0.1")),
                OptionalLong.empty()).text();
    }

    record Reply(int status, JsonNode json, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    Reply send(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            boolean isJson = response.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
            JsonNode json = response.body().isEmpty() || !isJson ? null : HttpJson.mapper().readTree(response.body());
            return new Reply(response.statusCode(), json, response);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply get(String path, String token) {
        return send("GET", path, token, null);
    }

    Reply post(String path, String token, String body) {
        return send("POST", path, token, body);
    }

    Reply put(String path, String token, String body) {
        return send("PUT", path, token, body);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    @Override
    public void close() {
        // the client's keep-alive connections first: a graceful stop waits about a second for connections still open
        client.shutdownNow();
        try {
            client.awaitTermination(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.stop();
    }
}
