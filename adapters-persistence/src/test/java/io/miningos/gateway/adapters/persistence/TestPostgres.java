package io.miningos.gateway.adapters.persistence;

import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The real PostgreSQL server tests run against: {@code ./test.sh} starts a throwaway one
 * ({@code scripts/postgres-test.sh}) and hands it over in {@code GATEWAY_TEST_POSTGRES_URL}, {@code _USER} and
 * {@code _PASSWORD}. Each test gets an empty schema (or database) of its own, dropped at {@link Scratch#close}.
 *
 * <p>Without a server these tests fail, saying how to get one; only {@code -DnoPostgres} (a developer building one
 * module without a server) makes them skip. CI runs them all.
 */
public final class TestPostgres {

    public static final String URL_VARIABLE = "GATEWAY_TEST_POSTGRES_URL";
    public static final String SKIP_PROPERTY = "noPostgres";

    private TestPostgres() {
    }

    /** The server's administrator settings; fails (or, with {@code -DnoPostgres}, skips) without a server. */
    public static PostgresDatabase.Settings admin() {
        String url = System.getenv(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            boolean skip = System.getProperty(SKIP_PROPERTY) != null
                    && !"false".equals(System.getProperty(SKIP_PROPERTY));
            Assumptions.assumeFalse(skip, "PostgreSQL tests skipped (-DnoPostgres)");
            throw new IllegalStateException("PostgreSQL tests need a server: run ./test.sh (it starts one), or set "
                    + URL_VARIABLE + " (and GATEWAY_TEST_POSTGRES_USER, _PASSWORD) to a server's JDBC URL, or pass"
                    + " -DnoPostgres to skip them");
        }
        String user = System.getenv().getOrDefault("GATEWAY_TEST_POSTGRES_USER", "postgres");
        return new PostgresDatabase.Settings(url, user, System.getenv("GATEWAY_TEST_POSTGRES_PASSWORD"), 4);
    }

    /** An empty schema of its own: the settings' connections use it (and only it) by default. */
    public static Scratch schema() {
        PostgresDatabase.Settings admin = admin();
        String name = scratchName();
        execute(admin, "CREATE SCHEMA " + name);
        String url = admin.url() + (admin.url().contains("?") ? "&" : "?") + "currentSchema=" + name;
        return new Scratch(new PostgresDatabase.Settings(url, admin.user(), admin.password(), 4),
                "DROP SCHEMA " + name + " CASCADE");
    }

    /**
     * An empty database of its own, for what is database-wide (notifications, several gateways): its URL is the
     * server URL with the database name replaced.
     */
    public static Scratch database() {
        PostgresDatabase.Settings admin = admin();
        String name = scratchName();
        execute(admin, "CREATE DATABASE " + name);
        String url = admin.url().replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
        return new Scratch(new PostgresDatabase.Settings(url, admin.user(), admin.password(), 4),
                "DROP DATABASE " + name + " WITH (FORCE)");
    }

    private static String scratchName() {
        return "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    }

    static void execute(PostgresDatabase.Settings settings, String sql) {
        try (Connection c = settings.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** A schema or database that exists until closed. */
    public record Scratch(PostgresDatabase.Settings settings, String drop) implements AutoCloseable {
        public PostgresDatabase open() {
            return PostgresDatabase.open(settings);
        }

        @Override
        public void close() {
            execute(admin(), drop);
        }
    }
}
