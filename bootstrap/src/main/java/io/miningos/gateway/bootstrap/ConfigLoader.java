package io.miningos.gateway.bootstrap;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.miningos.gateway.adapters.http.AllowedAddresses;
import io.miningos.gateway.adapters.http.HttpSettings;
import io.miningos.gateway.application.cache.CacheTimings;
import io.miningos.gateway.application.identity.RateLimiter;
import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.identity.PermissionSet;
import io.miningos.gateway.domain.identity.Role;
import io.miningos.gateway.domain.identity.RoleCatalog;
import io.miningos.gateway.domain.token.TokenPolicy;
import io.miningos.gateway.domain.user.Email;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the configuration folder a Node MiningOS gateway site already has — {@code common.json},
 * {@code facs/auth.config.json} and {@code facs/httpd-oauth2.config.json} ({@link SignInConfigReader}) — plus our
 * own additions under clearly named keys ({@code common.json: gateway}).
 * Without a folder, the embedded defaults describe a self-contained demo site.
 */
public final class ConfigLoader {

    static final String COMMON = "common.json";
    static final String AUTH = "facs/auth.config.json";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private ConfigLoader() {
    }

    /**
     * The folder's configuration, or the embedded demo without one.
     *
     * @throws ConfigException naming every problem found, one per line ({@code file: key: problem})
     */
    public static GatewayConfig load(Optional<Path> configDir) {
        if (configDir.isEmpty()) {
            return embeddedDefault();
        }
        ConfigProblems problems = ConfigProblems.gathering();
        GatewayConfig config = read(configDir.get(), problems);
        problems.throwIfAny();
        return config;
    }

    /**
     * Reads the folder noting every problem in {@code problems}; what it returns holds the defaults where a value
     * had a problem, so it is only meant to be used when there was none.
     */
    static GatewayConfig read(Path dir, ConfigProblems problems) {
        if (!Files.isDirectory(dir)) {
            throw new ConfigException(dir + ": configuration folder does not exist");
        }
        Path commonFile = dir.resolve(COMMON);
        if (!Files.isRegularFile(commonFile)) {
            throw new ConfigException(commonFile + ": missing (a configuration folder needs at least common.json)");
        }
        ConfigObject common = read(commonFile, COMMON, problems);
        Path authFile = dir.resolve(AUTH);
        Optional<ConfigObject> auth = Files.isRegularFile(authFile) ? Optional.of(read(authFile, AUTH, problems))
                : Optional.empty();
        GatewayConfig config = fromFiles(common, auth, dir);
        Optional<SignInConfig> signIn = problems.section(() -> SignInConfigReader.read(dir, problems), Optional::empty);
        return config.withSignIn(signIn);
    }

    /** The demo site: SQLite in the data folder, one simulated ORK holding the site, the shipped roles. */
    public static GatewayConfig embeddedDefault() {
        return new GatewayConfig(GatewayConfig.DEFAULT_SITE,
                new GatewayConfig.Identity(new Email(GatewayConfig.DEFAULT_SUPER_ADMIN),
                        GatewayConfig.DEFAULT_TTL_SECONDS, GatewayConfig.DEFAULT_TTL_SECONDS, RoleCatalog.defaults()),
                defaultHttp(), DemoSite.featureConfig(defaultFeatureConfig()), DemoSite.orks(GatewayConfig.DEFAULT_SITE),
                defaultCacheTiming(), GatewayConfig.DEFAULT_RPC_TIMEOUT_MS, Optional.empty(), FanOutConfig.defaults(),
                Optional.empty(), Optional.empty(), GatewayConfig.Observability.defaults(), true);
    }

    /** The cache timings of the Node gateway's example configuration; other routes keep answers 30s. */
    static Map<String, String> defaultCacheTiming() {
        Map<String, String> timing = new LinkedHashMap<>();
        timing.put("/auth/list-things", "15s");
        timing.put("/auth/tail-log", "15s");
        timing.put("/auth/actions/batch", "30s");
        timing.put("/auth/actions/:type", "30s");
        timing.put("/auth/actions/:type/:id", "30s");
        timing.put("/auth/global/data", "30s");
        // the live header and the miner list, 15s in the Node gateway's later example
        timing.put("/auth/site/status/live", "15s");
        timing.put("/auth/miners", "15s");
        return timing;
    }

