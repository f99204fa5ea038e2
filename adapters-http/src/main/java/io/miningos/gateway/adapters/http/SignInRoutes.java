package io.miningos.gateway.adapters.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.miningos.gateway.application.identity.port.in.IssuedToken;
import io.miningos.gateway.application.identity.port.in.SignInCallback;
import io.miningos.gateway.application.identity.port.in.SignInUseCase;
import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.error.ErrorKind;
import io.miningos.gateway.domain.token.ClientIp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code GET /oauth/google} (or the configured start path) sends the browser to the identity provider;
 * {@code GET /oauth/google/callback} finishes the sign-in and sends the browser to the UI with
 * {@code ?authToken=<token>}, or with {@code ?error=ERR_...} on any failure — the callback never answers with
 * anything but that redirect. Without sign-in configuration both answer 501 {@code ERR_OAUTH_NOT_CONFIGURED}, or,
 * where the gateway hosts the UI, redirect to its sign-in page with {@code ?error=ERR_OAUTH_NOT_CONFIGURED}.
 */
public final class SignInRoutes implements RouteGroup {

    private static final Logger LOG = LoggerFactory.getLogger(SignInRoutes.class);
    public static final String DEFAULT_START_PATH = "/oauth/google";
    public static final String CALLBACK_PATH = "/oauth/google/callback";

    private final Optional<SignInUseCase> signIn;
    private final String startPath;
    private final URI uiUrl;
    private final ClientAddress clientAddress;

    private SignInRoutes(Optional<SignInUseCase> signIn, String startPath, URI uiUrl, ClientAddress clientAddress) {
        this.signIn = signIn;
        this.startPath = startPath;
        this.uiUrl = uiUrl;
        this.clientAddress = clientAddress;
    }

    /**
     * @param startPath where the sign-in starts ({@code startRedirectPath}); must not be the callback path
     * @param uiUrl     where the browser goes afterwards ({@code callbackUriUI})
     */
    public static SignInRoutes configured(SignInUseCase signIn, String startPath, URI uiUrl,
                                          ClientAddress clientAddress) {
        Objects.requireNonNull(signIn, "signIn");
        Objects.requireNonNull(uiUrl, "uiUrl");
        Objects.requireNonNull(clientAddress, "clientAddress");
        if (!isValidStartPath(startPath)) {
            throw new IllegalArgumentException("invalid sign-in start path: " + startPath);
        }
        return new SignInRoutes(Optional.of(signIn), startPath, uiUrl, clientAddress);
    }

    /** Both routes answer that sign-in is not configured (sites that hand out tokens with the CLI). */
    public static SignInRoutes notConfigured() {
        return new SignInRoutes(Optional.empty(), DEFAULT_START_PATH, null, null);
    }

    /**
     * Both routes send the browser back to {@code uiUrl} (the hosted UI's sign-in page) with
     * {@code ?error=ERR_OAUTH_NOT_CONFIGURED}, which the page shows, instead of a JSON error page.
     */
    public static SignInRoutes notConfigured(URI uiUrl) {
        return new SignInRoutes(Optional.empty(), DEFAULT_START_PATH, Objects.requireNonNull(uiUrl, "uiUrl"), null);
    }

    /** A start path is an absolute path of its own, outside {@code /auth/} (which needs a token). */
    public static boolean isValidStartPath(String path) {
        return path != null && path.matches("(/[A-Za-z0-9._~-]+)+") && !path.startsWith("/auth/")
                && !path.equals(CALLBACK_PATH);
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(startPath, this::start);
        routes.get(CALLBACK_PATH, this::callback);
    }

    private void start(Context ctx) {
        if (notConfiguredBackToUi(ctx)) {
            return;
        }
        URI providerPage = configuredSignIn().begin();
        ctx.header("Cache-Control", "no-store");
        ctx.redirect(providerPage.toString(), HttpStatus.FOUND);
    }

    private void callback(Context ctx) {
        if (notConfiguredBackToUi(ctx)) {
            return;
        }
        SignInUseCase useCase = configuredSignIn();
        String location;
        try {
            ClientIp ip = ClientIp.parse(clientAddress.of(ctx));
            IssuedToken issued = useCase.complete(new SignInCallback(param(ctx, "state"), param(ctx, "code"),
                    param(ctx, "error"), ip));
            location = withParameter(uiUrl, "authToken", issued.text());
        } catch (DomainException e) {
            location = withParameter(uiUrl, "error", e.code());
        } catch (RuntimeException e) {
            String incident = UUID.randomUUID().toString();
            LOG.error("unexpected failure {} in the sign-in callback", incident, e);
            location = withParameter(uiUrl, "error", ErrorResponses.INTERNAL);
        }
        // The token travels in this URL: keep it out of caches and out of the Referer of the next request.
        ctx.header("Cache-Control", "no-store");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.redirect(location, HttpStatus.FOUND);
    }

    private boolean notConfiguredBackToUi(Context ctx) {
        if (signIn.isPresent() || uiUrl == null) {
            return false;
        }
        ctx.header("Cache-Control", "no-store");
        ctx.redirect(withParameter(uiUrl, "error", SignInUseCase.NOT_CONFIGURED), HttpStatus.FOUND);
        return true;
    }

    private SignInUseCase configuredSignIn() {
        return signIn.orElseThrow(() -> new DomainException(ErrorKind.NOT_CONFIGURED, SignInUseCase.NOT_CONFIGURED));
    }

    private static Optional<String> param(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** {@code base} with one more query parameter, encoded, before any fragment. */
    static String withParameter(URI base, String name, String value) {
        String text = base.toString();
        int hash = text.indexOf('#');
        String head = hash < 0 ? text : text.substring(0, hash);
        String fragment = hash < 0 ? "" : text.substring(hash);
        String separator = head.indexOf('?') < 0 ? "?" : head.endsWith("?") || head.endsWith("&") ? "" : "&";
        return head + separator + URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8) + fragment;
    }
}
