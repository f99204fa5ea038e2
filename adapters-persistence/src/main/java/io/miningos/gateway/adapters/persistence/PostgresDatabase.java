package io.miningos.gateway.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.miningos.gateway.application.shared.port.out.Telemetry;
import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.error.ErrorKind;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * The gateway's tables on a PostgreSQL server, shared by every gateway instance configured with it: a HikariCP pool
 * of connections, schema migrations at open (one instance at a time, under an advisory lock), transactions bound
 * to the calling thread as with SQLite ({@link Database}).
 *
 * <p>Failures are told apart by SQLSTATE: a server that cannot be reached, is shutting down, read-only or out of
 * disk is "unavailable" ({@code 503 ERR_STORAGE_UNAVAILABLE}); a lock, deadlock or serialization conflict, or a pool
 * with no free connection within {@value #BORROW_TIMEOUT_MS} ms, is "busy" ({@code 503 ERR_STORAGE_BUSY}).
 */
public final class PostgresDatabase extends Database {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresDatabase.class);
    static final int BORROW_TIMEOUT_MS = 10_000;
    /** SQLSTATE classes and codes: the server, not the statement, is the problem. */
    private static final List<String> UNAVAILABLE_STATES = List.of("08", "53", "57P01", "57P02", "57P03", "25006",
            "58");
    /** SQLSTATE codes of a conflict with another transaction: trying again can succeed. */
    private static final List<String> BUSY_STATES = List.of("40001", "40P01", "55P03", "57014");

    /**
     * Where and as whom to connect.
     *
     * @param url      a {@code jdbc:postgresql://host:port/database} URL
     * @param user     the role to log in as
     * @param password its password, or null for a server that asks none (trust, peer)
     * @param poolSize connections kept open at most
     */
    public record Settings(String url, String user, String password, int poolSize) {
        public Settings {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(user, "user");
            if (!url.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("a PostgreSQL url starts with jdbc:postgresql: (got " + url + ")");
            }
            if (poolSize < 1) {
                throw new IllegalArgumentException("poolSize must be at least 1");
            }
        }

        /** Never prints the password. */
        @Override
        public String toString() {
            return "Settings[url=" + url + ", user=" + user + ", poolSize=" + poolSize + "]";
        }

        /** A connection of its own, outside the pool (the change listener holds one for good). */
        Connection connect() throws SQLException {
            return connect("miningos-gateway");
        }

        Connection connect(String applicationName) throws SQLException {
            Properties properties = new Properties();
            properties.setProperty("user", user);
            if (password != null) {
                properties.setProperty("password", password);
            }
            properties.setProperty("ApplicationName", applicationName);
            properties.setProperty("tcpKeepAlive", "true");
            properties.setProperty("connectTimeout", "5");
            properties.setProperty("socketTimeout", "10");
            return DriverManager.getConnection(url, properties);
        }
    }

    private final Settings settings;
    private final HikariDataSource pool;
    private final DSLContext dsl;
    private final Telemetry telemetry;

    private PostgresDatabase(Settings settings, Telemetry telemetry) {
        this.settings = settings;
        this.telemetry = telemetry;
        HikariConfig config = new HikariConfig();
        config.setPoolName("gateway-postgres");
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(2, settings.poolSize()));
        config.setConnectionTimeout(BORROW_TIMEOUT_MS);
        // Fail at start when the server is unreachable, with the driver's reason, rather than at the first request.
        config.setInitializationFailTimeout(BORROW_TIMEOUT_MS);
        config.addDataSourceProperty("ApplicationName", "miningos-gateway");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        try {
            this.pool = new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("cannot connect to PostgreSQL at " + settings.url() + " as "
                    + settings.user() + ": " + cause.getMessage(), e);
        }
        DefaultConfiguration configuration = new DefaultConfiguration();
        configuration.set(SQLDialect.POSTGRES);
        configuration.set(connectionProvider());
        configuration.set(new org.jooq.conf.Settings().withExecuteLogging(false).withRenderSchema(false));
        configuration.set(new DefaultExecuteListenerProvider(new FailureTranslator()));
        this.dsl = DSL.using(configuration);
    }

    /** Connects (the server must be up), and brings the schema up to date. */
    public static PostgresDatabase open(Settings settings, Telemetry telemetry) {
        PostgresDatabase db = new PostgresDatabase(settings, Objects.requireNonNull(telemetry, "telemetry"));
        try {
            SchemaMigrations.apply(db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    public static PostgresDatabase open(Settings settings) {
        return open(settings, Telemetry.NONE);
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public DSLContext dsl() {
        return dsl;
    }

    @Override
    public SQLDialect dialect() {
        return SQLDialect.POSTGRES;
    }

    @Override
    Connection borrow() {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    void giveBack(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("returning a connection to the pool failed: {}", e.getMessage());
        }
    }

    @Override
    RuntimeException translate(SQLException e) {
        if (has(e, BUSY_STATES)) {
            telemetry.storageBusy();
            return new DomainException(ErrorKind.UNAVAILABLE, STORAGE_BUSY);
        }
        telemetry.storageFailed();
        if (has(e, UNAVAILABLE_STATES)) {
            return unavailable(e);
        }
        if (e instanceof java.sql.SQLTransientConnectionException) {
            // the pool had no connection to give within its timeout, the server being reachable
            telemetry.storageBusy();
            return new DomainException(ErrorKind.UNAVAILABLE, STORAGE_BUSY);
        }
        return new IllegalStateException("storage failure: " + e.getMessage(), e);
    }

    private DomainException unavailable(Throwable e) {
        LOG.warn("storage unavailable (PostgreSQL at {} down, read-only or full?): {}", settings.url(),
                e.getMessage());
        return new DomainException(ErrorKind.UNAVAILABLE, STORAGE_UNAVAILABLE);
    }

    /** Whether {@code t} or a cause carries one of the SQLSTATEs (or classes, two characters) listed. */
    private static boolean has(Throwable t, List<String> states) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException se && se.getSQLState() != null) {
                String state = se.getSQLState();
                for (String s : states) {
                    if (s.length() == 2 ? state.startsWith(s) : state.equals(s)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Override
    public void close() {
        pool.close();
    }

    /** As for SQLite: a conflict is "try again", a lost or full server "unavailable", not a crash. */
    private final class FailureTranslator implements ExecuteListener {
        @Override
        public void exception(ExecuteContext ctx) {
            SQLException e = ctx.sqlException();
            if (e == null) {
                return;
            }
            if (has(e, BUSY_STATES)) {
                telemetry.storageBusy();
                ctx.exception(new DomainException(ErrorKind.UNAVAILABLE, STORAGE_BUSY));
            } else {
                telemetry.storageFailed();
                if (has(e, UNAVAILABLE_STATES)) {
                    ctx.exception(unavailable(e));
                }
            }
        }
    }
}