    static GatewayConfig fromFiles(ConfigObject common, Optional<ConfigObject> authFile, Path configDir) {
        ConfigProblems problems = common.problems();
        common.ignore("dir_log", "debug");
        String site = common.string("site").orElse(GatewayConfig.DEFAULT_SITE);
        Optional<Long> commonTtl = common.integer("ttl", TokenPolicy.MIN_TTL_SECONDS, TokenPolicy.MAX_TTL_SECONDS);
        long rpcTimeout = common.integer("rpcTimeout", 100, 600_000).orElse(GatewayConfig.DEFAULT_RPC_TIMEOUT_MS);
        Map<String, Object> featureConfig = common.object("featureConfig").map(ConfigObject::asPlainMap)
                .orElseGet(ConfigLoader::defaultFeatureConfig);
        Map<String, Map<String, Object>> orks = readOrks(common);
        Map<String, String> cacheTiming = readCacheTiming(common);
        Optional<String> staticRoot = common.string("staticRootPath");
        Optional<ConfigObject> gateway = common.object("gateway");
        GatewayConfig.Http http = gateway.map(ConfigLoader::readHttp).orElseGet(ConfigLoader::defaultHttp);
        FanOutConfig fanOut = gateway.map(g -> problems.section(() -> FanOutConfig.read(g), FanOutConfig::defaults))
                .orElseGet(FanOutConfig::defaults);
        Optional<Path> pluginsDir = gateway.flatMap(ConfigLoader::readPluginsDir);
        GatewayConfig.Observability observability = gateway.map(ConfigLoader::readObservability)
                .orElseGet(GatewayConfig.Observability::defaults);
        GatewayConfig.Identity tokenBounds = gateway.map(ConfigLoader::readTokenBounds)
                .orElseGet(() -> readIdentity(Optional.empty(), commonTtl));
        StorageConfig storage = gateway.flatMap(g -> g.object("storage")).map(ConfigLoader::readStorage)
                .orElseGet(StorageConfig.Sqlite::new);
        gateway.ifPresent(ConfigObject::finish);
        Optional<MultiSiteConfig> multiSite = common.object("multiSite").map(section -> problems.section(
                () -> MultiSiteConfig.read(section, configDir), () -> null));
        common.finish();

        GatewayConfig.Identity identity = problems.section(() -> readIdentity(authFile, commonTtl),
                () -> readIdentity(Optional.empty(), commonTtl)).withTokenBounds(tokenBounds.maxTokensPerUser(),
                tokenBounds.tokenIssues(), tokenBounds.failedAuthentications());
        GatewayConfig config = new GatewayConfig(site, identity, http, featureConfig, orks, cacheTiming, rpcTimeout,
                staticRoot, fanOut, Optional.empty(), pluginsDir, observability, false, storage);
        return multiSite.map(config::withMultiSite).orElse(config);
    }

    /**
     * {@code gateway.storage}: {@code {"kind": "sqlite"}} (the default) or {@code {"kind": "postgres", "url":
     * "jdbc:postgresql://...", "user": ..., "passwordFile": ..., "poolSize": 10}}.
     */
    private static StorageConfig readStorage(ConfigObject section) {
        String kind = section.string("kind").orElse(StorageConfig.SQLITE);
        StorageConfig storage = new StorageConfig.Sqlite();
        if (kind.equals(StorageConfig.POSTGRES)) {
            Optional<String> url = section.string("url");
            Optional<String> user = section.string("user");
            Optional<Path> passwordFile = section.string("passwordFile").map(Path::of);
            int poolSize = section.integer("poolSize", 1, 1_000).map(Long::intValue)
                    .orElse(StorageConfig.DEFAULT_POOL_SIZE);
            if (url.isEmpty() || !url.get().startsWith("jdbc:postgresql://")) {
                section.problems().report(section.error("url", "must be a jdbc:postgresql://host:port/database URL"));
            } else if (user.isEmpty() || user.get().isBlank()) {
                section.problems().report(section.error("user", "the PostgreSQL role to log in as is required"));
            } else if (passwordFile.isPresent() && !Files.isReadable(passwordFile.get())) {
                section.problems().report(section.error("passwordFile", "cannot read " + passwordFile.get()));
            } else {
                storage = new StorageConfig.Postgres(url.get(), user.get(), passwordFile, poolSize);
            }
        } else if (!kind.equals(StorageConfig.SQLITE)) {
            section.problems().report(section.error("kind", "must be \"sqlite\" or \"postgres\""));
        }
        section.finish();
        return storage;
    }

