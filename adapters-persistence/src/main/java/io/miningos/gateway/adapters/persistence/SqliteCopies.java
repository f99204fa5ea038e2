package io.miningos.gateway.adapters.persistence;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Copies of the gateway's database for backups: taken with SQLite's online backup while a server keeps writing, and
 * checked before a restore puts one in place.
 */
public final class SqliteCopies {

    /** How often and how long to retry a backup step that finds the file locked. */
    private static final int BUSY_RETRY_MILLIS = 100;
    private static final int BUSY_RETRIES = 100;

    private SqliteCopies() {
    }

    /**
     * Writes a consistent copy of {@code dataDir}'s database to {@code copy}: SQLite's online backup in one step,
     * inside one read transaction, so writers (a running server) go on and the copy is the database as of one moment,
     * never a mix. Migrates nothing and takes no write lock.
     *
     * @throws IllegalStateException if there is no database in {@code dataDir} or the copy fails
     */
    public static void backup(Path dataDir, Path copy) {
        Path file = dataDir.resolve(SqliteDatabase.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no gateway database in " + dataDir + " (" + SqliteDatabase.FILE_NAME
                    + " is missing)");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        try (Connection connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            ((SQLiteConnection) connection).getDatabase().backup("main", copy.toAbsolutePath().toString(), null,
                    BUSY_RETRY_MILLIS, BUSY_RETRIES, -1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot copy the database " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks that {@code file} is a sound gateway database this gateway can open: SQLite's integrity check passes and
     * its schema is not newer than this gateway's.
     *
     * @throws IllegalStateException saying what is wrong
     */
    public static void check(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement statement = connection.createStatement()) {
            try (ResultSet integrity = statement.executeQuery("PRAGMA integrity_check")) {
                String verdict = integrity.next() ? integrity.getString(1) : "no answer";
                if (!"ok".equals(verdict)) {
                    throw new IllegalStateException("the database copy is damaged: " + verdict);
                }
            }
            int version;
            try (ResultSet schema = statement.executeQuery("SELECT max(version) FROM schema_migrations")) {
                version = schema.next() ? schema.getInt(1) : 0;
            } catch (SQLException e) {
                throw new IllegalStateException("not a gateway database (no schema_migrations table)", e);
            }
            if (version > SchemaMigrations.STEPS.size()) {
                throw new IllegalStateException("the database copy has schema version " + version + ", newer than"
                        + " this gateway's (" + SchemaMigrations.STEPS.size() + "); restore it with a newer gateway");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("not a readable SQLite database: " + e.getMessage(), e);
        }
    }

    /** The database file and SQLite's companions in {@code dataDir} ({@code -wal}, {@code -shm}, {@code -journal}). */
    public static List<Path> files(Path dataDir) {
        String name = SqliteDatabase.FILE_NAME;
        return List.of(dataDir.resolve(name), dataDir.resolve(name + "-wal"), dataDir.resolve(name + "-shm"),
                dataDir.resolve(name + "-journal"));
    }
}
