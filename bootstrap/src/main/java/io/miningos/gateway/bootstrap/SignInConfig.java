package io.miningos.gateway.bootstrap;

import io.miningos.gateway.application.identity.port.in.ListedUser;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Google sign-in, from {@code facs/httpd-oauth2.config.json} (section {@code h0}) as a Node gateway site has it,
 * plus our additions under {@code h0.gateway}.
 *
 * @param clientId              {@code h0.credentials.client.id}
 * @param clientSecret          {@code h0.credentials.client.secret}
 * @param startPath             {@code h0.startRedirectPath}: where the sign-in starts
 * @param callbackUri           {@code h0.callbackUri}: the gateway's callback as registered with the provider
 * @param uiUri                 {@code h0.callbackUriUI}: where the browser goes with the token or the error
 * @param users                 {@code h0.users}: people to create at first start
 * @param authorizationEndpoint {@code h0.gateway.authorizationEndpoint} (Google's by default)
 * @param tokenEndpoint         {@code h0.gateway.tokenEndpoint} (Google's by default)
 * @param userinfoEndpoint      {@code h0.gateway.userinfoEndpoint} (Google's by default)
 * @param stateSecret           {@code h0.gateway.stateSecret}; without it a key is kept in the data folder
 * @param stateTtlSeconds       {@code h0.gateway.stateTtlSeconds}: how long a started sign-in may take
 * @param providerTimeoutMs     {@code h0.gateway.providerTimeoutMs}: per call to the provider
 */
public record SignInConfig(String clientId, String clientSecret, String startPath, URI callbackUri, URI uiUri,
                           List<ListedUser> users, URI authorizationEndpoint, URI tokenEndpoint,
                           URI userinfoEndpoint, Optional<String> stateSecret, long stateTtlSeconds,
                           long providerTimeoutMs) {

    public SignInConfig {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(startPath, "startPath");
        Objects.requireNonNull(callbackUri, "callbackUri");
        Objects.requireNonNull(uiUri, "uiUri");
        users = List.copyOf(users);
        Objects.requireNonNull(authorizationEndpoint, "authorizationEndpoint");
        Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
        Objects.requireNonNull(userinfoEndpoint, "userinfoEndpoint");
        Objects.requireNonNull(stateSecret, "stateSecret");
    }

    @Override
    public String toString() {
        return "SignInConfig[clientId=" + clientId + ", startPath=" + startPath + ", callbackUri=" + callbackUri
                + ", uiUri=" + uiUri + ", users=" + users.size() + ", authorizationEndpoint=" + authorizationEndpoint
                + ", tokenEndpoint=" + tokenEndpoint + ", userinfoEndpoint=" + userinfoEndpoint + "]";
    }
}