    /**
     * {@code gateway.metrics.allow}: addresses and CIDR ranges that read the metrics without a token;
     * {@code gateway.logFormat}: {@code text} or {@code json}.
     */
    private static GatewayConfig.Observability readObservability(ConfigObject gateway) {
        GatewayConfig.Observability defaults = GatewayConfig.Observability.defaults();
        List<String> allow = defaults.metricsAllow();
        Optional<ConfigObject> metrics = gateway.object("metrics");
        if (metrics.isPresent()) {
            ConfigObject section = metrics.get();
            Optional<List<String>> listed = section.strings("allow");
            if (listed.isPresent()) {
                try {
                    AllowedAddresses.parse(listed.get());
                    allow = listed.get();
                } catch (IllegalArgumentException e) {
                    gateway.problems().report(section.error("allow", e.getMessage()));
                }
            }
            section.finish();
        }
        Optional<String> logFormat = gateway.string("logFormat");
        if (logFormat.isPresent() && !logFormat.get().equals(LogLines.TEXT) && !logFormat.get().equals(LogLines.JSON)) {
            gateway.problems().report(gateway.error("logFormat", "must be \"text\" or \"json\""));
            logFormat = Optional.empty();
        }
        return new GatewayConfig.Observability(allow, logFormat);
    }

    private static Map<String, Map<String, Object>> readOrks(ConfigObject common) {
        Map<String, Map<String, Object>> orks = new LinkedHashMap<>();
        Optional<ConfigObject> section = common.object("orks");
        if (section.isEmpty()) {
            return orks;
        }
        for (String id : section.get().keys()) {
            // Which keys an ORK entry may hold is up to its transport; they are checked when it is opened (and by
            // check-config, which asks the transport without opening it).
            section.get().object(id).ifPresent(ork -> orks.put(id, ork.asPlainMap()));
        }
        return orks;
    }

    private static Map<String, String> readCacheTiming(ConfigObject common) {
        Map<String, String> timing = new LinkedHashMap<>();
        Optional<ConfigObject> section = common.object("cacheTiming");
        if (section.isPresent()) {
            ConfigObject routes = section.get();
            for (String route : routes.keys()) {
                String text = routes.need(route, routes.string(route), "must be a duration such as \"15s\"");
                if (text == null) {
                    continue;
                }
                try {
                    CacheTimings.parseDuration(text);
                    timing.put(route, text);
                } catch (IllegalArgumentException e) {
                    routes.problems().report(routes.error(route, e.getMessage()));
                }
            }
        }
        return timing;
    }

    /** A folder path (relative ones to the working directory); whether it exists is checked when serving. */
    private static Optional<Path> readPluginsDir(ConfigObject gateway) {
        return gateway.string("pluginsDir").flatMap(text -> {
            try {
                return Optional.of(Path.of(text));
            } catch (InvalidPathException e) {
                gateway.problems().report(gateway.error("pluginsDir", "not a folder path: " + e.getMessage()));
                return Optional.empty();
            }
        });
    }

    private static GatewayConfig.Http readHttp(ConfigObject gateway) {
        GatewayConfig.Http defaults = defaultHttp();
        HttpSettings.Connections c = defaults.connections();
        HttpSettings.Connections connections = new HttpSettings.Connections(
                duration(gateway, "idleTimeout", Duration.ofSeconds(1), Duration.ofHours(1)).orElse(c.idleTimeout()),
                duration(gateway, "headerTimeout", Duration.ofSeconds(1), Duration.ofMinutes(5))
                        .orElse(c.headerTimeout()),
                gateway.integer("minBodyBytesPerSecond", 0, 1_000_000_000).orElse(c.minBodyBytesPerSecond()),
                gateway.integer("maxConnectionsPerAddress", 1, 1_000_000).map(Long::intValue)
                        .orElse(c.maxPerAddress()),
                gateway.integer("maxConnections", 1, 1_000_000).map(Long::intValue).orElse(c.maxTotal()),
                gateway.integer("maxHeaderBytes", 8 * 1024, 1024 * 1024).map(Long::intValue)
                        .orElse(c.maxHeaderBytes()));
        return new GatewayConfig.Http(
                gateway.string("host").orElse(defaults.host()),
                gateway.integer("port", 0, 65_535).map(Long::intValue).orElse(defaults.port()),
                gateway.integer("maxBodyBytes", 1024, 64L * 1024 * 1024).orElse(defaults.maxBodyBytes()),
                gateway.bool("trustProxy").orElse(defaults.trustProxy()),
                connections,
                duration(gateway, "stopGrace", Duration.ZERO, Duration.ofMinutes(10)).orElse(defaults.stopGrace()));
    }

