package io.miningos.gateway.adapters.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How the HTTP server listens.
 *
 * @param host            address to bind, e.g. {@code 0.0.0.0}
 * @param port            TCP port; 0 picks a free one (tests)
 * @param maxBodyBytes    larger request bodies are refused with 413 before they are read
 * @param trustProxy      take the client address from {@code X-Forwarded-For} (only behind a proxy you run)
 * @param requestDeadline how long after it arrived a request that waits for ORKs is answered at the latest (the
 *                        ORK timeout, {@code rpcTimeout}): its fan-outs end by then, and a request still waiting
 *                        a moment later gets 504 {@code ERR_ORK_TIMEOUT}
 * @param connections     what one connection and one client address may hold
 * @param stopGrace       how long a stop waits for requests in flight (new ones are refused meanwhile)
 */
public record HttpSettings(String host, int port, long maxBodyBytes, boolean trustProxy, Duration requestDeadline,
                           Connections connections, Duration stopGrace) {

    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    public static final Duration DEFAULT_REQUEST_DEADLINE = Duration.ofSeconds(15);
    public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(10);

    public HttpSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535");
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1024");
        }
        positive(requestDeadline, "requestDeadline");
        Objects.requireNonNull(connections, "connections");
        Objects.requireNonNull(stopGrace, "stopGrace");
        if (stopGrace.isNegative()) {
            throw new IllegalArgumentException("stopGrace must not be negative");
        }
    }

    /** With the default request deadline, connection limits and stop grace. */
    public HttpSettings(String host, int port, long maxBodyBytes, boolean trustProxy) {
        this(host, port, maxBodyBytes, trustProxy, DEFAULT_REQUEST_DEADLINE);
    }

    /** With the default connection limits and stop grace. */
    public HttpSettings(String host, int port, long maxBodyBytes, boolean trustProxy, Duration requestDeadline) {
        this(host, port, maxBodyBytes, trustProxy, requestDeadline, Connections.defaults(), DEFAULT_STOP_GRACE);
    }

    /**
     * What a connection and a client address may hold, so that slow or numerous connections cannot tie the server
     * up (slowloris, one address opening thousands of connections).
     *
     * @param idleTimeout        a connection with no traffic for this long is closed
     * @param headerTimeout      a request's headers must be complete this long after its first byte arrived
     * @param minBodyBytesPerSecond a request body arriving slower than this is cut off (408)
     * @param maxPerAddress      connections one client address may have open at once; more are closed at once
     *                           (behind a proxy, the proxy is that address)
     * @param maxTotal           connections open at once; beyond it new ones wait to be accepted
     * @param maxHeaderBytes     the request line and headers together (a URL may be nearly that long)
     */
    public record Connections(Duration idleTimeout, Duration headerTimeout, long minBodyBytesPerSecond,
                              int maxPerAddress, int maxTotal, int maxHeaderBytes) {

        public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
        public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);
        public static final long DEFAULT_MIN_BODY_BYTES_PER_SECOND = 1024;
        public static final int DEFAULT_MAX_PER_ADDRESS = 256;
        public static final int DEFAULT_MAX_TOTAL = 4096;
        /** At least the Node gateway's 16 KiB URLs, with room for the headers. */
        public static final int DEFAULT_MAX_HEADER_BYTES = 32 * 1024;

        public Connections {
            positive(idleTimeout, "idleTimeout");
            positive(headerTimeout, "headerTimeout");
            if (minBodyBytesPerSecond < 0) {
                throw new IllegalArgumentException("minBodyBytesPerSecond must not be negative");
            }
            if (maxPerAddress < 1 || maxTotal < 1) {
                throw new IllegalArgumentException("connection limits must be at least 1");
            }
            if (maxHeaderBytes < 8 * 1024) {
                throw new IllegalArgumentException("maxHeaderBytes must be at least 8 KiB");
            }
        }

        public static Connections defaults() {
            return new Connections(DEFAULT_IDLE_TIMEOUT, DEFAULT_HEADER_TIMEOUT, DEFAULT_MIN_BODY_BYTES_PER_SECOND,
                    DEFAULT_MAX_PER_ADDRESS, DEFAULT_MAX_TOTAL, DEFAULT_MAX_HEADER_BYTES);
        }
    }

    private static void positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
