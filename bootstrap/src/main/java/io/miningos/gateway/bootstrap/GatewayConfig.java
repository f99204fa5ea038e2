package io.miningos.gateway.bootstrap;

import io.miningos.gateway.adapters.http.AllowedAddresses;
import io.miningos.gateway.adapters.http.HttpSettings;
import io.miningos.gateway.application.identity.IdentitySettings;
import io.miningos.gateway.application.identity.RateLimiter;
import io.miningos.gateway.domain.identity.RoleCatalog;
import io.miningos.gateway.domain.user.Email;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the gateway is configured with, read from a Node-gateway style config folder or the embedded
 * defaults. Sections are validated when read (see {@link ConfigLoader}).
 *
 * @param site          the site name ({@code common.json: site})
 * @param identity      super admin, token lifetimes and roles ({@code facs/auth.config.json}, {@code common.json: ttl})
 * @param http          how to listen ({@code common.json: gateway.*}, our addition)
 * @param featureConfig the static feature map ({@code common.json: featureConfig})
 * @param orks          each ORK's raw configuration object, in file order ({@code common.json: orks})
 * @param cacheTiming   route → TTL text such as {@code "15s"} ({@code common.json: cacheTiming})
 * @param rpcTimeoutMs  per-call ORK timeout ({@code common.json: rpcTimeout})
 * @param staticRootPath folder of a built UI to serve at {@code /} ({@code common.json: staticRootPath})
 * @param fanOut        ORK concurrency and the answer cache's bounds ({@code common.json: gateway.*}, our addition)
 * @param signIn        Google sign-in ({@code facs/httpd-oauth2.config.json}); empty when not configured
 * @param pluginsDir    folder of transport plugin jars ({@code common.json: gateway.pluginsDir}, our addition);
 *                      empty for the default, {@code plugins/} next to the running jar
 * @param observability who may read the metrics without a token, how logs are written
 *                      ({@code common.json: gateway.metrics}, {@code gateway.logFormat}, our additions)
 * @param embeddedDemo  the embedded demo site (no {@code --config}): its first start stores the demo's data
 * @param storage       SQLite in the data folder, or a shared PostgreSQL database ({@code common.json:
 *                      gateway.storage}, our addition)
 * @param multiSite     multi-site mode ({@code common.json: multiSite}): this gateway is the central one over
 *                      the named sites' gateways; empty for a site gateway
 */