    /**
     * {@code gateway.maxTokensPerUser} and {@code gateway.rateLimits: {tokenIssues: {burst, perMinute},
     * failedAuthentications: {burst, perMinute}}}, as the token bounds of an otherwise default identity.
     */
    private static GatewayConfig.Identity readTokenBounds(ConfigObject gateway) {
        GatewayConfig.Identity defaults = readIdentity(Optional.empty(), Optional.empty());
        int maxTokens = gateway.integer("maxTokensPerUser", 1, 100_000).map(Long::intValue)
                .orElse(defaults.maxTokensPerUser());
        Optional<ConfigObject> limits = gateway.object("rateLimits");
        RateLimiter.Limit issues = limits.flatMap(l -> readLimit(l, "tokenIssues")).orElse(defaults.tokenIssues());
        RateLimiter.Limit failures = limits.flatMap(l -> readLimit(l, "failedAuthentications"))
                .orElse(defaults.failedAuthentications());
        limits.ifPresent(ConfigObject::finish);
        return defaults.withTokenBounds(maxTokens, issues, failures);
    }

    private static Optional<RateLimiter.Limit> readLimit(ConfigObject limits, String key) {
        return limits.object(key).map(limit -> {
            RateLimiter.Limit read = new RateLimiter.Limit(
                    limit.integer("burst", 1, 1_000_000).map(Long::intValue)
                            .orElseThrow(() -> limit.error("burst", "missing (actions allowed at once)")),
                    limit.integer("perMinute", 1, 1_000_000).map(Long::intValue)
                            .orElseThrow(() -> limit.error("perMinute", "missing (actions allowed per minute)")));
            limit.finish();
            return read;
        });
    }

