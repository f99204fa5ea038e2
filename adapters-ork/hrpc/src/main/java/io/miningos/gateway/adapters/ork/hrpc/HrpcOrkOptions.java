package io.miningos.gateway.adapters.ork.hrpc;

import io.miningos.gateway.adapters.ork.spi.OrkOptions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
        OrkOptions read = OrkOptions.of(HrpcTransportProvider.NAME, options);
        String key = read.requiredString("rpcPublicKey", "the ORK's RPC public key, 64 hex characters");
        List<DhtNode> bootstrap = read.strings("bootstrap").map(entries -> bootstrapFrom(read, entries))
                .orElse(List.of());
        Optional<Duration> timeout = read.duration("timeout", Duration.ofMillis(1), Duration.ofMillis(MAX_TIMEOUT_MS));
        read.finish();
        return new HrpcOrkOptions(key.trim().toLowerCase(Locale.ROOT), bootstrap, timeout);
    }

    /** How long a call may take: the caller's timeout, cut to this ORK's configured bound if it is shorter. */
    public Duration callTime(Duration callerTimeout) {
        return maxCallTime.filter(limit -> limit.compareTo(callerTimeout) < 0).orElse(callerTimeout);
    }

    /** The bootstrap list as the bridge wants it: {@code host:port} strings. */
    List<String> bootstrapAddresses() {
        return bootstrap.stream().map(DhtNode::toString).toList();
    }

    private static List<DhtNode> bootstrapFrom(OrkOptions read, List<String> entries) {
        if (entries.isEmpty()) {
            throw read.problem("bootstrap", "must be a non-empty list of \"host:port\" strings (leave it out to use "
                    + "the public HyperDHT)");
        }
        List<DhtNode> nodes = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            try {
                nodes.add(DhtNode.parse(entries.get(i)));
            } catch (IllegalArgumentException e) {
                throw read.problem("bootstrap", "entry " + (i + 1) + " " + e.getMessage());
            }
        }
        return nodes;
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
