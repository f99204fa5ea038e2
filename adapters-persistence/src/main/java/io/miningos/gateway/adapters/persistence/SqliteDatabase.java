package io.miningos.gateway.adapters.persistence;

import io.miningos.gateway.application.shared.port.out.Telemetry;
import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.error.ErrorKind;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's SQLite file: a small pool of connections in WAL mode (readers never block the writer, and a
 * second process such as the {@code token} command can use the same file), schema migrations at open, and
 * transactions bound to the calling thread so repositories called inside {@link #inTransaction} join it.
 *
 * <p>Write transactions start with {@code BEGIN IMMEDIATE}: SQLite then waits (busy timeout) for the write lock
 * up front instead of failing a read-then-write transaction half way.
 *
 * <p>Every storage failure is reported to {@link Telemetry}: a lock held past the busy timeout (answered
 * {@code 503 ERR_STORAGE_BUSY}) apart from anything else.
 */
public final class SqliteDatabase extends Database {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteDatabase.class);
    public static final String FILE_NAME = "gateway.db";
    /** SQLite result codes (and their extended forms) that mean the disk, not the statement, is the problem. */
    private static final List<String> UNAVAILABLE_FAMILIES = List.of("SQLITE_FULL", "SQLITE_READONLY",
            "SQLITE_IOERR", "SQLITE_CANTOPEN");
    private static final int BUSY_TIMEOUT_MS = 10_000;
    /** What a write-ahead log is cut back to after a checkpoint: it never stays large after a burst of writes. */
    private static final int JOURNAL_SIZE_LIMIT_BYTES = 4 * 1024 * 1024;

    private final Path file;
    private final BlockingQueue<Connection> idle;
    private final List<Connection> all;
    private final DSLContext dsl;
    private final Telemetry telemetry;

    private SqliteDatabase(Path file, int poolSize, Telemetry telemetry) throws SQLException {
        this.file = file;
        this.telemetry = telemetry;
        this.idle = new ArrayBlockingQueue<>(poolSize);
        this.all = new ArrayList<>(poolSize);
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setJournalSizeLimit(JOURNAL_SIZE_LIMIT_BYTES);
        config.enforceForeignKeys(true);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        try {
            for (int i = 0; i < poolSize; i++) {
                Connection c = config.createConnection(url);
                all.add(c);
                idle.add(c);
            }
        } catch (SQLException e) {
            closeAll();
            throw e;
        }
        DefaultConfiguration configuration = new DefaultConfiguration();
        configuration.set(SQLDialect.SQLITE);
        configuration.set(connectionProvider());
        configuration.set(new Settings().withExecuteLogging(false).withRenderSchema(false));
        configuration.set(new DefaultExecuteListenerProvider(new BusyTranslator()));
        this.dsl = DSL.using(configuration);
    }

    /** Opens (creating if needed) {@code dataDir/gateway.db} and brings its schema up to date. */
    public static SqliteDatabase open(Path dataDir) {
        return open(dataDir, 4, Telemetry.NONE);
    }

    /** As {@link #open(Path)}, reporting storage failures to {@code telemetry}. */
    public static SqliteDatabase open(Path dataDir, Telemetry telemetry) {
        return open(dataDir, 4, telemetry);
    }

    public static SqliteDatabase open(Path dataDir, int poolSize) {
        return open(dataDir, poolSize, Telemetry.NONE);
    }

    public static SqliteDatabase open(Path dataDir, int poolSize, Telemetry telemetry) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDir);
            createOwnerOnly(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + file + ": " + e.getMessage(), e);
        }
        SqliteDatabase db;
        try {
            db = new SqliteDatabase(file, poolSize, Objects.requireNonNull(telemetry, "telemetry"));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open database " + file + ": " + e.getMessage(), e);
        }
        try {
            SchemaMigrations.apply(db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    /**
     * Creates the database file readable by its owner only, before SQLite does (with 0644): SQLite gives the
     * {@code -wal} and {@code -shm} files it makes, now and after every checkpoint or reopen, the database file's
     * permissions, and a umask cannot be set from Java. An empty file is a new database to SQLite.
     */
    private static void createOwnerOnly(Path file) throws IOException {
        if (Files.exists(file) || Files.getFileAttributeView(file.getParent(), PosixFileAttributeView.class) == null) {
            return;
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            // another process (the CLI beside a starting server) made it first
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public DSLContext dsl() {
        return dsl;
    }

    @Override
    public SQLDialect dialect() {
        return SQLDialect.SQLITE;
    }

    /**
     * Copies the write-ahead log into the database and truncates it to nothing (SQLite's own checkpoints only run
     * when the log is large and never shrink it, so a burst of writes left a log of hundreds of MB for good). Run
     * periodically; a checkpoint that readers keep from finishing is tried again next time.
     *
     * @return the size of the log file afterwards, in bytes
     */
    public long checkpoint() {
        Connection connection = borrow();
        try (var statement = connection.createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            LOG.warn("checkpointing {} failed: {}", file, e.getMessage());
        } finally {
            giveBack(connection);
        }
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        try {
            return Files.exists(wal) ? Files.size(wal) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    Connection borrow() {
        try {
            Connection c = idle.poll(BUSY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            if (c == null) {
                telemetry.storageBusy();
                throw new DomainException(ErrorKind.UNAVAILABLE, STORAGE_BUSY);
            }
            return c;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DomainException(ErrorKind.UNAVAILABLE, STORAGE_BUSY);
        }
    }

    @Override
    void giveBack(Connection connection) {
        idle.add(connection);
    }

    @Override
    RuntimeException translate(SQLException e) {
        if (isBusy(e)) {
            telemetry.storageBusy();
            return new DomainException(ErrorKind.UNAVAILABLE, STORAGE_BUSY);
        }
        telemetry.storageFailed();
        if (isUnavailable(e)) {
            return unavailable(e);
        }
        return new IllegalStateException("storage failure: " + e.getMessage(), e);
    }

    /**
     * The disk is full or read-only, or the file can no longer be read or written (I/O error, gone): writes cannot
     * succeed until the operator acts, so they are "unavailable" (503), not a bug (500). Reads mostly keep working.
     */
    private static boolean isUnavailable(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLiteException se) {
                String name = se.getResultCode().name();
                for (String family : UNAVAILABLE_FAMILIES) {
                    if (name.equals(family) || name.startsWith(family + "_")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private DomainException unavailable(Throwable e) {
        LOG.warn("storage unavailable (disk full or read-only? check {}): {}", file.getParent(), e.getMessage());
        return new DomainException(ErrorKind.UNAVAILABLE, STORAGE_UNAVAILABLE);
    }

    private static boolean isBusy(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLiteException se) {
                SQLiteErrorCode code = se.getResultCode();
                if (code == SQLiteErrorCode.SQLITE_BUSY || code == SQLiteErrorCode.SQLITE_LOCKED
                        || code.name().startsWith("SQLITE_BUSY_")) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public void close() {
        closeAll();
    }

    private void closeAll() {
        for (Connection c : all) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.warn("closing a database connection failed: {}", e.getMessage());
            }
        }
    }

    /**
     * A lock held by another process for longer than the busy timeout is "try again", and a full or read-only disk
     * "unavailable", not a crash.
     */
    private final class BusyTranslator implements ExecuteListener {
        @Override
        public void exception(ExecuteContext ctx) {
            if (ctx.sqlException() != null && isBusy(ctx.sqlException())) {
                telemetry.storageBusy();
                ctx.exception(new DomainException(ErrorKind.UNAVAILABLE, STORAGE_BUSY));
            } else {
                telemetry.storageFailed();
                if (ctx.sqlException() != null && isUnavailable(ctx.sqlException())) {
                    ctx.exception(unavailable(ctx.sqlException()));
                }
            }
        }
    }
}
