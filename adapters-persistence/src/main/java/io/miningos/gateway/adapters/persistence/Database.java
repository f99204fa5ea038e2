package io.miningos.gateway.adapters.persistence;

import io.miningos.gateway.application.shared.port.out.Transactions;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The gateway's database, SQLite file or PostgreSQL server: a jOOQ context over a pool of connections, with
 * transactions bound to the calling thread so the stores called inside {@link #inTransaction} join it. The stores
 * are written once against this; what differs per engine (the pool, the schema steps, which failures mean "busy"
 * or "unavailable") lives in the two subclasses.
 */
public abstract sealed class Database implements Transactions, AutoCloseable permits SqliteDatabase, PostgresDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    static final String STORAGE_BUSY = "ERR_STORAGE_BUSY";
    static final String STORAGE_UNAVAILABLE = "ERR_STORAGE_UNAVAILABLE";

    static {
        // jOOQ prints a banner and tips at first use; a service log has no room for either.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private final ThreadLocal<Transaction> current = new ThreadLocal<>();

    private static final class Transaction {
        final Connection connection;
        final List<Runnable> afterCommit = new ArrayList<>();

        Transaction(Connection connection) {
            this.connection = connection;
        }
    }

    /** The jOOQ context. Statements run in the caller's transaction if one is open, else each on its own. */
    public abstract DSLContext dsl();

    public abstract SQLDialect dialect();

    /** A connection from the pool, or {@code 503 ERR_STORAGE_BUSY} when none frees up in time. */
    abstract Connection borrow();

    /** Hands a connection borrowed with {@link #borrow} back to the pool. */
    abstract void giveBack(Connection connection);

    /** What a failed commit or begin means to the caller: busy, unavailable, or a bug. */
    abstract RuntimeException translate(SQLException e);

    @Override
    public abstract void close();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        Connection connection = borrow();
        Transaction tx = new Transaction(connection);
        current.set(tx);
        T result;
        boolean committed = false;
        try {
            connection.setAutoCommit(false); // SQLite: BEGIN IMMEDIATE (the connection's transaction mode)
            result = work.get();
            connection.commit();
            committed = true;
        } catch (SQLException e) {
            throw translate(e);
        } finally {
            if (!committed) {
                rollbackQuietly(connection);
            }
            restoreAutoCommit(connection);
            current.remove();
            giveBack(connection);
        }
        for (Runnable action : tx.afterCommit) {
            action.run();
        }
        return result;
    }

    @Override
    public void afterCommit(Runnable action) {
        Transaction tx = current.get();
        if (tx == null) {
            action.run();
        } else {
            tx.afterCommit.add(action);
        }
    }

    /** SQLite rolls a transaction back by itself on some errors (disk full, I/O): then there is nothing to undo. */
    private static void rollbackQuietly(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException e) {
            LOG.debug("rollback: {}", e.getMessage());
        }
    }

    /**
     * Puts the connection back in auto-commit mode for the pool. It ends the transaction the driver opened after
     * the commit or rollback; when SQLite had already ended it (an automatic rollback), that fails harmlessly and must
     * not hide the failure that caused it. The driver is in auto-commit mode either way; a transaction it may have
     * left open is rolled back so the next borrower never joins it.
     */
    private static void restoreAutoCommit(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            LOG.debug("ending the transaction: {}", e.getMessage());
            try (var statement = connection.createStatement()) {
                statement.execute("ROLLBACK");
            } catch (SQLException none) {
                // No transaction open: the usual case.
            }
        }
    }

    /** Hands jOOQ the transaction's connection when one is open, else one from the pool per statement. */
    final ConnectionProvider connectionProvider() {
        return new ConnectionProvider() {
            @Override
            public Connection acquire() {
                Transaction tx = current.get();
                return tx != null ? tx.connection : borrow();
            }

            @Override
            public void release(Connection connection) {
                Transaction tx = current.get();
                if (tx == null || tx.connection != connection) {
                    giveBack(connection);
                }
            }
        };
    }
}
