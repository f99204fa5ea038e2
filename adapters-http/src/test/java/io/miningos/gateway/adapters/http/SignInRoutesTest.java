package io.miningos.gateway.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.miningos.gateway.application.identity.port.in.IssuedToken;
import io.miningos.gateway.application.identity.port.in.SignInCallback;
import io.miningos.gateway.application.identity.port.in.SignInUseCase;
import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.error.ErrorCodes;
import io.miningos.gateway.domain.token.ClientIp;
import io.miningos.gateway.domain.token.TokenGrant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The sign-in routes over a real socket, with the use case replaced by a scripted one. */
class SignInRoutesTest {

    private static final URI UI = URI.create("https://ui.example/app?tab=1#top");
    private static final String TOKEN = "pub:api:0123456789abcdef0123456789abcdef-7-roles:site_operator";

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private GatewayHttpServer server;
    private SignInCallback received;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void withoutConfigurationBothRoutesSayNotConfigured() throws Exception {
        start(SignInRoutes.notConfigured(), false);
        for (String path : List.of("/oauth/google", "/oauth/google/callback?code=c&state=s")) {
            HttpResponse<String> response = get(path);
            assertEquals(501, response.statusCode(), path);
            JsonNode body = HttpJson.mapper().readTree(response.body());
            assertEquals(501, body.get("statusCode").asInt());
            assertEquals("Not Implemented", body.get("error").asText());
            assertEquals(SignInUseCase.NOT_CONFIGURED, body.get("message").asText());
        }
    }

