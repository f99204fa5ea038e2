package io.miningos.gateway.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.miningos.gateway.adapters.persistence.SqliteDatabase;
import io.miningos.gateway.domain.testing.MutableClock;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole sign-in through real sockets: the gateway as {@code serve} builds it (configuration folder read by
 * {@link ConfigLoader}, SQLite in a temporary data folder) and an OAuth2 provider on loopback. The browser is a
 * {@link HttpClient} that follows the redirects, or steps through them where a test needs to see each hop.
 */
class SignInEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPERATOR = "operator@example.com";
    private static final Instant START = Instant.parse("2025-03-01T10:00:00Z");

    @TempDir
    Path configDir;
    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(START);
    private LoopbackOidcProvider provider;
    private Gateway gateway;
    private int port;
    private final HttpClient browser = browser(HttpClient.Redirect.NORMAL);
    private final HttpClient stepping = browser(HttpClient.Redirect.NEVER);

    @BeforeEach
    void start() throws IOException {
        provider = new LoopbackOidcProvider();
        port = freeLoopbackPort();
        String callback = "http://127.0.0.1:" + port + "/oauth/google/callback";
        provider.registerRedirectUri(callback);
        writeConfig(callback);
        gateway = Gateway.open(ConfigLoader.load(Optional.of(configDir)), dataDir, clock);
        gateway.serve(port);
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        provider.close();
    }

    @Test
    void aListedUserSignsInAndTheTokenWorksFromTheirAddress() throws Exception {
        provider.consentAs(OPERATOR);
        HttpResponse<String> landed = browse("/oauth/google");

        assertEquals(200, landed.statusCode());
        assertEquals(provider.base().resolve("/ui").getPath(), landed.uri().getPath());
        Map<String, String> ui = LoopbackOidcProvider.query(landed.uri().getRawQuery());
        assertEquals("overview", ui.get("page"), "the configured UI URL's own parameters stay");
        String token = ui.get("authToken");
        assertNotNull(token, "the UI got a token: " + landed.uri());
        assertTrue(token.matches("pub:api:[0-9a-f]{32}-\\d+-roles:site_operator"), token);

        HttpResponse<String> me = stepping.send(HttpRequest.newBuilder(gatewayUrl("/auth/userinfo"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, me.statusCode(), me.body());
        JsonNode info = JSON.readTree(me.body());
        assertEquals(OPERATOR, info.get("email").asText());
        assertEquals(86_400, info.get("ttl").asLong(), "the sign-in lifetime");
        // the UI's header shows metadata.name and metadata.picture (Views/Layout/Layout.tsx)
        JsonNode metadata = info.get("metadata");
        assertEquals(LoopbackOidcProvider.displayName(OPERATOR), metadata.get("name").asText());
        assertEquals(LoopbackOidcProvider.givenName(OPERATOR), metadata.get("given_name").asText());
        assertEquals(LoopbackOidcProvider.pictureOf(OPERATOR), metadata.get("picture").asText());

        gateway.activity().flush();
        assertEquals(START.toEpochMilli(), lastActiveOf(OPERATOR));
    }

    @Test
    void eachHopOfTheFlowIsWhatTheProviderAndTheUiExpect() throws Exception {
        provider.consentAs(OPERATOR);
        HttpResponse<String> start = step(gatewayUrl("/oauth/google"));
        assertEquals(302, start.statusCode());
        URI authorize = location(start);
        assertEquals(provider.base().resolve("/authorize").toString(),
                authorize.toString().substring(0, authorize.toString().indexOf('?')));
        Map<String, String> request = LoopbackOidcProvider.query(authorize.getRawQuery());
        assertEquals(LoopbackOidcProvider.CLIENT_ID, request.get("client_id"));
        assertEquals("code", request.get("response_type"));
        assertEquals("openid email profile", request.get("scope"));
        assertEquals("http://127.0.0.1:" + port + "/oauth/google/callback", request.get("redirect_uri"));
        String state = request.get("state");
        assertEquals(3, state.split("\\.").length, "a signed JWT");

        URI callback = location(step(authorize));
        assertEquals("/oauth/google/callback", callback.getPath());
        assertEquals(state, LoopbackOidcProvider.query(callback.getRawQuery()).get("state"));

        HttpResponse<String> finish = step(callback);
        assertEquals(302, finish.statusCode());
        assertEquals("no-store", finish.headers().firstValue("Cache-Control").orElseThrow());
        URI ui = location(finish);
        assertTrue(ui.toString().startsWith(provider.base() + "/ui?page=overview&authToken=pub%3Aapi%3A"), ui.toString());

        HttpResponse<String> replay = step(callback);
        assertEquals(uiError("ERR_INVALID_STATE"), location(replay).toString(), "a state works once");
        assertEquals(1, tokenCount());
    }

    @Test
    void anEmailThatIsNoUserGetsNoToken() throws Exception {
        provider.consentAs("stranger@example.com");
        HttpResponse<String> landed = browse("/oauth/google");

        assertEquals(uiError("ERR_USER_INVALID"), landed.uri().toString());
        assertEquals(1, provider.tokenCalls());
        assertEquals(0, tokenCount());
    }

    @Test
    void deniedConsentIsAuthFail() throws Exception {
        provider.denyConsent();
        HttpResponse<String> landed = browse("/oauth/google");

        assertEquals(uiError("ERR_AUTH_FAIL"), landed.uri().toString());
        assertEquals(0, provider.tokenCalls(), "nothing to exchange");
        assertEquals(0, tokenCount());
    }

    @Test
    void aForgedStateIsRefusedBeforeTheCodeIsUsed() throws Exception {
        provider.consentAs(OPERATOR);
        URI authorize = location(step(gatewayUrl("/oauth/google")));
        String state = LoopbackOidcProvider.query(authorize.getRawQuery()).get("state");
        String[] parts = state.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        URI tampered = URI.create(authorize.toString().replace("state=" + state, "state=" + forged));

        HttpResponse<String> landed = browser.send(request(tampered),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(uiError("ERR_INVALID_STATE"), landed.uri().toString());
        assertEquals(0, provider.tokenCalls());
        assertEquals(0, tokenCount());
    }

    @Test
    void aCallbackWithoutStateIsRefused() throws Exception {
        HttpResponse<String> landed = browse("/oauth/google/callback?code=anything");
        assertEquals(uiError("ERR_INVALID_STATE"), landed.uri().toString());
        assertEquals(0, provider.tokenCalls());
    }

    @Test
    void aStateOlderThanItsLifetimeIsRefused() throws Exception {
        provider.consentAs(OPERATOR);
        URI authorize = location(step(gatewayUrl("/oauth/google")));
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        HttpResponse<String> landed = browser.send(request(authorize),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(uiError("ERR_INVALID_STATE"), landed.uri().toString());
        assertEquals(0, provider.tokenCalls());
        assertEquals(0, tokenCount());
    }

    @Test
    void aFailingProviderIsReportedToTheUi() throws Exception {
        provider.consentAs(OPERATOR);
        provider.tokenEndpoint(LoopbackOidcProvider.TokenEndpoint.FAILS);
        HttpResponse<String> landed = browse("/oauth/google");

        assertEquals(uiError("ERR_OAUTH_PROVIDER_FAILED"), landed.uri().toString());
        assertEquals(0, tokenCount());
    }

    @Test
    void aHangingProviderIsReportedToTheUiAsATimeout() throws Exception {
        provider.consentAs(OPERATOR);
        provider.tokenEndpoint(LoopbackOidcProvider.TokenEndpoint.HANGS);
        HttpResponse<String> landed = browse("/oauth/google");

        assertEquals(uiError("ERR_OAUTH_PROVIDER_TIMEOUT"), landed.uri().toString());
        assertEquals(0, tokenCount());
    }

    @Test
    void theNodeUsersListWasMigratedAtFirstStartOnly() throws Exception {
        assertEquals("site_operator", roleOf(OPERATOR));
        assertEquals("read_only_user", roleOf("viewer@example.com"));

        gateway.close();
        writeConfig("http://127.0.0.1:" + port + "/oauth/google/callback");
        Files.writeString(configDir.resolve("facs/httpd-oauth2.config.json"), Files.readString(
                configDir.resolve("facs/httpd-oauth2.config.json")).replace("viewer@example.com", "late@example.com"));
        gateway = Gateway.open(ConfigLoader.load(Optional.of(configDir)), dataDir, clock);
        assertEquals(null, roleOf("late@example.com"), "the site has users now: no second migration");
    }

    @Test
    void withoutSignInConfigurationTheRoutesSaySo() throws Exception {
        gateway.close();
        Files.delete(configDir.resolve("facs/httpd-oauth2.config.json"));
        Path freshData = dataDir.resolve("fresh");
        gateway = Gateway.open(ConfigLoader.load(Optional.of(configDir)), freshData, clock);
        gateway.serve(port);

        HttpResponse<String> response = step(gatewayUrl("/oauth/google"));
        assertEquals(501, response.statusCode());
        assertEquals(Map.of("statusCode", 501, "error", "Not Implemented", "message", "ERR_OAUTH_NOT_CONFIGURED"),
                JSON.readValue(response.body(), Map.class));
        assertEquals(501, step(gatewayUrl("/oauth/google/callback?state=x&code=y")).statusCode());
        assertFalse(Files.exists(freshData.resolve("oauth-state.key")), "no key for a feature that is off");
    }

    private void writeConfig(String callback) throws IOException {
        Files.createDirectories(configDir.resolve("facs"));
        Files.writeString(configDir.resolve("common.json"), """
                {"site": "e2e-site", "gateway": {"host": "127.0.0.1"}}
                """);
        // The Node gateway's file as a site has it (h1 included), plus our endpoint overrides under h0.gateway.
        Files.writeString(configDir.resolve("facs/httpd-oauth2.config.json"), """
                {
                  "h0": {
                    "method": "google",
                    "credentials": {"client": {"id": "%1$s", "secret": "%2$s"}},
                    "startRedirectPath": "/oauth/google",
                    "callbackUri": "%3$s",
                    "callbackUriUI": "%4$s/ui?page=overview",
                    "users": [{"email": "Operator@Example.com", "write": true, "caps": ["m", "c"]},
                              {"email": "viewer@example.com", "write": false}],
                    "gateway": {
                      "authorizationEndpoint": "%4$s/authorize",
                      "tokenEndpoint": "%4$s/token",
                      "userinfoEndpoint": "%4$s/userinfo",
                      "providerTimeoutMs": 300
                    }
                  },
                  "h1": {"method": "microsoft", "credentials": {"client": {"id": "x", "secret": "y"}, "tenant": ""}}
                }
                """.formatted(LoopbackOidcProvider.CLIENT_ID, LoopbackOidcProvider.CLIENT_SECRET, callback,
                provider.base()));
    }

    private HttpResponse<String> browse(String path) throws Exception {
        return browser.send(request(gatewayUrl(path)), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> step(URI uri) throws Exception {
        return stepping.send(request(uri), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build();
    }

    private URI gatewayUrl(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private String uiError(String code) {
        return provider.base() + "/ui?page=overview&error=" + code;
    }

    private static URI location(HttpResponse<?> response) {
        return URI.create(response.headers().firstValue("Location").orElseThrow(
                () -> new AssertionError("no redirect: " + response.statusCode())));
    }

    private int tokenCount() {
        try (SqliteDatabase db = SqliteDatabase.open(dataDir)) {
            return db.dsl().fetchCount(DSL.table("tokens"));
        }
    }

    private String roleOf(String email) {
        try (SqliteDatabase db = SqliteDatabase.open(dataDir)) {
            return db.dsl().select(DSL.field("role", String.class)).from("users")
                    .where(DSL.field("email").eq(email)).fetchOne(0, String.class);
        }
    }

    private Long lastActiveOf(String email) {
        try (SqliteDatabase db = SqliteDatabase.open(dataDir)) {
            return db.dsl().select(DSL.field("last_active_at", Long.class)).from("users")
                    .where(DSL.field("email").eq(email)).fetchOne(0, Long.class);
        }
    }

    private static HttpClient browser(HttpClient.Redirect redirects) {
        return HttpClient.newBuilder().followRedirects(redirects).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
