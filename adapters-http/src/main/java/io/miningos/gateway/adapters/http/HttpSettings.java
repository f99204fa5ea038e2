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
 */
public record HttpSettings(String host, int port, long maxBodyBytes, boolean trustProxy, Duration requestDeadline) {

    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    public static final Duration DEFAULT_REQUEST_DEADLINE = Duration.ofSeconds(15);

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
        Objects.requireNonNull(requestDeadline, "requestDeadline");
        if (requestDeadline.isNegative() || requestDeadline.isZero()) {
            throw new IllegalArgumentException("requestDeadline must be positive");
        }
    }

    /** With the default request deadline. */
    public HttpSettings(String host, int port, long maxBodyBytes, boolean trustProxy) {
        this(host, port, maxBodyBytes, trustProxy, DEFAULT_REQUEST_DEADLINE);
    }
}
