package io.miningos.gateway.adapters.persistence;

import io.miningos.gateway.application.shared.port.in.PeerChanges;
import io.miningos.gateway.application.shared.port.out.Change;
import io.miningos.gateway.application.shared.port.out.ChangeNotifier;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Changes between the gateway instances on one PostgreSQL database, with PostgreSQL's own LISTEN/NOTIFY.
 *
 * <p>{@link #publish} runs {@code pg_notify} on the caller's transaction: PostgreSQL delivers it when (and only if)
 * that commits. The payload is {@code "<instance> <kind> <subject>"}, a few dozen bytes. Each instance listens on a
 * connection of its own (not from the pool) on a thread of its own, hands every other instance's change to its
 * {@link PeerChanges} subscribers, and checks the connection every {@value #CHECK_MILLIS} ms. When the connection is
 * lost, notifications may be lost with it: the subscribers are told {@link PeerChanges#missedChanges} at once, then
 * again after every failed reconnect (every {@value #RETRY_MILLIS} ms) and once more when listening again, so nothing
 * cached outlives an outage by more than that.
 */
public final class PostgresChangeFeed implements ChangeNotifier, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresChangeFeed.class);
    static final String CHANNEL = "miningos_gateway_changes";
    static final String LISTENER_NAME = "miningos-gateway-listener";
    static final int POLL_MILLIS = 250;
    static final int CHECK_MILLIS = 2_000;
    static final int RETRY_MILLIS = 1_000;

    private final PostgresDatabase db;
    private final String instance = UUID.randomUUID().toString().substring(0, 8);
    private final List<PeerChanges> subscribers = new CopyOnWriteArrayList<>();
    private final Thread listener;
    private volatile boolean closed;
    private volatile boolean listening;

    private PostgresChangeFeed(PostgresDatabase db) {
        this.db = db;
        this.listener = Thread.ofPlatform().daemon().name("postgres-changes").unstarted(this::listen);
    }

    /** A feed that publishes on {@code db}; it hears the other instances once {@link #startListening} ran. */
    public static PostgresChangeFeed on(PostgresDatabase db) {
        return new PostgresChangeFeed(db);
    }

    /** Starts hearing the other instances' changes (a server does; a one-off CLI command only publishes). */
    public void startListening() {
        listener.start();
    }

    public void subscribe(PeerChanges subscriber) {
        subscribers.add(subscriber);
    }

    /** Whether the listening connection is up now. */
    public boolean listening() {
        return listening;
    }

    @Override
    public void publish(Change change) {
        db.dsl().fetch("SELECT pg_notify(?, ?)", CHANNEL, instance + " " + change.kind() + " " + change.subject());
    }

    private void listen() {
        boolean outage = false;
        while (!closed) {
            try (Connection connection = db.settings().connect(LISTENER_NAME);
                 Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                listening = true;
                if (outage) {
                    LOG.info("listening for other gateways' changes again; dropped every cached session and read");
                    missed(); // what changed between the loss and LISTEN was never sent to us
                    outage = false;
                }
                receive(connection.unwrap(PGConnection.class), statement);
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (closed) {
                    return;
                }
                if (!outage) {
                    LOG.warn("lost the connection that hears other gateways' changes ({}); until it is back, cached"
                            + " sessions and reads are dropped every {} ms", e.getMessage(), RETRY_MILLIS);
                    outage = true;
                }
                missed();
                pause(RETRY_MILLIS);
            }
        }
    }

    private void receive(PGConnection connection, Statement statement) throws SQLException {
        long checked = System.nanoTime();
        while (!closed) {
            PGNotification[] notifications = connection.getNotifications(POLL_MILLIS);
            if (notifications != null) {
                for (PGNotification n : notifications) {
                    parse(n.getParameter()).ifPresent(this::deliver);
                }
            }
            if (System.nanoTime() - checked > CHECK_MILLIS * 1_000_000L) {
                statement.execute("SELECT 1"); // a dead connection shows itself here (socket timeout at worst)
                checked = System.nanoTime();
            }
        }
    }

    /** Another instance's change, or empty for our own and for payloads this version cannot read (logged). */
    Optional<Change> parse(String payload) {
        String[] parts = payload.split(" ", 3);
        if (parts.length == 3 && parts[0].equals(instance)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Change(Change.Kind.valueOf(parts[1]), parts[2]));
        } catch (RuntimeException e) {
            LOG.warn("a change notification this gateway cannot read ({}): dropping every cached session and read",
                    payload);
            missed();
            return Optional.empty();
        }
    }

    private void deliver(Change change) {
        for (PeerChanges subscriber : subscribers) {
            try {
                switch (change.kind()) {
                    case USER_REVOKED -> subscriber.userRevoked(change.userId());
                    case TOKENS_REVOKED -> subscriber.tokensRevoked(change.userId());
                    case GLOBAL_DATA -> subscriber.globalDataWritten(change.subject());
                }
            } catch (RuntimeException e) {
                LOG.warn("applying another gateway's change {} failed", change, e);
            }
        }
    }

    private void missed() {
        for (PeerChanges subscriber : subscribers) {
            try {
                subscriber.missedChanges();
            } catch (RuntimeException e) {
                LOG.warn("dropping cached state after missed changes failed", e);
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        if (!listener.isAlive()) {
            return;
        }
        listener.interrupt();
        try {
            listener.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
