package io.miningos.gateway.bootstrap;

import io.miningos.gateway.adapters.http.oauth.OAuth2ProviderSettings;
import io.miningos.gateway.application.identity.port.in.ListedUser;
import io.miningos.gateway.domain.user.Email;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignInConfigReaderTest {

    /** The Node gateway's example file, unchanged. */
    private static final String NODE_EXAMPLE = """
            {
              "h0": {
                "method": "google",
                "credentials": {
                  "client": {
                    "id": "<CLIENT_ID>",
                    "secret": "<CLIENT_SECRET>"
                  }
                },
                "startRedirectPath": "/oauth/google",
                "callbackUri": "http://localhost:3000/oauth/google/callback",
                "callbackUriUI": "http://localhost:3000",
                 "users": []
              },
              "h1": {
                "method": "microsoft",
                "credentials": {
                  "client": {
                    "id": "<CLIENT_ID>",
                    "secret": "<CLIENT_SECRET>"
                  },
                  "tenant":""
                },
                "startRedirectPath": "/oauth/microsoft",
                "callbackUri": "http://localhost:3000/oauth/microsoft/callback",
                "callbackUriUI": "http://localhost:3000",
                "users": []
              }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void theNodeExampleFileIsReadAsItIs() throws IOException {
        SignInConfig config = read(NODE_EXAMPLE).orElseThrow();

        assertEquals("<CLIENT_ID>", config.clientId());
        assertEquals("<CLIENT_SECRET>", config.clientSecret());
        assertEquals("/oauth/google", config.startPath());
        assertEquals(URI.create("http://localhost:3000/oauth/google/callback"), config.callbackUri());
        assertEquals(URI.create("http://localhost:3000"), config.uiUri());
        assertEquals(List.of(), config.users());
        assertEquals(OAuth2ProviderSettings.GOOGLE_AUTHORIZATION_ENDPOINT, config.authorizationEndpoint());
        assertEquals(OAuth2ProviderSettings.GOOGLE_TOKEN_ENDPOINT, config.tokenEndpoint());
        assertEquals(OAuth2ProviderSettings.GOOGLE_USERINFO_ENDPOINT, config.userinfoEndpoint());
        assertEquals(Optional.empty(), config.stateSecret());
        assertEquals(600, config.stateTtlSeconds());
        assertEquals(10_000, config.providerTimeoutMs());
        assertFalse(config.toString().contains("<CLIENT_SECRET>"), "the secret stays out of logs");
    }

    @Test
    void listedUsersAndOurOverridesAreRead() throws IOException {
        SignInConfig config = read("""
                {"h0": {"method": "google", "credentials": {"client": {"id": "i", "secret": "s"}},
                  "callbackUri": "https://mine.example/oauth/google/callback",
                  "callbackUriUI": "https://mine.example/ui",
                  "users": [{"email": "Ops@Example.com", "write": true, "caps": ["m", "c", "r"]},
                            {"email": "viewer@example.com"}],
                  "gateway": {"authorizationEndpoint": "https://idp.example/auth",
                              "tokenEndpoint": "https://idp.example/token",
                              "userinfoEndpoint": "https://idp.example/me",
                              "stateSecret": "a-state-secret-of-at-least-32-characters",
                              "stateTtlSeconds": 300, "providerTimeoutMs": 2500}}}
                """).orElseThrow();

        assertEquals("/oauth/google", config.startPath(), "the default start path");
        assertEquals(List.of(new ListedUser(new Email("ops@example.com"), true),
                new ListedUser(new Email("viewer@example.com"), false)), config.users());
        assertEquals(URI.create("https://idp.example/auth"), config.authorizationEndpoint());
        assertEquals(URI.create("https://idp.example/token"), config.tokenEndpoint());
        assertEquals(URI.create("https://idp.example/me"), config.userinfoEndpoint());
        assertEquals(Optional.of("a-state-secret-of-at-least-32-characters"), config.stateSecret());
        assertEquals(300, config.stateTtlSeconds());
        assertEquals(2500, config.providerTimeoutMs());
    }

    @Test
    void noFileOrOnlyMicrosoftMeansNotConfigured() throws IOException {
        assertEquals(Optional.empty(), SignInConfigReader.read(dir));
        assertEquals(Optional.empty(), read("""
                {"h1": {"method": "microsoft"}}
                """));
    }

    @Test
    void mistakesStopTheStartNamingTheKey() {
        assertRefused("h0.tenant: unknown key", """
                {"h0": {"method": "google", "credentials": {"client": {"id": "i", "secret": "s"}},
                  "callbackUri": "http://a.example/oauth/google/callback", "callbackUriUI": "http://a.example",
                  "tenant": ""}}
                """);
        assertRefused("h2: unknown key", """
                {"h2": {}}
                """);
        assertRefused("h0.method: only \"google\" is supported", """
                {"h0": {"method": "microsoft", "credentials": {"client": {"id": "i", "secret": "s"}},
                  "callbackUri": "http://a.example/cb", "callbackUriUI": "http://a.example"}}
                """);
        assertRefused("h0.credentials.client.secret: missing", """
                {"h0": {"method": "google", "credentials": {"client": {"id": "i"}},
                  "callbackUri": "http://a.example/cb", "callbackUriUI": "http://a.example"}}
                """);
        assertRefused("h0.callbackUri: must be an absolute http(s) URL", """
                {"h0": {"method": "google", "credentials": {"client": {"id": "i", "secret": "s"}},
                  "callbackUri": "/oauth/google/callback", "callbackUriUI": "http://a.example"}}
                """);
        assertRefused("h0.callbackUriUI: missing", """
                {"h0": {"method": "google", "credentials": {"client": {"id": "i", "secret": "s"}},
                  "callbackUri": "http://a.example/oauth/google/callback"}}
                """);
        assertRefused("h0.startRedirectPath: must be a path", """
                {"h0": {"method": "google", "credentials": {"client": {"id": "i", "secret": "s"}},
                  "startRedirectPath": "/auth/google",
                  "callbackUri": "http://a.example/oauth/google/callback", "callbackUriUI": "http://a.example"}}
                """);
        assertRefused("h0.users[1].email: not a valid e-mail address", """
                {"h0": {"method": "google", "credentials": {"client": {"id": "i", "secret": "s"}},
                  "callbackUri": "http://a.example/oauth/google/callback", "callbackUriUI": "http://a.example",
                  "users": [{"email": "a@example.com"}, {"email": "nobody"}]}}
                """);
        assertRefused("h0.users[0].write: must be", """
                {"h0": {"method": "google", "credentials": {"client": {"id": "i", "secret": "s"}},
                  "callbackUri": "http://a.example/oauth/google/callback", "callbackUriUI": "http://a.example",
                  "users": [{"email": "a@example.com", "write": "yes"}]}}
                """);
        assertRefused("h0.gateway.stateSecret: must be at least 32 characters", """
                {"h0": {"method": "google", "credentials": {"client": {"id": "i", "secret": "s"}},
                  "callbackUri": "http://a.example/oauth/google/callback", "callbackUriUI": "http://a.example",
                  "gateway": {"stateSecret": "short"}}}
                """);
        assertRefused("h0.gateway.tokenEndpoint: must be an absolute http(s) URL", """
                {"h0": {"method": "google", "credentials": {"client": {"id": "i", "secret": "s"}},
                  "callbackUri": "http://a.example/oauth/google/callback", "callbackUriUI": "http://a.example",
                  "gateway": {"tokenEndpoint": "ftp://idp.example/token"}}}
                """);
    }

    @Test
    void theConfigFolderCarriesSignInIntoTheGatewayConfig() throws IOException {
        Files.writeString(dir.resolve("common.json"), "{}");
        assertEquals(Optional.empty(), ConfigLoader.load(Optional.of(dir)).signIn());
        write(NODE_EXAMPLE);
        assertEquals("<CLIENT_ID>", ConfigLoader.load(Optional.of(dir)).signIn().orElseThrow().clientId());
        assertEquals(Optional.empty(), ConfigLoader.embeddedDefault().signIn());
    }

    private Optional<SignInConfig> read(String json) throws IOException {
        write(json);
        return SignInConfigReader.read(dir);
    }

    private void write(String json) throws IOException {
        Files.createDirectories(dir.resolve("facs"));
        Files.writeString(dir.resolve(SignInConfigReader.FILE), json);
    }

    private void assertRefused(String expected, String json) {
        ConfigException e = assertThrows(ConfigException.class, () -> read(json));
        assertTrue(e.getMessage().startsWith(SignInConfigReader.FILE + ": " + expected), e.getMessage());
    }
}
