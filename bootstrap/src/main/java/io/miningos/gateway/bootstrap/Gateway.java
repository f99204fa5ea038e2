package io.miningos.gateway.bootstrap;

import io.miningos.gateway.adapters.http.ActionRoutes;
import io.miningos.gateway.adapters.http.AlertsSocket;
import io.miningos.gateway.adapters.http.AllowedAddresses;
import io.miningos.gateway.adapters.http.AnalyticsMetricRoutes;
import io.miningos.gateway.adapters.http.Authentication;
import io.miningos.gateway.adapters.http.ClientAddress;
import io.miningos.gateway.adapters.http.DcsRoutes;
import io.miningos.gateway.adapters.http.DeviceRoutes;
import io.miningos.gateway.adapters.http.DowntimeRoutes;
import io.miningos.gateway.adapters.http.EnergyRoutes;
import io.miningos.gateway.adapters.http.FinanceRoutes;
import io.miningos.gateway.adapters.http.GatewayHttpServer;
import io.miningos.gateway.adapters.http.GlobalDataRoutes;
import io.miningos.gateway.adapters.http.HealthRoutes;
import io.miningos.gateway.adapters.http.HttpSettings;
import io.miningos.gateway.adapters.http.IdentityRoutes;
import io.miningos.gateway.adapters.http.LogRoutes;
import io.miningos.gateway.adapters.http.MetricsRoutes;
import io.miningos.gateway.adapters.http.MultiSiteRoutes;
import io.miningos.gateway.adapters.http.OpenApiRoutes;
import io.miningos.gateway.adapters.http.PoolConfigRoutes;
import io.miningos.gateway.adapters.http.PoolRoutes;
import io.miningos.gateway.adapters.http.RouteGroup;
import io.miningos.gateway.adapters.http.SignInRoutes;
import io.miningos.gateway.adapters.http.SiteAlertRoutes;
import io.miningos.gateway.adapters.http.SiteConfigRoutes;
import io.miningos.gateway.adapters.http.SiteRoutes;
import io.miningos.gateway.adapters.http.StaticUi;
import io.miningos.gateway.adapters.http.ThingRoutes;
import io.miningos.gateway.adapters.http.UserRoutes;
import io.miningos.gateway.adapters.http.metrics.PrometheusMetrics;
import io.miningos.gateway.adapters.http.oauth.JwtSignInStates;
import io.miningos.gateway.adapters.http.oauth.OAuth2IdentityProvider;
import io.miningos.gateway.adapters.http.oauth.OAuth2ProviderSettings;
import io.miningos.gateway.adapters.http.oauth.StateSigningKey;
import io.miningos.gateway.adapters.http.sites.HttpSiteGateways;
import io.miningos.gateway.adapters.http.sites.SiteEndpoint;
import io.miningos.gateway.adapters.ork.cluster.JacksonJsonCodec;
import io.miningos.gateway.adapters.ork.cluster.OrkTransportRegistry;
import io.miningos.gateway.adapters.ork.cluster.TransportComponents;
import io.miningos.gateway.adapters.ork.cluster.TransportOrkCluster;
import io.miningos.gateway.adapters.persistence.Database;
import io.miningos.gateway.adapters.persistence.JooqAuditLog;
import io.miningos.gateway.adapters.persistence.JooqGlobalDataStore;
import io.miningos.gateway.adapters.persistence.JooqRateBuckets;
import io.miningos.gateway.adapters.persistence.JooqStorageProbe;
import io.miningos.gateway.adapters.persistence.JooqTokenStore;
import io.miningos.gateway.adapters.persistence.JooqUserActivityStore;
import io.miningos.gateway.adapters.persistence.JooqUserProfileStore;
import io.miningos.gateway.adapters.persistence.JooqUserRepository;
import io.miningos.gateway.adapters.persistence.JooqUserSettingsStore;
import io.miningos.gateway.adapters.persistence.PostgresChangeFeed;
import io.miningos.gateway.adapters.persistence.PostgresDatabase;
import io.miningos.gateway.adapters.persistence.SqliteDatabase;
import io.miningos.gateway.application.actions.ActionsService;
import io.miningos.gateway.application.alerts.AlertsFeed;
import io.miningos.gateway.application.analytics.DcsService;
import io.miningos.gateway.application.analytics.DevicesService;
import io.miningos.gateway.application.analytics.EnergyService;
import io.miningos.gateway.application.analytics.FinanceService;
import io.miningos.gateway.application.analytics.MetricsService;
import io.miningos.gateway.application.analytics.PoolConfigsService;
import io.miningos.gateway.application.analytics.PoolsService;
import io.miningos.gateway.application.analytics.SiteAlertsService;
import io.miningos.gateway.application.analytics.SiteService;
import io.miningos.gateway.application.cache.CacheTimings;
import io.miningos.gateway.application.cache.ResponseCache;
import io.miningos.gateway.application.downtime.DowntimeService;
import io.miningos.gateway.application.globaldata.GlobalDataService;
import io.miningos.gateway.application.health.HealthService;
import io.miningos.gateway.application.identity.CachedUserProfileStore;
import io.miningos.gateway.application.identity.IdentityService;
import io.miningos.gateway.application.identity.MigrateUsersService;
import io.miningos.gateway.application.identity.SignInService;
import io.miningos.gateway.application.identity.UserActivity;
import io.miningos.gateway.application.identity.UserProfiles;
import io.miningos.gateway.application.identity.port.out.UserProfileStore;
import io.miningos.gateway.application.logs.LogsService;
import io.miningos.gateway.application.multisite.FederatedSite;
import io.miningos.gateway.application.multisite.MultiSiteService;
import io.miningos.gateway.application.ork.OrkFailureCounts;
import io.miningos.gateway.application.ork.OrkFanOut;
import io.miningos.gateway.application.ork.OrkRequests;
import io.miningos.gateway.application.shared.port.out.ChangeNotifier;
import io.miningos.gateway.application.siteconfig.SiteConfigService;
import io.miningos.gateway.application.things.ThingsService;
import io.miningos.gateway.application.users.UsersService;
import io.miningos.gateway.domain.globaldata.SiteName;
import io.miningos.gateway.domain.user.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The object graph, built by hand: storage, services and (when serving) the HTTP server. The CLI commands open
 * the same graph without the server, so they work beside a running gateway on the same data folder.
 */
