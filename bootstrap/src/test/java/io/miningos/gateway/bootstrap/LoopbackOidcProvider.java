package io.miningos.gateway.bootstrap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small OAuth2 / OpenID Connect provider on a loopback socket, strict the way Google is: the authorization
 * endpoint checks the client, redirect URI, scopes and state and redirects back like a consent screen would; the
 * token endpoint checks client credentials, grant type and redirect URI and honours each code once; the userinfo
 * endpoint answers the access token's person. It also serves the "UI" page the gateway finally redirects to.
 */
final class LoopbackOidcProvider implements AutoCloseable {

    static final String CLIENT_ID = "gateway-test-client";
    static final String CLIENT_SECRET = "gateway-test-secret";
    /** Far longer than the gateway waits in these tests, and still bounded. */
    private static final long HANG_MS = 3_000;

    /** What the token endpoint does with the next exchanges. */
    enum TokenEndpoint { ANSWERS, FAILS, HANGS }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, String> emailByCode = new ConcurrentHashMap<>();
    private final Map<String, String> emailByAccessToken = new ConcurrentHashMap<>();
    private final List<Map<String, String>> uiVisits = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokenCalls = new AtomicInteger();
    private volatile String redirectUri;
    private volatile String consentingEmail;
    private volatile TokenEndpoint tokenEndpoint = TokenEndpoint.ANSWERS;

    LoopbackOidcProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.createContext("/userinfo", this::userinfo);
        server.createContext("/ui", this::ui);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The gateway callback registered for the client. */
    void registerRedirectUri(String uri) {
        this.redirectUri = uri;
    }

    /** The person at the consent screen agrees and is signed in with this e-mail. */
    void consentAs(String email) {
        this.consentingEmail = email;
    }

    /** The person at the consent screen says no. */
    void denyConsent() {
        this.consentingEmail = null;
    }

    void tokenEndpoint(TokenEndpoint behaviour) {
        this.tokenEndpoint = behaviour;
    }

    int tokenCalls() {
        return tokenCalls.get();
    }

    List<Map<String, String>> uiVisits() {
        return uiVisits;
    }

    private void authorize(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
            boolean valid = "code".equals(q.get("response_type")) && CLIENT_ID.equals(q.get("client_id"))
                    && redirectUri != null && redirectUri.equals(q.get("redirect_uri"))
                    && List.of(q.getOrDefault("scope", "").split(" ")).containsAll(List.of("openid", "email"))
                    && q.get("state") != null;
            if (!valid) {
                send(exchange, 400, "text/plain", "invalid authorization request");
                return;
            }
            String back;
            if (consentingEmail == null) {
                back = redirectUri + "?error=access_denied&state=" + enc(q.get("state"));
            } else {
                String code = "code-" + UUID.randomUUID();
                emailByCode.put(code, consentingEmail);
                back = redirectUri + "?state=" + enc(q.get("state")) + "&code=" + enc(code)
                        + "&scope=email%20openid&authuser=0&prompt=consent";
            }
            exchange.getResponseHeaders().set("Location", back);
            exchange.sendResponseHeaders(302, -1);
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            tokenCalls.incrementAndGet();
            Map<String, String> form = query(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            switch (tokenEndpoint) {
                case FAILS -> {
                    send(exchange, 500, "text/html", "<html>backend error</html>");
                    return;
                }
                case HANGS -> {
                    try {
                        Thread.sleep(HANG_MS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                case ANSWERS -> {
                }
            }
            String expectedAuth = "Basic " + Base64.getEncoder().encodeToString(
                    (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
            if (!expectedAuth.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, "application/json", "{\"error\":\"invalid_client\"}");
                return;
            }
            String email = form.get("code") == null ? null : emailByCode.remove(form.get("code"));
            if (!"authorization_code".equals(form.get("grant_type")) || email == null
                    || !redirectUri.equals(form.get("redirect_uri"))) {
                send(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}");
                return;
            }
            String accessToken = "at-" + UUID.randomUUID();
            emailByAccessToken.put(accessToken, email);
            send(exchange, 200, "application/json", "{\"access_token\":\"" + accessToken
                    + "\",\"token_type\":\"Bearer\",\"expires_in\":3599,\"scope\":\"openid email\"}");
        }
    }

    private void userinfo(HttpExchange exchange) throws IOException {
        try (exchange) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String email = authorization == null || !authorization.startsWith("Bearer ") ? null
                    : emailByAccessToken.get(authorization.substring("Bearer ".length()));
            if (email == null) {
                send(exchange, 401, "application/json", "{\"error\":\"invalid_token\"}");
                return;
            }
            // As Google's userinfo answers the scopes openid, email and profile.
            send(exchange, 200, "application/json", "{\"sub\":\"" + Math.abs(email.hashCode()) + "\",\"email\":\""
                    + email + "\",\"email_verified\":true,\"name\":\"" + displayName(email) + "\",\"given_name\":\""
                    + givenName(email) + "\",\"picture\":\"" + pictureOf(email) + "\"}");
        }
    }

    /** {@code site.operator@example.com} → {@code Site Operator}. */
    static String displayName(String email) {
        StringBuilder name = new StringBuilder();
        for (String part : email.substring(0, email.indexOf('@')).split("[._-]")) {
            if (!part.isEmpty()) {
                name.append(name.isEmpty() ? "" : " ").append(Character.toUpperCase(part.charAt(0)))
                        .append(part.substring(1));
            }
        }
        return name.toString();
    }

    static String givenName(String email) {
        return displayName(email).split(" ")[0];
    }

    static String pictureOf(String email) {
        return "https://pictures.example/" + Math.abs(email.hashCode()) + "=s96-c";
    }

    private void ui(HttpExchange exchange) throws IOException {
        try (exchange) {
            uiVisits.add(query(exchange.getRequestURI().getRawQuery()));
            send(exchange, 200, "text/html", "<html>the UI</html>");
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
