package io.miningos.gateway.adapters.http.oauth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.miningos.gateway.application.identity.port.in.SignInUseCase;
import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.error.ErrorKind;
import io.miningos.gateway.domain.user.ProviderProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The provider client against a scripted OAuth2 provider on a loopback socket. */
class OAuth2IdentityProviderTest {

    private record Answer(int status, String body, long delayMs) {
    }

    private HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, String> lastRequest = new ConcurrentHashMap<>();
    private OAuth2IdentityProvider provider;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/token", exchange -> answer(exchange, "token"));
        server.createContext("/userinfo", exchange -> answer(exchange, "userinfo"));
        server.start();
        provider = provider(Duration.ofSeconds(10)); // generous: on a loaded machine a first call can take seconds
        answers.put("token", new Answer(200, "{\"access_token\":\"at-1\",\"token_type\":\"Bearer\"}", 0));
        answers.put("userinfo", new Answer(200, "{\"sub\":\"1\",\"email\":\"Op@Example.com\",\"email_verified\":true}",
                0));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private OAuth2IdentityProvider provider(Duration timeout) {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return new OAuth2IdentityProvider(new OAuth2ProviderSettings("client-1", "secret:1",
                URI.create("https://gateway.example/oauth/google/callback"), URI.create(base + "/authorize?hd=x"),
                URI.create(base + "/token"), URI.create(base + "/userinfo"), timeout));
    }

    @Test
    void theAuthorizationUrlAsksForOpenIdEmailAndProfileWithTheState() {
        URI url = provider.authorizationUrl("the-state");
        Map<String, String> query = query(url.getRawQuery());
        assertEquals("/authorize", url.getPath());
        assertEquals("x", query.get("hd"), "the configured endpoint's own parameters stay");
        assertEquals("code", query.get("response_type"));
        assertEquals("client-1", query.get("client_id"));
        assertEquals("https://gateway.example/oauth/google/callback", query.get("redirect_uri"));
        assertEquals("openid email profile", query.get("scope"));
        assertEquals("the-state", query.get("state"));
    }

    @Test
    void theCodeIsExchangedAndTheVerifiedEmailRead() {
        assertEquals("op@example.com", provider.verify("code-1").email().value());

        Map<String, String> form = query(lastRequest.get("token.body"));
        assertEquals("authorization_code", form.get("grant_type"));
        assertEquals("code-1", form.get("code"));
        assertEquals("https://gateway.example/oauth/google/callback", form.get("redirect_uri"));
        assertEquals("Basic " + Base64.getEncoder().encodeToString("client-1:secret:1".getBytes(StandardCharsets.UTF_8)),
                lastRequest.get("token.authorization"));
        assertEquals("Bearer at-1", lastRequest.get("userinfo.authorization"));
    }

    @Test
    void googlesOlderVerifiedFlagIsUnderstood() {
        answers.put("userinfo", new Answer(200, "{\"email\":\"op@example.com\",\"verified_email\":true}", 0));
        assertEquals("op@example.com", provider.verify("code-1").email().value());
    }

    @Test
    void theProfileTheProviderSendsIsKept() {
        answers.put("userinfo", new Answer(200, "{\"email\":\"op@example.com\",\"email_verified\":true,"
                + "\"name\":\"Ana Tech\",\"given_name\":\"Ana\",\"picture\":\"https://pics.example/ana.png\"}", 0));
        assertEquals(new ProviderProfile("Ana Tech", "Ana", "https://pics.example/ana.png"),
                provider.verify("code-1").profile());
    }

    @Test
    void anUnverifiedOrMissingEmailIsRefused() {
        answers.put("userinfo", new Answer(200, "{\"email\":\"op@example.com\",\"email_verified\":false}", 0));
        assertCode("ERR_AUTH_FAIL", ErrorKind.UNAUTHENTICATED);
        answers.put("userinfo", new Answer(200, "{\"email\":\"op@example.com\"}", 0));
        assertCode("ERR_AUTH_FAIL", ErrorKind.UNAUTHENTICATED);
        answers.put("userinfo", new Answer(200, "{\"email_verified\":true}", 0));
        assertCode("ERR_AUTH_FAIL", ErrorKind.UNAUTHENTICATED);
        answers.put("userinfo", new Answer(200, "{\"email\":\"not an address\",\"email_verified\":true}", 0));
        assertCode("ERR_AUTH_FAIL", ErrorKind.UNAUTHENTICATED);
    }

    @Test
    void aCodeTheProviderRefusesIsAuthFail() {
        answers.put("token", new Answer(400, "{\"error\":\"invalid_grant\"}", 0));
        assertCode("ERR_AUTH_FAIL", ErrorKind.UNAUTHENTICATED);
    }

    @Test
    void aRefusedAccessTokenIsAuthFail() {
        answers.put("userinfo", new Answer(401, "{\"error\":\"invalid_token\"}", 0));
        assertCode("ERR_AUTH_FAIL", ErrorKind.UNAUTHENTICATED);
    }

    @Test
    void aFailingProviderIsProviderFailed() {
        answers.put("token", new Answer(503, "<html>down</html>", 0));
        assertCode(SignInUseCase.PROVIDER_FAILED, ErrorKind.UPSTREAM_FAILED);
        answers.put("token", new Answer(200, "{\"access_token\":\"at-1\",\"token_type\":\"Bearer\"}", 0));
        answers.put("userinfo", new Answer(500, "", 0));
        assertCode(SignInUseCase.PROVIDER_FAILED, ErrorKind.UPSTREAM_FAILED);
    }

    @Test
    void nonsenseFromTheProviderIsProviderFailed() {
        answers.put("token", new Answer(200, "this is not json", 0));
        assertCode(SignInUseCase.PROVIDER_FAILED, ErrorKind.UPSTREAM_FAILED);
        answers.put("token", new Answer(200, "{\"token_type\":\"Bearer\"}", 0));
        assertCode(SignInUseCase.PROVIDER_FAILED, ErrorKind.UPSTREAM_FAILED);
    }

    @Test
    void aSlowProviderIsATimeout() {
        provider = provider(Duration.ofMillis(500));
        answers.put("token", new Answer(200, "{\"access_token\":\"at-1\",\"token_type\":\"Bearer\"}", 5_000));
        assertCode(SignInUseCase.PROVIDER_TIMEOUT, ErrorKind.UPSTREAM_TIMEOUT); // a late answer would be a success
    }

    @Test
    void anUnreachableProviderIsProviderFailed() {
        server.stop(0);
        assertCode(SignInUseCase.PROVIDER_FAILED, ErrorKind.UPSTREAM_FAILED);
    }

    private void assertCode(String code, ErrorKind kind) {
        DomainException e = assertThrows(DomainException.class, () -> provider.verify("code-1"));
        assertEquals(code, e.code());
        assertEquals(kind, e.kind());
    }

    private void answer(HttpExchange exchange, String endpoint) throws IOException {
        try (exchange) {
            lastRequest.put(endpoint + ".body",
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            lastRequest.put(endpoint + ".authorization", authorization == null ? "" : authorization);
            Answer answer = answers.get(endpoint);
            if (answer.delayMs() > 0) {
                try {
                    Thread.sleep(answer.delayMs());
                } catch (InterruptedException e) {
                    return;
                }
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            boolean json = answer.body().startsWith("{");
            exchange.getResponseHeaders().set("Content-Type", json ? "application/json" : "text/html");
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
