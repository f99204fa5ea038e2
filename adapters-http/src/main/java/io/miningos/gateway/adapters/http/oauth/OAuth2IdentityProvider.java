package io.miningos.gateway.adapters.http.oauth;

import com.google.api.client.auth.oauth2.AuthorizationCodeRequestUrl;
import com.google.api.client.auth.oauth2.AuthorizationCodeTokenRequest;
import com.google.api.client.auth.oauth2.TokenResponse;
import com.google.api.client.auth.oauth2.TokenResponseException;
import com.google.api.client.http.BasicAuthentication;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpResponse;
import com.google.api.client.http.HttpResponseException;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.GenericJson;
import com.google.api.client.json.JsonFactory;
import com.google.api.client.json.gson.GsonFactory;
import io.miningos.gateway.application.identity.port.in.SignInUseCase;
import io.miningos.gateway.application.identity.port.out.IdentityProvider;
import io.miningos.gateway.application.identity.port.out.VerifiedIdentity;
import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.error.ErrorCodes;
import io.miningos.gateway.domain.error.ErrorKind;
import io.miningos.gateway.domain.user.Email;
import io.miningos.gateway.domain.user.ProviderProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.util.List;

/**
 * An OAuth2 authorization-code client of an OpenID Connect provider (Google by default) on google-oauth-client:
 * the browser is sent to the authorization endpoint asking for {@code openid email profile}; the code is exchanged
 * at the token endpoint (client secret sent as HTTP Basic), and the e-mail is read from the userinfo endpoint,
 * accepted only when the provider says it is verified, with the name, given name and picture it sends along.
 *
 * <p>Failures are told apart for the person signing in: a refusal by the provider (4xx, no verified e-mail) is
 * {@code ERR_AUTH_FAIL}; a provider that fails (5xx, unreachable, nonsense) or is too slow is
 * {@link SignInUseCase#PROVIDER_FAILED} or {@link SignInUseCase#PROVIDER_TIMEOUT}. Neither the code nor any
 * provider token is ever logged.
 */
public final class OAuth2IdentityProvider implements IdentityProvider {

    private static final Logger LOG = LoggerFactory.getLogger(OAuth2IdentityProvider.class);
    static final List<String> SCOPES = List.of("openid", "email", "profile");

    private final OAuth2ProviderSettings settings;
    private final HttpTransport transport;
    private final JsonFactory json = GsonFactory.getDefaultInstance();

    public OAuth2IdentityProvider(OAuth2ProviderSettings settings) {
        this.settings = settings;
        this.transport = new NetHttpTransport();
    }

    @Override
    public URI authorizationUrl(String state) {
        return URI.create(new AuthorizationCodeRequestUrl(settings.authorizationEndpoint().toString(),
                settings.clientId())
                .setRedirectUri(settings.redirectUri().toString())
                .setScopes(SCOPES)
                .setState(state)
                .build());
    }

    @Override
    public VerifiedIdentity verify(String authorizationCode) {
        String accessToken = exchange(authorizationCode);
        GenericJson info = userinfo(accessToken);
        Object email = info.get("email");
        if (!(email instanceof String text) || text.isBlank()) {
            LOG.info("sign-in refused: the identity provider returned no e-mail address");
            throw refused();
        }
        if (!isVerified(info)) {
            LOG.info("sign-in refused: the identity provider has not verified the e-mail address");
            throw refused();
        }
        try {
            return new VerifiedIdentity(Email.parse(text),
                    ProviderProfile.of(info.get("name"), info.get("given_name"), info.get("picture")));
        } catch (DomainException e) {
            LOG.info("sign-in refused: the identity provider returned an e-mail address this gateway cannot use");
            throw refused();
        }
    }

    private String exchange(String code) {
        TokenResponse response;
        try {
            response = new AuthorizationCodeTokenRequest(transport, json,
                    new GenericUrl(settings.tokenEndpoint().toString()), code)
                    .setRedirectUri(settings.redirectUri().toString())
                    .setClientAuthentication(new BasicAuthentication(settings.clientId(), settings.clientSecret()))
                    .setRequestInitializer(this::limit)
                    .execute();
        } catch (TokenResponseException e) {
            String error = e.getDetails() == null ? null : e.getDetails().getError();
            throw answered("token", e.getStatusCode(), error);
        } catch (IOException | RuntimeException e) {
            throw unusable("token", e);
        }
        String accessToken = response.getAccessToken();
        if (accessToken == null || accessToken.isBlank()) {
            LOG.warn("identity provider token endpoint answered without an access token");
            throw failed();
        }
        return accessToken;
    }

    private GenericJson userinfo(String accessToken) {
        try {
            HttpRequest request = transport.createRequestFactory(this::limit)
                    .buildGetRequest(new GenericUrl(settings.userinfoEndpoint().toString()));
            request.getHeaders().setAuthorization("Bearer " + accessToken);
            request.getHeaders().setAccept("application/json");
            request.setParser(json.createJsonObjectParser());
            HttpResponse response = request.execute();
            try {
                return response.parseAs(GenericJson.class);
            } finally {
                response.disconnect();
            }
        } catch (HttpResponseException e) {
            throw answered("userinfo", e.getStatusCode(), null);
        } catch (IOException | RuntimeException e) {
            throw unusable("userinfo", e);
        }
    }

    /**
     * Every call: bounded in time, never retried, never redirected elsewhere. (No write timeout: the requests are a
     * few hundred bytes, and the library would spend a thread per request on it.)
     */
    private void limit(HttpRequest request) {
        int ms = (int) settings.timeout().toMillis();
        request.setConnectTimeout(ms).setReadTimeout(ms);
        request.setNumberOfRetries(0);
        request.setFollowRedirects(false);
    }

    private static boolean isVerified(GenericJson info) {
        // OpenID Connect says email_verified; Google's older v2 userinfo says verified_email.
        Object flag = info.containsKey("email_verified") ? info.get("email_verified") : info.get("verified_email");
        return Boolean.TRUE.equals(flag) || "true".equals(flag);
    }

    private static DomainException answered(String endpoint, int status, String error) {
        if (status >= 500 || status == 429) {
            LOG.warn("identity provider {} endpoint failed with HTTP {}", endpoint, status);
            return failed();
        }
        LOG.info("identity provider {} endpoint refused with HTTP {}{}", endpoint, status,
                error == null ? "" : " (" + error.replaceAll("[^A-Za-z0-9_.-]", "?") + ")");
        return refused();
    }

    private static DomainException unusable(String endpoint, Exception e) {
        if (e instanceof InterruptedIOException) { // a SocketTimeoutException: connect or read took too long
            LOG.warn("identity provider {} endpoint did not answer in time", endpoint);
            return new DomainException(ErrorKind.UPSTREAM_TIMEOUT, SignInUseCase.PROVIDER_TIMEOUT);
        }
        LOG.warn("identity provider {} endpoint unusable: {}", endpoint, e.toString());
        return failed();
    }

    private static DomainException refused() {
        return DomainException.unauthenticated(ErrorCodes.AUTH_FAIL, null);
    }

    private static DomainException failed() {
        return new DomainException(ErrorKind.UPSTREAM_FAILED, SignInUseCase.PROVIDER_FAILED);
    }
}
