package io.miningos.gateway.bootstrap;

import io.miningos.gateway.adapters.http.Authentication;
import io.miningos.gateway.adapters.http.ClientAddress;
import io.miningos.gateway.adapters.http.GatewayHttpServer;
import io.miningos.gateway.adapters.http.HttpSettings;
import io.miningos.gateway.adapters.http.IdentityRoutes;
import io.miningos.gateway.adapters.http.RouteGroup;
import io.miningos.gateway.adapters.http.StaticUi;
import io.miningos.gateway.adapters.http.UserRoutes;
import io.miningos.gateway.adapters.persistence.JooqAuditLog;
import io.miningos.gateway.adapters.persistence.JooqTokenStore;
import io.miningos.gateway.adapters.persistence.JooqUserRepository;
import io.miningos.gateway.adapters.persistence.JooqUserSettingsStore;
import io.miningos.gateway.adapters.persistence.SqliteDatabase;
import io.miningos.gateway.application.identity.IdentityService;
import io.miningos.gateway.application.identity.IdentitySettings;
import io.miningos.gateway.application.users.UsersService;
import io.miningos.gateway.domain.user.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
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

    private final GatewayConfig config;
    private final SqliteDatabase db;
    private final IdentityService identity;
    private final UsersService users;
    private GatewayHttpServer http;
    private ScheduledExecutorService housekeeping;

    private Gateway(GatewayConfig config, Path dataDir, Clock clock) {
        this.config = config;
        this.db = SqliteDatabase.open(dataDir);
        try {
            JooqUserRepository userRepository = new JooqUserRepository(db);
            GatewayConfig.Identity id = config.identity();
            this.identity = new IdentityService(userRepository, new JooqTokenStore(db), id.roles(),
                    new IdentitySettings(id.signInTtlSeconds(), id.refreshTtlSeconds()), db, clock);
            this.users = new UsersService(userRepository, new JooqUserSettingsStore(db), identity,
                    new JooqAuditLog(db), id.roles(), db, clock);
            if (userRepository.ensureSuperAdmin(id.superAdmin(), clock.instant())) {
                int revoked = identity.revokeAllOf(User.SUPER_ADMIN_ID);
                LOG.warn("super admin e-mail changed to {} by configuration; {} of its tokens revoked",
                        id.superAdmin(), revoked);
            }
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Opens storage (migrating it) and builds the services; makes sure the super admin exists. */
    public static Gateway open(GatewayConfig config, Path dataDir, Clock clock) {
        return new Gateway(config, dataDir, clock);
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

    /** Starts the HTTP server and periodic housekeeping. */
    public GatewayHttpServer serve(int port) {
        GatewayConfig.Http h = config.http();
        HttpSettings settings = new HttpSettings(h.host(), port, h.maxBodyBytes(), h.trustProxy());
        ClientAddress clientAddress = new ClientAddress(h.trustProxy());
        List<RouteGroup> routes = List.of(
                new IdentityRoutes(identity, config.site()),
                new UserRoutes(users, users));
        http = new GatewayHttpServer(settings, new Authentication(identity, clientAddress), routes, staticUi())
                .start();
        housekeeping = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("housekeeping").factory());
        housekeeping.scheduleAtFixedRate(this::purgeExpiredTokens, 1, PURGE_PERIOD_MINUTES, TimeUnit.MINUTES);
        return http;
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

    private void purgeExpiredTokens() {
        try {
            int purged = identity.purgeExpired();
            if (purged > 0) {
                LOG.info("purged {} expired tokens", purged);
            }
        } catch (RuntimeException e) {
            LOG.warn("purging expired tokens failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        if (housekeeping != null) {
            housekeeping.shutdownNow();
        }
        if (http != null) {
            http.stop();
        }
        db.close();
    }
}
