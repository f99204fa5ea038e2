package io.miningos.gateway.bootstrap;

import io.miningos.gateway.adapters.http.SignInRoutes;
import io.miningos.gateway.adapters.http.oauth.JwtSignInStates;
import io.miningos.gateway.adapters.http.oauth.OAuth2ProviderSettings;
import io.miningos.gateway.adapters.http.oauth.StateSigningKey;
import io.miningos.gateway.application.identity.port.in.ListedUser;
import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.user.Email;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code facs/httpd-oauth2.config.json} as a Node gateway site has it: section {@code h0} is Google
 * sign-in; section {@code h1} (Microsoft) is known but not supported and is ignored with a log line. Our own
 * settings live under {@code h0.gateway}. Unknown keys and invalid values stop the start, naming file and key.
 */
final class SignInConfigReader {

    static final String FILE = "facs/httpd-oauth2.config.json";
    static final long DEFAULT_STATE_TTL_SECONDS = JwtSignInStates.DEFAULT_TTL.toSeconds();

    private static final Logger LOG = LoggerFactory.getLogger(SignInConfigReader.class);

    private SignInConfigReader() {
    }

    /** The sign-in configuration of a config folder, or empty when the folder has no such file. */
    static Optional<SignInConfig> read(Path configDir) {
        return read(configDir, ConfigProblems.stopAtFirst());
    }

    /** As {@link #read(Path)}, noting the file's problems in {@code problems}. */
    static Optional<SignInConfig> read(Path configDir, ConfigProblems problems) {
        Path file = configDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return fromFile(ConfigLoader.read(file, FILE, problems));
    }

    static Optional<SignInConfig> fromFile(ConfigObject file) {
        if (file.has("h1")) {
            LOG.warn("{}: h1 (Microsoft sign-in) is not supported by this gateway and is ignored", FILE);
        }
        Optional<ConfigObject> h0 = file.object("h0");
        file.finish();
        if (h0.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(readGoogle(h0.get()));
    }

    /** Every problem of the section is noted before it is given up (not gathering, the first is thrown). */
    private static SignInConfig readGoogle(ConfigObject h0) {
        ConfigProblems problems = h0.problems();
        String method = h0.need("method", h0.string("method"), "missing (must be \"google\")");
        if (method != null && !method.equals("google")) {
            problems.report(h0.error("method", "only \"google\" is supported, not \"" + method + "\""));
        }
        ConfigObject credentials = h0.need("credentials", h0.object("credentials"), "missing");
        String clientId = null;
        String clientSecret = null;
        if (credentials != null) {
            ConfigObject client = credentials.need("client", credentials.object("client"), "missing");
            if (client != null) {
                clientId = client.need("id", client.string("id"), "missing");
                clientSecret = client.need("secret", client.string("secret"), "missing");
                client.finish();
            }
            credentials.finish();
        }

        String startPath = h0.string("startRedirectPath").orElse(SignInRoutes.DEFAULT_START_PATH);
        if (!SignInRoutes.isValidStartPath(startPath)) {
            problems.report(h0.error("startRedirectPath", "must be a path such as /oauth/google, outside /auth/ and"
                    + " other than " + SignInRoutes.CALLBACK_PATH));
        }
        URI callbackUri = h0.need("callbackUri", url(h0, "callbackUri"), "missing");
        if (callbackUri != null && !callbackUri.getPath().endsWith(SignInRoutes.CALLBACK_PATH)) {
            LOG.warn("{}: h0.callbackUri {} does not end in {}, where this gateway takes the callback; sign-in only"
                    + " works if a proxy maps it there", FILE, callbackUri, SignInRoutes.CALLBACK_PATH);
        }
        URI uiUri = h0.need("callbackUriUI", url(h0, "callbackUriUI"), "missing");
        List<ListedUser> users = readUsers(h0);

        Optional<ConfigObject> ours = h0.object("gateway");
        URI authorization = OAuth2ProviderSettings.GOOGLE_AUTHORIZATION_ENDPOINT;
        URI token = OAuth2ProviderSettings.GOOGLE_TOKEN_ENDPOINT;
        URI userinfo = OAuth2ProviderSettings.GOOGLE_USERINFO_ENDPOINT;
        Optional<String> stateSecret = Optional.empty();
        long stateTtl = DEFAULT_STATE_TTL_SECONDS;
        long timeoutMs = OAuth2ProviderSettings.DEFAULT_TIMEOUT.toMillis();
        if (ours.isPresent()) {
            ConfigObject gateway = ours.get();
            authorization = url(gateway, "authorizationEndpoint").orElse(authorization);
            token = url(gateway, "tokenEndpoint").orElse(token);
            userinfo = url(gateway, "userinfoEndpoint").orElse(userinfo);
            stateSecret = gateway.string("stateSecret");
            if (stateSecret.isPresent()
                    && stateSecret.get().getBytes(StandardCharsets.UTF_8).length < StateSigningKey.MIN_BYTES) {
                problems.report(gateway.error("stateSecret", "must be at least " + StateSigningKey.MIN_BYTES
                        + " characters"));
            }
            stateTtl = gateway.integer("stateTtlSeconds", 30, 3600).orElse(stateTtl);
            timeoutMs = gateway.integer("providerTimeoutMs", 100, 60_000).orElse(timeoutMs);
            gateway.finish();
        }
        h0.finish();
        if (method == null || clientId == null || clientSecret == null || callbackUri == null || uiUri == null) {
            throw ConfigObject.abandon(); // each missing key is noted
        }
        return new SignInConfig(clientId, clientSecret, startPath, callbackUri, uiUri, users, authorization, token,
                userinfo, stateSecret, stateTtl, timeoutMs);
    }

    private static List<ListedUser> readUsers(ConfigObject h0) {
        List<ListedUser> users = new ArrayList<>();
        for (ConfigObject entry : h0.objects("users").orElse(List.of())) {
            String text = entry.need("email", entry.string("email"), "missing");
            Email email = null;
            if (text != null) {
                try {
                    email = Email.parse(text);
                } catch (DomainException e) {
                    entry.problems().report(entry.error("email", "not a valid e-mail address: " + text));
                }
            }
            boolean write = entry.bool("write").orElse(false);
            // The Node gateway's per-user capabilities; a migrated user's role decides what it may do instead.
            entry.ignore("caps");
            entry.finish();
            if (email != null) {
                users.add(new ListedUser(email, write));
            }
        }
        return users;
    }

    private static Optional<URI> url(ConfigObject where, String key) {
        Optional<String> text = where.string(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.get());
            if (!OAuth2ProviderSettings.isHttpUrl(uri)) {
                where.problems().report(where.error(key, "must be an absolute http(s) URL: " + text.get()));
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            where.problems().report(where.error(key, "not a valid URL: " + text.get()));
            return Optional.empty();
        }
    }
}