public final class Gateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    private static final long PURGE_PERIOD_MINUTES = 15;
    private static final long CHECKPOINT_PERIOD_MINUTES = 5;
    private static final long ACTIVITY_FLUSH_SECONDS = 60;
    /** The hosted MiningOS UI's sign-in page (its router's {@code signin} route). */
    static final String UI_SIGN_IN_PAGE = "/signin";

    private final GatewayConfig config;
    private final Path dataDir;
    private final Clock clock;
    private final Database db;
    /** Changes to and from the other gateways on the same PostgreSQL database; empty with SQLite (one instance). */
    private final Optional<PostgresChangeFeed> changeFeed;
    private final ChangeNotifier notifier;
    private final IdentityService identity;
    private final UsersService users;
    private final UserActivity activity;
    private final JooqAuditLog audit;
    private final UserProfileStore profiles;
    private final PrometheusMetrics metrics;
    private List<String> startupNotes = List.of();
    private TransportOrkCluster orkCluster;
    private OrkFanOut orkFanOut;
    private AlertsFeed alertsFeed;
    private AlertsSocket alertsSocket;
    private GatewayHttpServer http;
    private ScheduledExecutorService housekeeping;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private ExecutorService cacheLoads;
    private HttpSiteGateways siteGateways;
    private MultiSiteService multiSiteService;
    private DataFolder.ServeLock serveLock;

    private Gateway(GatewayConfig config, Path dataDir, Clock clock, PrometheusMetrics metrics) {
        this.config = config;
        this.dataDir = dataDir;
        this.clock = clock;
        this.metrics = metrics;
        this.db = openStorage(config.storage(), dataDir, metrics);
        this.changeFeed = db instanceof PostgresDatabase postgres ? Optional.of(PostgresChangeFeed.on(postgres))
                : Optional.empty();
        this.notifier = changeFeed.<ChangeNotifier>map(feed -> feed).orElse(ChangeNotifier.NONE);
        try {
            JooqUserRepository userRepository = new JooqUserRepository(db);
            GatewayConfig.Identity id = config.identity();
            this.audit = new JooqAuditLog(db);
            this.profiles = new CachedUserProfileStore(new JooqUserProfileStore(db), db);
            this.identity = new IdentityService(userRepository, new JooqTokenStore(db), id.roles(),
                    id.settings(), db, clock, metrics, notifier,
                    db instanceof PostgresDatabase postgres ? new JooqRateBuckets(postgres) : null);
            changeFeed.ifPresent(feed -> feed.subscribe(identity));
            this.users = new UsersService(userRepository, new JooqUserSettingsStore(db), identity,
                    audit, id.roles(), db, clock);
            this.activity = new UserActivity(new JooqUserActivityStore(db), clock);
            if (userRepository.ensureSuperAdmin(id.superAdmin(), clock.instant())) {
                int revoked = identity.revokeAllOf(User.SUPER_ADMIN_ID);
                LOG.warn("super admin e-mail changed to {} by configuration; {} of its tokens revoked",
                        id.superAdmin(), revoked);
            }
            config.signIn().ifPresent(signIn -> new MigrateUsersService(userRepository, id.roles(), audit, db, clock)
                    .migrate(signIn.users()));
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** The data folder's SQLite file, or the configured PostgreSQL database; migrated to this gateway's schema. */
    static Database openStorage(StorageConfig storage, Path dataDir, PrometheusMetrics metrics) {
        return switch (storage) {
            case StorageConfig.Sqlite sqlite -> SqliteDatabase.open(dataDir, metrics);
            case StorageConfig.Postgres postgres -> {
                PostgresDatabase.Settings settings = postgres.settings();
                LOG.info("storage: PostgreSQL {} as {}", settings.url(), settings.user());
                yield PostgresDatabase.open(settings, metrics);
            }
        };
    }

    /**
     * Opens storage (migrating it) and builds the services; makes sure the super admin exists. Metrics are collected
     * from here on (storage and token events too), and served at {@code /metrics} once {@link #serve} runs.
     */
    public static Gateway open(GatewayConfig config, Path dataDir, Clock clock) {
        DataFolder.prepare(dataDir);
        return new Gateway(config, dataDir, clock, new PrometheusMetrics());
    }

    /**
     * As {@link #open} for {@code serve}: first takes the data folder's serve lock, held until {@link #close}, so a
     * second server on the same folder stops before it changes anything (an {@link IllegalStateException} naming
     * the folder and the process holding it).
     */
    public static Gateway openToServe(GatewayConfig config, Path dataDir, Clock clock) {
        DataFolder.prepare(dataDir);
        DataFolder.ServeLock lock = DataFolder.lockForServing(dataDir);
        try {
            Gateway gateway = new Gateway(config, dataDir, clock, new PrometheusMetrics());
            gateway.serveLock = lock;
            return gateway;
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    public IdentityService identity() {
        return identity;
    }

    public UsersService users() {
        return users;
    }

    public GatewayConfig config() {
        return config;
    }

    /** Last activity of users, noted in memory and flushed to storage periodically and at close. */
    public UserActivity activity() {
        return activity;
    }

    /**
     * Starts the HTTP server and periodic housekeeping, reaching the ORKs with the installed transports: the class
     * path's and the plugins folder's.
     */
    public GatewayHttpServer serve(int port) {
        return serve(port, TransportPlugins.installed(config.pluginsDir()));
    }

    /**
     * As {@link #serve(int)} with the given transports. Every configured ORK's entry is checked first (an unknown
     * transport or bad options stop the start with a {@link ConfigException}); the transports then open while the
     * HTTP server starts and listens, so sign-in and {@code /auth/site} answer before the ORKs can (an ORK request
     * waits for its ORK, within the RPC timeout). This returns once they are open: a transport that cannot run on
     * this machine (e.g. {@code hrpc} without Node.js) stops the start with an {@link IllegalStateException} saying
     * what to fix, the server stopped again. Then the transports in use give their start-up notes.
     */
    public GatewayHttpServer serve(int port, OrkTransportRegistry transports) {
        FanOutConfig fanOut = config.fanOut();
        // The transports open (the sim builds its site, the hrpc bridge starts) while the rest starts and listens.
        OrkWiring.Opening opening = OrkWiring.openInBackground(config.orks(), transports, dataDir, clock,
                fanOut.maxOrkAnswerBytes());
        orkCluster = opening.cluster();
        orkFanOut = new OrkFanOut(orkCluster, fanOut.orkConcurrency(), Duration.ofMillis(config.rpcTimeoutMs()),
                metrics, clock, fanOut.orkCallsPerUser());
        // One answer cache for every cached route, ORK-backed or stored here.
        ResponseCache cache = new ResponseCache(fanOut.cacheMaxBytes(), fanOut.partialCacheTtl(), metrics);
        metrics.cacheBytes(cache::bytesByRoute);
        CacheTimings cacheTimings = CacheTimings.parse(config.cacheTiming());
        JacksonJsonCodec codec = new JacksonJsonCodec();
        OrkRequests orks = new OrkRequests(orkFanOut, codec, cache, cacheTimings, fanOut.maxResponseBytes(),
                fanOut.mergeOrks());
        cacheLoads = Executors.newVirtualThreadPerTaskExecutor();
        JooqGlobalDataStore globalDataStore = new JooqGlobalDataStore(db);
        SiteName site = new SiteName(config.site());
        // On a database other instances write too, stored data is read from it every time (see GlobalDataService).
        GlobalDataService globalData = new GlobalDataService(globalDataStore, audit, db, cache, cacheTimings, site,
                cacheLoads, clock, notifier, changeFeed.isEmpty());
        changeFeed.ifPresent(feed -> {
            feed.subscribe(globalData);
            feed.startListening();
        });
        if (config.embeddedDemo()) {
            DemoSite.seed(globalData, config.site(), clock);
        }
        if (config.orks().isEmpty()) {
            LOG.warn("no ORKs configured (common.json: orks): every ORK-backed route answers []");
        }

        GatewayConfig.Http h = config.http();
        HttpSettings settings = new HttpSettings(h.host(), port, h.maxBodyBytes(), h.trustProxy(),
                Duration.ofMillis(config.rpcTimeoutMs()), h.connections(), h.stopGrace());
        ClientAddress clientAddress = new ClientAddress(h.trustProxy());
        Authentication authentication = new Authentication(activity.tracking(identity), clientAddress);
        alertsFeed = new AlertsFeed(orkFanOut, codec, fanOut.alertsInterval());
        alertsSocket = new AlertsSocket(alertsFeed, authentication, clock, metrics);
        identity.addRevocationListener(alertsSocket);
        // Javalin tries a request's path against each route of its method in this order (a regex each until the
        // exact one): the UI's frequent reads come first.
        RouteGroup downtimeRoutes = config.multiSite().isPresent()
                ? new MultiSiteRoutes(openMultiSite(config.multiSite().get(), cache, codec))
                : new DowntimeRoutes(new DowntimeService(orks, config.site(), clock));
        List<RouteGroup> routes = List.of(
                new IdentityRoutes(identity, new UserProfiles(profiles), config.site()),
                new ThingRoutes(new ThingsService(orks)),
                new LogRoutes(new LogsService(orks, clock)),
                new ActionRoutes(new ActionsService(orks)),
                new GlobalDataRoutes(globalData, globalData, config.featureConfig()),
                new SiteConfigRoutes(new SiteConfigService(orks)),
                new UserRoutes(users, users),
                signInRoutes(clientAddress),
                downtimeRoutes,
                new FinanceRoutes(new FinanceService(orks, AnalyticsWiring.productionCosts(globalDataStore, site),
                        clock)),
                new PoolRoutes(new PoolsService(orks)),
                new SiteAlertRoutes(new SiteAlertsService(orks)),
                new SiteRoutes(new SiteService(orks, AnalyticsWiring.settings(config), clock)),
                new AnalyticsMetricRoutes(new MetricsService(orks, AnalyticsWiring.settings(config), clock), clock),
                new DcsRoutes(new DcsService(orks, AnalyticsWiring.settings(config))),
                new DeviceRoutes(new DevicesService(orks, AnalyticsWiring.settings(config))),
                new EnergyRoutes(new EnergyService(orks)),
                new PoolConfigRoutes(new PoolConfigsService(orks)),
                new MetricsRoutes(metrics, AllowedAddresses.parse(config.observability().metricsAllow()),
                        authentication, clientAddress),
                new OpenApiRoutes(config.signIn().map(SignInConfig::startPath).orElse(SignInRoutes.DEFAULT_START_PATH)),
                new HealthRoutes(new HealthService(new JooqStorageProbe(db, clock), orkFanOut,
                        new TransportComponents(transports.usedBy(config.orks().values())), clock)),
                alertsSocket);
        http = new GatewayHttpServer(settings, authentication, routes, staticUi(), metrics).start();
        try {
            opening.awaitOpened();
            startupNotes = OrkWiring.startupNotes(config.orks(), transports, dataDir);
        } catch (RuntimeException e) {
            http.stop(); // the start fails as if it had never listened
            http = null;
            throw e;
        }
        housekeeping = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("housekeeping").factory());
        housekeeping.scheduleAtFixedRate(this::purgeExpiredTokens, 1, PURGE_PERIOD_MINUTES, TimeUnit.MINUTES);
        housekeeping.scheduleAtFixedRate(this::checkpoint, CHECKPOINT_PERIOD_MINUTES, CHECKPOINT_PERIOD_MINUTES,
                TimeUnit.MINUTES);
        housekeeping.scheduleAtFixedRate(this::flushActivity, ACTIVITY_FLUSH_SECONDS, ACTIVITY_FLUSH_SECONDS,
                TimeUnit.SECONDS);
        return http;
    }

    /**
     * Multi-site mode: the sites' gateways reached with the service tokens in their token files (a missing or
     * unreadable file stops the start, naming it).
     */
    private MultiSiteService openMultiSite(MultiSiteConfig multiSite, ResponseCache cache, JacksonJsonCodec codec) {
        List<SiteEndpoint> endpoints = new java.util.ArrayList<>();
        List<FederatedSite> sites = new java.util.ArrayList<>();
        for (MultiSiteConfig.Site site : multiSite.sites()) {
            String token;
            try {
                token = ServiceTokenFile.read(site.tokenFile());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(ConfigLoader.COMMON + ": multiSite: site " + site.id() + ": "
                        + e.getMessage());
            }
            endpoints.add(new SiteEndpoint(site.id(), site.baseUrl(), token, site.tls().verify(),
                    site.tls().trustStore(), site.tls().trustStorePassword()));
            sites.add(new FederatedSite(site.id(), site.name()));
        }
        try {
            siteGateways = new HttpSiteGateways(endpoints, multiSite.maxAnswerBytes(), multiSite.siteTimeout());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(ConfigLoader.COMMON + ": multiSite: " + e.getMessage());
        }
        multiSiteService = new MultiSiteService(sites, siteGateways, multiSite.concurrency(), multiSite.siteTimeout(),
                cache, multiSite.cacheTtl(), codec, clock);
        LOG.info("multi-site mode: {} sites ({})", sites.size(),
                sites.stream().map(FederatedSite::id).collect(java.util.stream.Collectors.joining(", ")));
        return multiSiteService;
    }

    private Optional<StaticUi> staticUi() {
        return config.staticRootPath().map(folder -> {
            try {
                StaticUi ui = new StaticUi(Path.of(folder));
                LOG.info("serving the UI from {}", folder);
                return ui;
            } catch (IllegalArgumentException e) {
                throw new ConfigException(ConfigLoader.COMMON + ": staticRootPath: " + e.getMessage());
            }
        });
    }

    private SignInRoutes signInRoutes(ClientAddress clientAddress) {
        if (config.signIn().isEmpty()) {
            // The hosted UI's sign-in page shows an ?error= code; without a hosted UI there is no page to go to.
            return config.staticRootPath().isPresent() ? SignInRoutes.notConfigured(URI.create(UI_SIGN_IN_PAGE))
                    : SignInRoutes.notConfigured();
        }
        SignInConfig signIn = config.signIn().get();
        StateSigningKey key = signIn.stateSecret().map(StateSigningKey::configured)
                .orElseGet(() -> StateSigningKey.inDataDir(dataDir));
        JwtSignInStates states = new JwtSignInStates(key, Duration.ofSeconds(signIn.stateTtlSeconds()), clock);
        OAuth2IdentityProvider provider = new OAuth2IdentityProvider(new OAuth2ProviderSettings(signIn.clientId(),
                signIn.clientSecret(), signIn.callbackUri(), signIn.authorizationEndpoint(), signIn.tokenEndpoint(),
                signIn.userinfoEndpoint(), Duration.ofMillis(signIn.providerTimeoutMs())));
        SignInService service = new SignInService(provider, profiles, states, identity, activity, audit, db, clock);
        LOG.info("Google sign-in starts at {}; callback {}; then to {}", signIn.startPath(), signIn.callbackUri(),
                signIn.uiUri());
        return SignInRoutes.configured(service, signIn.startPath(), signIn.uiUri(), clientAddress);
    }

    /**
     * What the transports the configured ORKs use ask to tell the operator once the server runs, e.g. the hrpc client
     * key ORK operators must allow (empty before {@link #serve}, and when no transport in use has anything to say).
     */
    public List<String> startupNotes() {
        return startupNotes;
    }

    /** How often each ORK failed since the server started (empty before {@link #serve}). */
    public OrkFailureCounts orkFailureCounts() {
        return orkFanOut == null ? new OrkFailureCounts() : orkFanOut.failureCounts();
    }

    private void purgeExpiredTokens() {
        try {
            int purged = identity.purgeExpired();
            if (purged > 0) {
                LOG.info("purged {} expired tokens", purged);
            }
            if (db instanceof PostgresDatabase postgres) {
                // a bucket untouched for a day starts full again: that only forgives
                new JooqRateBuckets(postgres).purgeIdle(clock.instant().minus(Duration.ofDays(1)));
            }
        } catch (RuntimeException e) {
            LOG.warn("purging expired tokens failed: {}", e.getMessage());
        }
    }

    /** Folds the database's write-ahead log in and truncates it, so a burst of writes never leaves it large. */
    private void checkpoint() {
        try {
            if (db instanceof SqliteDatabase sqlite) {
                sqlite.checkpoint(); // PostgreSQL checkpoints by itself
            }
        } catch (RuntimeException e) {
            LOG.warn("checkpointing the database failed (tried again later): {}", e.getMessage());
        }
    }

    private void flushActivity() {
        try {
            activity.flush();
        } catch (RuntimeException e) {
            LOG.warn("writing users' last activity failed (kept for the next try): {}", e.getMessage());
        }
    }

    /**
     * Stops serving and releases everything: the HTTP server first stops accepting and lets the requests in flight
     * finish (up to {@code gateway.stopGrace}) while the ORKs and storage they use are still open; then the rest,
     * storage last. Closing twice does nothing more.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (housekeeping != null) {
            housekeeping.shutdownNow();
            try {
                housekeeping.awaitTermination(5, TimeUnit.SECONDS); // let a running flush finish before ours
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (alertsSocket != null) {
            alertsSocket.close();
        }
        if (alertsFeed != null) {
            alertsFeed.close();
        }
        if (http != null) {
            http.stop();
        }
        if (cacheLoads != null) {
            cacheLoads.close();
        }
        if (multiSiteService != null) {
            multiSiteService.close();
        }
        if (siteGateways != null) {
            siteGateways.close();
        }
        flushActivity();
        try {
            if (orkCluster != null) {
                orkCluster.close();
            }
            changeFeed.ifPresent(PostgresChangeFeed::close);
            db.close();
        } finally {
            if (serveLock != null) {
                serveLock.close(); // last: the simulated ORKs' state and the database are written by now
            }
        }
    }
}
