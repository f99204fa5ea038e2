package io.miningos.gateway.adapters.http.oauth;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How to reach an OAuth2 / OpenID Connect provider as a registered client.
 *
 * @param clientId              the client id registered with the provider
 * @param clientSecret          its secret; never logged
 * @param redirectUri           the gateway's callback as registered with the provider ({@code callbackUri})
 * @param authorizationEndpoint where the browser signs in
 * @param tokenEndpoint         where the gateway exchanges the code
 * @param userinfoEndpoint      where the gateway reads the verified e-mail (OpenID Connect userinfo)
 * @param timeout               connect and read timeout of each call to the provider
 */
public record OAuth2ProviderSettings(String clientId, String clientSecret, URI redirectUri, URI authorizationEndpoint,
                                     URI tokenEndpoint, URI userinfoEndpoint, Duration timeout) {

    public static final URI GOOGLE_AUTHORIZATION_ENDPOINT = URI.create("https://accounts.google.com/o/oauth2/v2/auth");
    public static final URI GOOGLE_TOKEN_ENDPOINT = URI.create("https://oauth2.googleapis.com/token");
    public static final URI GOOGLE_USERINFO_ENDPOINT = URI.create("https://openidconnect.googleapis.com/v1/userinfo");
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public OAuth2ProviderSettings {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("clientId must not be blank");
        }
        if (clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalArgumentException("clientSecret must not be blank");
        }
        requireHttpUrl(redirectUri, "redirectUri");
        requireHttpUrl(authorizationEndpoint, "authorizationEndpoint");
        requireHttpUrl(tokenEndpoint, "tokenEndpoint");
        requireHttpUrl(userinfoEndpoint, "userinfoEndpoint");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    /** True for an absolute {@code http} or {@code https} URL with a host. */
    public static boolean isHttpUrl(URI uri) {
        if (uri == null || !uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null) {
            return false;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https");
    }

    private static void requireHttpUrl(URI uri, String name) {
        if (!isHttpUrl(uri)) {
            throw new IllegalArgumentException(name + " must be an absolute http(s) URL: " + uri);
        }
    }

    @Override
    public String toString() {
        return "OAuth2ProviderSettings[clientId=" + clientId + ", redirectUri=" + redirectUri + ", authorizationEndpoint="
                + authorizationEndpoint + ", tokenEndpoint=" + tokenEndpoint + ", userinfoEndpoint=" + userinfoEndpoint
                + ", timeout=" + timeout + "]";
    }
}
