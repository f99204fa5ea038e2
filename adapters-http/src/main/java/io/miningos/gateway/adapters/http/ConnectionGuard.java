package io.miningos.gateway.adapters.http;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps slow or numerous HTTP/1 connections from tying the server up. Jetty's idle timeout alone lets a client keep a
 * connection forever by sending one header byte every few seconds, and nothing stops one address from opening
 * thousands of connections until file descriptors run out. So:
 * <ul>
 *   <li>a client address may have at most {@code maxPerAddress} connections open; one more is closed as soon as it
 *       opens;</li>
 *   <li>a request's headers must be complete within {@code headerTimeout} of their first byte; a connection that
 *       dribbles them is closed. (A slow body is Jetty's minimum data rate's business, an idle connection its idle
 *       timeout's.)</li>
 * </ul>
 * Closed connections are logged once a sweep as a count, never per connection: under attack that would be
 * thousands of lines. Jetty runs it as a bean of the connector, which also makes it a listener of every connection
 * the connector makes (HTTP/1; a connection upgraded to a WebSocket leaves the count when it is upgraded).
 */
final class ConnectionGuard extends AbstractLifeCycle implements Connection.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);
    private static final Duration SWEEP_PERIOD = Duration.ofSeconds(1);

    private final int maxPerAddress;
    private final long headerTimeoutNanos;
    private final Map<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    private final Map<Connection, Watched> open = new ConcurrentHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();
    private ScheduledExecutorService sweeper;

    /** What the sweep knows of one connection. Touched only by the sweeper thread after it was opened. */
    private static final class Watched {
        final InetAddress address;
        long messagesIn;
        long messagesOut;
        long bytesIn;
        long headerStartedNanos; // 0: not waiting for the headers of a request

        Watched(InetAddress address) {
            this.address = address;
        }
    }

    ConnectionGuard(int maxPerAddress, Duration headerTimeout) {
        this.maxPerAddress = maxPerAddress;
        this.headerTimeoutNanos = headerTimeout.toNanos();
    }

    /** Connections open from one address (tests, diagnostics). */
    int openFrom(InetAddress address) {
        AtomicInteger count = perAddress.get(address);
        return count == null ? 0 : count.get();
    }

    @Override
    public void onOpened(Connection connection) {
        InetAddress address = addressOf(connection.getEndPoint().getRemoteSocketAddress());
        if (address != null && perAddress.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet()
                > maxPerAddress) {
            release(address); // never counted: closing it may not come back through onClosed
            refused.incrementAndGet();
            connection.getEndPoint().close();
            return;
        }
        open.put(connection, new Watched(address));
    }

    @Override
    public void onClosed(Connection connection) {
        Watched watched = open.remove(connection);
        if (watched != null && watched.address != null) {
            release(watched.address);
        }
    }

    private void release(InetAddress address) {
        perAddress.computeIfPresent(address, (a, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    @Override
    protected void doStart() {
        sweeper = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("http-connection-guard").factory());
        sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_PERIOD.toMillis(), SWEEP_PERIOD.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() {
        sweeper.shutdownNow();
    }

    /** Closes connections whose request headers are taking too long; reports what was closed or refused. */
    void sweep() {
        try {
            long now = System.nanoTime();
            int slow = 0;
            for (Map.Entry<Connection, Watched> entry : open.entrySet()) {
                if (tooSlow(entry.getKey(), entry.getValue(), now)) {
                    entry.getKey().getEndPoint().close();
                    slow++;
                }
            }
            int over = refused.getAndSet(0);
            if (slow > 0 || over > 0) {
                LOG.info("closed {} connection(s) whose request headers took over {} s, and {} over the limit of {}"
                        + " per client address", slow, TimeUnit.NANOSECONDS.toSeconds(headerTimeoutNanos), over,
                        maxPerAddress);
            }
        } catch (RuntimeException e) {
            LOG.warn("checking connections failed: {}", e.toString());
        }
    }

    /**
     * A connection is waiting for a request's headers when all requests so far were answered and bytes arrived
     * since; a request whose headers are complete (in is ahead of out) is being handled.
     */
    private boolean tooSlow(Connection connection, Watched w, long now) {
        long in = connection.getMessagesIn();
        long out = connection.getMessagesOut();
        long bytes = connection.getBytesIn();
        if (in != w.messagesIn || out != w.messagesOut) {
            w.messagesIn = in;
            w.messagesOut = out;
            w.bytesIn = bytes;
            w.headerStartedNanos = 0;
            return false;
        }
        if (in > out) {
            return false;
        }
        if (bytes != w.bytesIn) {
            w.bytesIn = bytes;
            if (w.headerStartedNanos == 0) {
                w.headerStartedNanos = now;
            }
        }
        return w.headerStartedNanos != 0 && now - w.headerStartedNanos > headerTimeoutNanos;
    }

    private static InetAddress addressOf(SocketAddress address) {
        return address instanceof InetSocketAddress inet ? inet.getAddress() : null;
    }
}