    @Test
    void withoutConfigurationButWithAHostedUiBothRoutesGoBackToItsSignInPageWithTheCode() throws Exception {
        start(SignInRoutes.notConfigured(URI.create("/signin")), false);
        for (String path : List.of("/oauth/google", "/oauth/google/callback?code=c&state=s")) {
            HttpResponse<String> response = get(path);
            assertEquals(302, response.statusCode(), path);
            assertEquals("/signin?error=ERR_OAUTH_NOT_CONFIGURED",
                    response.headers().firstValue("Location").orElseThrow());
            assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow());
        }
    }

    @Test
    void theStartRedirectsToTheProvider() throws Exception {
        start(configured("/login/google", callback -> {
            throw new AssertionError("not called");
        }), false);
        HttpResponse<String> response = get("/login/google");
        assertEquals(302, response.statusCode());
        assertEquals("https://provider.example/auth?state=s1", response.headers().firstValue("Location").orElseThrow());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals(404, get("/oauth/google").statusCode(), "only the configured start path");
    }

    @Test
    void aSignInEndsAtTheUiWithTheToken() throws Exception {
        start(configured("/oauth/google", callback -> issued()), false);
        HttpResponse<String> response = get("/oauth/google/callback?state=st%2B1&code=c%2F2&scope=email");

        assertEquals(302, response.statusCode());
        assertEquals("https://ui.example/app?tab=1&authToken="
                        + "pub%3Aapi%3A0123456789abcdef0123456789abcdef-7-roles%3Asite_operator#top",
                response.headers().firstValue("Location").orElseThrow());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals("no-referrer", response.headers().firstValue("Referrer-Policy").orElseThrow());
        assertEquals(Optional.of("st+1"), received.state());
        assertEquals(Optional.of("c/2"), received.code());
        assertEquals(Optional.empty(), received.providerError());
        assertEquals(ClientIp.parse("127.0.0.1"), received.clientIp());
    }

    @Test
    void aRefusedSignInEndsAtTheUiWithTheErrorCode() throws Exception {
        start(configured("/oauth/google", callback -> {
            throw DomainException.unauthenticated(ErrorCodes.AUTH_FAIL, null);
        }), false);
        HttpResponse<String> response = get("/oauth/google/callback?state=s&error=access_denied");

        assertEquals(302, response.statusCode());
        assertEquals("https://ui.example/app?tab=1&error=ERR_AUTH_FAIL#top",
                response.headers().firstValue("Location").orElseThrow());
        assertEquals(Optional.of("access_denied"), received.providerError());
    }

    @Test
    void anUnexpectedFailureStillEndsAtTheUi() throws Exception {
        start(configured("/oauth/google", callback -> {
            throw new IllegalStateException("storage failure");
        }), false);
        HttpResponse<String> response = get("/oauth/google/callback?state=s&code=c");

        assertEquals(302, response.statusCode());
        assertEquals("https://ui.example/app?tab=1&error=ERR_INTERNAL#top",
                response.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void behindAProxyTheTokenIsBoundToTheForwardedAddress() throws Exception {
        start(configured("/oauth/google", callback -> issued(), true), true);
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/oauth/google/callback?state=s&code=c"))
                .header("X-Forwarded-For", "203.0.113.9, 10.0.0.1").build());
        assertEquals(302, response.statusCode());
        assertEquals(ClientIp.parse("203.0.113.9"), received.clientIp());

        received = null;
        HttpResponse<String> garbage = send(HttpRequest.newBuilder(url("/oauth/google/callback?state=s&code=c"))
                .header("X-Forwarded-For", "not-an-address").build());
        assertEquals("https://ui.example/app?tab=1&error=ERR_IPS_INVALID#top",
                garbage.headers().firstValue("Location").orElseThrow());
        assertEquals(null, received, "nothing was attempted");
    }

    @Test
    void parametersAreAddedWhereTheyBelong() {
        assertEquals("http://ui.example/?error=ERR_X", SignInRoutes.withParameter(
                URI.create("http://ui.example/"), "error", "ERR_X"));
        assertEquals("http://ui.example?error=ERR_X", SignInRoutes.withParameter(
                URI.create("http://ui.example"), "error", "ERR_X"));
        assertEquals("http://ui.example/?a=1&error=ERR_X", SignInRoutes.withParameter(
                URI.create("http://ui.example/?a=1"), "error", "ERR_X"));
        assertEquals("http://ui.example/?error=ERR_X", SignInRoutes.withParameter(
                URI.create("http://ui.example/?"), "error", "ERR_X"));
        assertEquals("http://ui.example/?authToken=a%26b%3Dc#/login?x=1",
                SignInRoutes.withParameter(URI.create("http://ui.example/#/login?x=1"), "authToken", "a&b=c"));
    }

    @Test
    void aStartPathMustBeItsOwnPathOutsideAuth() {
        assertThrows(IllegalArgumentException.class, () -> configured("/auth/google", c -> issued()));
        assertThrows(IllegalArgumentException.class, () -> configured(SignInRoutes.CALLBACK_PATH, c -> issued()));
        assertThrows(IllegalArgumentException.class, () -> configured("oauth/google", c -> issued()));
        assertThrows(IllegalArgumentException.class, () -> configured("/oauth/{x}", c -> issued()));
    }

    private SignInRoutes configured(String startPath, Function<SignInCallback, IssuedToken> complete) {
        return configured(startPath, complete, false);
    }

    private SignInRoutes configured(String startPath, Function<SignInCallback, IssuedToken> complete,
                                    boolean trustProxy) {
        SignInUseCase useCase = new SignInUseCase() {
            @Override
            public URI begin() {
                return URI.create("https://provider.example/auth?state=s1");
            }

            @Override
            public IssuedToken complete(SignInCallback callback) {
                received = callback;
                return complete.apply(callback);
            }
        };
        return SignInRoutes.configured(useCase, startPath, UI, new ClientAddress(trustProxy));
    }

    private void start(SignInRoutes routes, boolean trustProxy) {
        server = new GatewayHttpServer(new HttpSettings("127.0.0.1", 0, HttpSettings.DEFAULT_MAX_BODY_BYTES, trustProxy),
                new Authentication((token, ip) -> {
                    throw DomainException.unauthenticated(ErrorCodes.AUTH_FAIL, "Authentication failed");
                }, new ClientAddress(trustProxy)), List.of(routes)).start();
    }

    private static IssuedToken issued() {
        Instant now = Instant.parse("2025-03-01T10:00:00Z");
        return new IssuedToken(TOKEN, new TokenGrant("hash", 7, List.of("site_operator"),
                Set.of(ClientIp.parse("127.0.0.1")), now, now.plusSeconds(60)));
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(url(path)).build());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