public record GatewayConfig(String site, Identity identity, Http http, Map<String, Object> featureConfig,
                            Map<String, Map<String, Object>> orks, Map<String, String> cacheTiming,
                            long rpcTimeoutMs, Optional<String> staticRootPath, FanOutConfig fanOut,
                            Optional<SignInConfig> signIn, Optional<Path> pluginsDir, Observability observability,
                            boolean embeddedDemo, StorageConfig storage, Optional<MultiSiteConfig> multiSite) {

    public static final String DEFAULT_SITE = "demo-site";
    public static final String DEFAULT_SUPER_ADMIN = "admin@example.com";
    public static final long DEFAULT_TTL_SECONDS = 86_400;
    public static final long DEFAULT_RPC_TIMEOUT_MS = 15_000;

    public GatewayConfig {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(http, "http");
        featureConfig = Collections.unmodifiableMap(new LinkedHashMap<>(featureConfig)); // served in this order
        orks = Collections.unmodifiableMap(new LinkedHashMap<>(orks));
        cacheTiming = Collections.unmodifiableMap(new LinkedHashMap<>(cacheTiming));
        Objects.requireNonNull(staticRootPath, "staticRootPath");
        Objects.requireNonNull(fanOut, "fanOut");
        Objects.requireNonNull(signIn, "signIn");
        Objects.requireNonNull(pluginsDir, "pluginsDir");
        Objects.requireNonNull(observability, "observability");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(multiSite, "multiSite");
    }

    /** A site gateway (no multi-site mode) with the given storage. */
    public GatewayConfig(String site, Identity identity, Http http, Map<String, Object> featureConfig,
                         Map<String, Map<String, Object>> orks, Map<String, String> cacheTiming, long rpcTimeoutMs,
                         Optional<String> staticRootPath, FanOutConfig fanOut, Optional<SignInConfig> signIn,
                         Optional<Path> pluginsDir, Observability observability, boolean embeddedDemo,
                         StorageConfig storage) {
        this(site, identity, http, featureConfig, orks, cacheTiming, rpcTimeoutMs, staticRootPath, fanOut, signIn,
                pluginsDir, observability, embeddedDemo, storage, Optional.empty());
    }

    /** The same as the central gateway of multi-site mode over {@code sites}, announced in its featureConfig. */
    public GatewayConfig withMultiSite(MultiSiteConfig sites) {
        return new GatewayConfig(site, identity, http, sites.featureConfig(featureConfig), orks, cacheTiming,
                rpcTimeoutMs, staticRootPath, fanOut, signIn, pluginsDir, observability, embeddedDemo, storage,
                Optional.of(sites));
    }

    /** With SQLite storage in the data folder. */
    public GatewayConfig(String site, Identity identity, Http http, Map<String, Object> featureConfig,
                         Map<String, Map<String, Object>> orks, Map<String, String> cacheTiming, long rpcTimeoutMs,
                         Optional<String> staticRootPath, FanOutConfig fanOut, Optional<SignInConfig> signIn,
                         Optional<Path> pluginsDir, Observability observability, boolean embeddedDemo) {
        this(site, identity, http, featureConfig, orks, cacheTiming, rpcTimeoutMs, staticRootPath, fanOut, signIn,
                pluginsDir, observability, embeddedDemo, new StorageConfig.Sqlite());
    }

    /** With the default observability settings. */
    public GatewayConfig(String site, Identity identity, Http http, Map<String, Object> featureConfig,
                         Map<String, Map<String, Object>> orks, Map<String, String> cacheTiming, long rpcTimeoutMs,
                         Optional<String> staticRootPath, FanOutConfig fanOut, Optional<SignInConfig> signIn,
                         Optional<Path> pluginsDir) {
        this(site, identity, http, featureConfig, orks, cacheTiming, rpcTimeoutMs, staticRootPath, fanOut, signIn,
                pluginsDir, Observability.defaults(), false);
    }

    /** Without sign-in configured, with the default plugins folder. */
    public GatewayConfig(String site, Identity identity, Http http, Map<String, Object> featureConfig,
                         Map<String, Map<String, Object>> orks, Map<String, String> cacheTiming, long rpcTimeoutMs,
                         Optional<String> staticRootPath, FanOutConfig fanOut) {
        this(site, identity, http, featureConfig, orks, cacheTiming, rpcTimeoutMs, staticRootPath, fanOut,
                Optional.empty(), Optional.empty());
    }

    public GatewayConfig withSignIn(Optional<SignInConfig> newSignIn) {
        return new GatewayConfig(site, identity, http, featureConfig, orks, cacheTiming, rpcTimeoutMs, staticRootPath,
                fanOut, newSignIn, pluginsDir, observability, embeddedDemo, storage, multiSite);
    }

    public GatewayConfig withObservability(Observability newObservability) {
        return new GatewayConfig(site, identity, http, featureConfig, orks, cacheTiming, rpcTimeoutMs, staticRootPath,
                fanOut, signIn, pluginsDir, newObservability, embeddedDemo, storage, multiSite);
    }

    /** The same with another static feature map. */
    public GatewayConfig withFeatureConfig(Map<String, Object> newFeatureConfig) {
        return new GatewayConfig(site, identity, http, newFeatureConfig, orks, cacheTiming, rpcTimeoutMs,
                staticRootPath, fanOut, signIn, pluginsDir, observability, embeddedDemo, storage, multiSite);
    }

    /** The same listening on {@code host} ({@code serve --host}). */
    public GatewayConfig withHost(String host) {
        return new GatewayConfig(site, identity, new Http(host, http.port(), http.maxBodyBytes(), http.trustProxy()),
                featureConfig, orks, cacheTiming, rpcTimeoutMs, staticRootPath, fanOut, signIn, pluginsDir,
                observability, embeddedDemo, storage, multiSite);
    }

    /** The same keeping its data in {@code newStorage}. */
    public GatewayConfig withStorage(StorageConfig newStorage) {
        return new GatewayConfig(site, identity, http, featureConfig, orks, cacheTiming, rpcTimeoutMs, staticRootPath,
                fanOut, signIn, pluginsDir, observability, embeddedDemo, newStorage);
    }

    /** The same with a built UI served from {@code folder} ({@code serve --ui}). */
    public GatewayConfig withStaticRoot(String folder) {
        return new GatewayConfig(site, identity, http, featureConfig, orks, cacheTiming, rpcTimeoutMs,
                Optional.of(folder), fanOut, signIn, pluginsDir, observability, embeddedDemo, storage, multiSite);
    }

    /**
     * @param superAdmin     e-mail of user 1
     * @param signInTtlSeconds lifetime of tokens handed out at sign-in and by the CLI
     * @param refreshTtlSeconds default lifetime of tokens from {@code POST /auth/token}
     * @param roles          the role catalog
     * @param maxTokensPerUser tokens one user may hold ({@code gateway.maxTokensPerUser}); one more revokes the oldest
     * @param tokenIssues    how often one user may get a token from {@code POST /auth/token}
     *                       ({@code gateway.rateLimits.tokenIssues})
     * @param failedAuthentications refused tokens one client address may present before unknown tokens from it are
     *                       refused without a look-up ({@code gateway.rateLimits.failedAuthentications})
     */
    public record Identity(Email superAdmin, long signInTtlSeconds, long refreshTtlSeconds, RoleCatalog roles,
                           int maxTokensPerUser, RateLimiter.Limit tokenIssues,
                           RateLimiter.Limit failedAuthentications) {

        /** With the default token bounds. */
        public Identity(Email superAdmin, long signInTtlSeconds, long refreshTtlSeconds, RoleCatalog roles) {
            this(superAdmin, signInTtlSeconds, refreshTtlSeconds, roles, IdentitySettings.DEFAULT_MAX_LIVE_TOKENS,
                    IdentitySettings.DEFAULT_TOKEN_ISSUES, IdentitySettings.DEFAULT_FAILED_AUTHENTICATIONS);
        }

        /** The same with other token bounds. */
        public Identity withTokenBounds(int maxTokens, RateLimiter.Limit issues, RateLimiter.Limit failures) {
            return new Identity(superAdmin, signInTtlSeconds, refreshTtlSeconds, roles, maxTokens, issues, failures);
        }

        /** What the identity service is configured with. */
        public IdentitySettings settings() {
            return new IdentitySettings(signInTtlSeconds, refreshTtlSeconds, maxTokensPerUser, tokenIssues,
                    failedAuthentications);
        }
    }

    /**
     * @param host         bind address
     * @param port         port, unless given on the command line
     * @param maxBodyBytes request body limit
     * @param trustProxy   read the client address from X-Forwarded-For
     * @param connections  what one connection and one client address may hold ({@code gateway.idleTimeout},
     *                     {@code headerTimeout}, {@code minBodyBytesPerSecond}, {@code maxConnectionsPerAddress},
     *                     {@code maxConnections}, {@code maxHeaderBytes})
     * @param stopGrace    how long a stop lets requests in flight finish ({@code gateway.stopGrace})
     */
    public record Http(String host, int port, long maxBodyBytes, boolean trustProxy,
                       HttpSettings.Connections connections, Duration stopGrace) {
        public static final int DEFAULT_PORT = 3000;

        public Http {
            Objects.requireNonNull(connections, "connections");
            Objects.requireNonNull(stopGrace, "stopGrace");
        }

        /** With the default connection limits and stop grace. */
        public Http(String host, int port, long maxBodyBytes, boolean trustProxy) {
            this(host, port, maxBodyBytes, trustProxy, HttpSettings.Connections.defaults(),
                    HttpSettings.DEFAULT_STOP_GRACE);
        }
    }

    /**
     * @param metricsAllow addresses and CIDR ranges that may read {@code GET /metrics} without a token
     *                     ({@code gateway.metrics.allow}); everyone else needs a token holding {@code metrics:r}
     * @param logFormat    {@code text} or {@code json} ({@code gateway.logFormat}); empty: as
     *                     {@code MININGOS_LOG_FORMAT} says, else text
     */
    public record Observability(List<String> metricsAllow, Optional<String> logFormat) {
        public Observability {
            metricsAllow = List.copyOf(metricsAllow);
            Objects.requireNonNull(logFormat, "logFormat");
        }

        public static Observability defaults() {
            return new Observability(AllowedAddresses.LOOPBACK, Optional.empty());
        }
    }
}
