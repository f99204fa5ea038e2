package io.miningos.gateway.adapters.ork.spi;

/**
 * A way of reaching an ORK ({@code sim}, {@code hrpc}, ...), discovered with {@link java.util.ServiceLoader}.
 * Adding a transport needs its own package plus one line in
 * {@code META-INF/services/io.miningos.gateway.adapters.ork.spi.OrkTransportProvider}.
 */
public interface OrkTransportProvider {

    /** The name a site uses in {@code orks.<id>.transport}. Lower-case, unique among installed transports. */
    String name();

    /**
     * Checks this transport's options for one ORK and opens it. Bad options are reported by throwing
     * {@link IllegalArgumentException} whose message starts with the offending option key, e.g.
     * {@code "rpcPublicKey: must be 64 hex characters"}; the caller adds the file and ORK id.
     */
    OrkTransport open(OrkTransportContext context);
}
