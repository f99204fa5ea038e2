package io.miningos.gateway.adapters.ork.hrpc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The configuration of one ORK reached over Hyperswarm RPC.
 *
 * @param rpcPublicKey the ORK's RPC server public key, 64 lower-case hex characters
 * @param bootstrap    the HyperDHT bootstrap nodes to join; empty means the public HyperDHT
 * @param maxCallTime  an upper bound on every call to this ORK, if the site set one; a call never waits longer
 *                     than its caller's own timeout either
 */
public record HrpcOrkOptions(String rpcPublicKey, List<DhtNode> bootstrap, Optional<Duration> maxCallTime) {

    /** The option keys a site may set for an {@code hrpc} ORK. */
    public static final Set<String> KEYS = Set.of("rpcPublicKey", "bootstrap", "timeout");

    static final long MAX_TIMEOUT_MS = Duration.ofMinutes(10).toMillis();
    private static final Pattern HEX_KEY = Pattern.compile("[0-9a-f]{64}");

    public HrpcOrkOptions {
        if (rpcPublicKey == null || !HEX_KEY.matcher(rpcPublicKey).matches()) {
            throw new IllegalArgumentException("rpcPublicKey: must be the ORK's RPC public key, 64 hex characters");
        }
        bootstrap = List.copyOf(bootstrap);
        Objects.requireNonNull(maxCallTime, "maxCallTime");
        maxCallTime.ifPresent(limit -> {
            if (limit.isNegative() || limit.isZero() || limit.toMillis() > MAX_TIMEOUT_MS) {
                throw new IllegalArgumentException("timeout: must be between 1 and " + MAX_TIMEOUT_MS + " ms");
            }
        });
    }

    /**
     * Reads an ORK's options as they come from the configuration file (plain JSON values). Throws
     * {@link IllegalArgumentException} whose message starts with the offending key.
     */
    public static HrpcOrkOptions fromConfig(Map<String, Object> options) {
        for (String key : options.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(key + ": unknown option for the hrpc transport (known: "
                        + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
        }
        if (!(options.get("rpcPublicKey") instanceof String key)) {
            throw new IllegalArgumentException("rpcPublicKey: must be the ORK's RPC public key, 64 hex characters");
        }
        return new HrpcOrkOptions(key.trim().toLowerCase(Locale.ROOT), bootstrapFrom(options.get("bootstrap")),
                timeoutFrom(options.get("timeout")));
    }

    /** How long a call may take: the caller's timeout, cut to this ORK's configured bound if it is shorter. */
    public Duration callTime(Duration callerTimeout) {
        return maxCallTime.filter(limit -> limit.compareTo(callerTimeout) < 0).orElse(callerTimeout);
    }

    /** The bootstrap list as the bridge wants it: {@code host:port} strings. */
    List<String> bootstrapAddresses() {
        return bootstrap.stream().map(DhtNode::toString).toList();
    }

    private static List<DhtNode> bootstrapFrom(Object raw) {
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof List<?> entries) || entries.isEmpty()) {
            throw new IllegalArgumentException("bootstrap: must be a non-empty list of \"host:port\" strings "
                    + "(leave it out to use the public HyperDHT)");
        }
        List<DhtNode> nodes = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i) instanceof String text)) {
                throw new IllegalArgumentException("bootstrap: entry " + (i + 1) + " must be a \"host:port\" string");
            }
            try {
                nodes.add(DhtNode.parse(text));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bootstrap: entry " + (i + 1) + " " + e.getMessage(), e);
            }
        }
        return nodes;
    }

    private static Optional<Duration> timeoutFrom(Object raw) {
        if (raw == null) {
            return Optional.empty();
        }
        if (!(raw instanceof Integer || raw instanceof Long)) {
            throw new IllegalArgumentException("timeout: must be a whole number of milliseconds");
        }
        long millis = ((Number) raw).longValue();
        if (millis < 1 || millis > MAX_TIMEOUT_MS) {
            throw new IllegalArgumentException("timeout: must be between 1 and " + MAX_TIMEOUT_MS + " ms");
        }
        return Optional.of(Duration.ofMillis(millis));
    }

    /** A HyperDHT node to bootstrap from. IPv4 addresses and host names; HyperDHT itself runs over IPv4. */
    public record DhtNode(String host, int port) {

        private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?");

        public DhtNode {
            if (host == null || !HOST.matcher(host).matches()) {
                throw new IllegalArgumentException("has an invalid host: " + host);
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("has an invalid port: " + port);
            }
        }

        /** Parses {@code host:port}. */
        public static DhtNode parse(String text) {
            String trimmed = text.trim();
            int colon = trimmed.lastIndexOf(':');
            if (colon <= 0 || colon != trimmed.indexOf(':') || colon == trimmed.length() - 1) {
                throw new IllegalArgumentException("must look like host:port, got \"" + text + "\"");
            }
            String portText = trimmed.substring(colon + 1);
            if (!portText.chars().allMatch(Character::isDigit) || portText.length() > 5) {
                throw new IllegalArgumentException("has an invalid port: " + portText);
            }
            return new DhtNode(trimmed.substring(0, colon), Integer.parseInt(portText));
        }

        @Override
        public String toString() {
            return host + ":" + port;
        }
    }
}