    /** A duration such as {@code "10s"} between {@code min} and {@code max}, or the key's error. */
    private static Optional<Duration> duration(ConfigObject section, String key, Duration min, Duration max) {
        return section.string(key).map(text -> {
            try {
                Duration value = CacheTimings.parseDuration(text);
                if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                    throw new IllegalArgumentException("must be between " + min.toMillis() + "ms and "
                            + max.toMinutes() + "m: " + text);
                }
                return value;
            } catch (IllegalArgumentException e) {
                throw section.error(key, e.getMessage());
            }
        });
    }

    private static GatewayConfig.Http defaultHttp() {
        return new GatewayConfig.Http("0.0.0.0", GatewayConfig.Http.DEFAULT_PORT, 1024 * 1024, false);
    }

    private static GatewayConfig.Identity readIdentity(Optional<ConfigObject> authFile, Optional<Long> commonTtl) {
        if (authFile.isEmpty()) {
            long ttl = commonTtl.orElse(GatewayConfig.DEFAULT_TTL_SECONDS);
            return new GatewayConfig.Identity(new Email(GatewayConfig.DEFAULT_SUPER_ADMIN),
                    GatewayConfig.DEFAULT_TTL_SECONDS, ttl, RoleCatalog.defaults());
        }
        ConfigObject file = authFile.get();
        // The Node gateway nests its auth facility settings under the instance name "a0".
        ConfigObject a0 = file.need("a0", file.object("a0"), "missing");
        file.finish();
        if (a0 == null) {
            throw ConfigObject.abandon();
        }
        a0.ignore("saltRounds");
        Email superAdmin = a0.problems().section(() -> a0.string("superAdmin").map(text -> parseEmail(a0, text))
                .orElse(new Email(GatewayConfig.DEFAULT_SUPER_ADMIN)), () -> new Email(GatewayConfig.DEFAULT_SUPER_ADMIN));
        long signInTtl = a0.integer("ttl", TokenPolicy.MIN_TTL_SECONDS, TokenPolicy.MAX_TTL_SECONDS)
                .orElse(GatewayConfig.DEFAULT_TTL_SECONDS);
        RoleCatalog catalog = readRoles(a0);
        a0.finish();
        return new GatewayConfig.Identity(superAdmin, signInTtl, commonTtl.orElse(signInTtl), catalog);
    }

    private static RoleCatalog readRoles(ConfigObject a0) {
        Optional<ConfigObject> rolesSection = a0.object("roles");
        Optional<ConfigObject> managementSection = a0.object("roleManagement");
        PermissionSet superAdminPerms = a0.problems().section(() -> a0.strings("superAdminPerms")
                .map(list -> permissions(a0, "superAdminPerms", list)).orElse(null), () -> null);
        if (rolesSection.isEmpty()) {
            if (managementSection.isPresent() || superAdminPerms != null) {
                RoleCatalog defaults = RoleCatalog.defaults();
                Map<String, Set<String>> management = managementSection
                        .map(m -> readManagement(m)).orElse(defaults.roleManagement());
                return catalog(a0, defaults.roles(), management, superAdminPerms);
            }
            return RoleCatalog.defaults();
        }
        ConfigObject rolesObject = rolesSection.get();
        Map<String, Role> roles = new LinkedHashMap<>();
        ConfigProblems problems = a0.problems();
        for (String name : rolesObject.keys()) {
            problems.section(() -> {
                if (!Role.isValidName(name)) {
                    throw rolesObject.error(name, "role names must be lower-case letters and _ (the UI reads them"
                            + " out of tokens)");
                }
                List<String> perms = rolesObject.need(name, rolesObject.strings(name),
                        "must be an array of permissions such as \"miner:rw\"");
                if (perms != null) {
                    roles.put(name, new Role(name, permissions(rolesObject, name, perms)));
                }
                return null;
            }, () -> null);
        }
        Map<String, Set<String>> management = managementSection.map(ConfigLoader::readManagement).orElse(Map.of());
        return catalog(a0, roles, management, superAdminPerms);
    }

    private static Map<String, Set<String>> readManagement(ConfigObject section) {
        Map<String, Set<String>> management = new LinkedHashMap<>();
        for (String manager : section.keys()) {
            List<String> targets = section.need(manager, section.strings(manager), "must be an array of role names");
            if (targets != null) {
                management.put(manager, new LinkedHashSet<>(targets));
            }
        }
        return management;
    }

    private static RoleCatalog catalog(ConfigObject a0, Map<String, Role> roles, Map<String, Set<String>> management,
                                       PermissionSet superAdminPerms) {
        try {
            return new RoleCatalog(roles, management, superAdminPerms);
        } catch (IllegalArgumentException e) {
            throw a0.error("roleManagement", e.getMessage());
        }
    }

    /** Parses permissions, each naming a known resource (a misspelt one would silently grant nothing). */
    private static PermissionSet permissions(ConfigObject where, String key, List<String> texts) {
        PermissionSet parsed;
        try {
            parsed = PermissionSet.parse(texts);
        } catch (IllegalArgumentException e) {
            throw where.error(key, e.getMessage());
        }
        for (String resource : parsed.capabilities()) {
            if (!RoleCatalog.RESOURCES.contains(resource)) {
                throw where.error(key, "unknown permission resource '" + resource + "' (known: "
                        + String.join(", ", new TreeSet<>(RoleCatalog.RESOURCES)) + ")");
            }
        }
        return parsed;
    }

    private static Email parseEmail(ConfigObject where, String text) {
        try {
            return Email.parse(text);
        } catch (DomainException e) {
            throw where.error("superAdmin", "not a valid e-mail address: " + text);
        }
    }

    static ConfigObject read(Path file, String name) {
        return read(file, name, ConfigProblems.stopAtFirst());
    }

    /** A file's object; an unreadable file or one not holding an object is noted and read as empty. */
    static ConfigObject read(Path file, String name, ConfigProblems problems) {
        try {
            JsonNode node = MAPPER.readTree(Files.readAllBytes(file));
            return new ConfigObject(name, "", node, problems);
        } catch (IOException e) {
            problems.report(new ConfigException(name + ": not readable JSON ("
                    + e.getMessage().lines().findFirst().orElse("") + ")", e));
        } catch (ConfigException e) {
            problems.report(e);
        }
        return new ConfigObject(name, "", MAPPER.createObjectNode(), problems);
    }

    /** The feature map the commissioned API shows; sites override it with {@code featureConfig}. */
    static Map<String, Object> defaultFeatureConfig() {
        Map<String, Object> features = new LinkedHashMap<>();
        features.put("comments", true);
        features.put("inventory", false);
        features.put("lvCabinetWidgets", true);
        features.put("poolStats", true);
        features.put("powerAvailable", true);
        features.put("reporting", true);
        features.put("settings", true);
        features.put("isOneMinItvEnabled", false);
        features.put("powerModeTimeline", false);
        features.put("totalSystemConsumptionChart", false);
        features.put("exportHistKpiDashboard", false);
        features.put("showMinerConsumptionDashboard", false);
        features.put("totalSystemConsumptionHeader", false);
        features.put("energyProvision", true);
        return features;
    }
}
