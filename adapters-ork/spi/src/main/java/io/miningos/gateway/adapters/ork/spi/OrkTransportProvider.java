package io.miningos.gateway.adapters.ork.spi;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A way of reaching an ORK ({@code sim}, {@code hrpc}, ...): a transport plugin. This package is all a plugin
 * compiles against; it depends on the JDK only. This javadoc, {@link OrkTransport}'s and
 * {@link OrkTransportException}'s are the whole contract; {@code OrkTransportContract} in the SPI's test-jar
 * ({@code adapters-ork-spi}, classifier {@code tests}) checks it on a transport.
 *
 * <h2>Installing a plugin</h2>
 * The gateway finds providers with {@link java.util.ServiceLoader}: a plugin jar names its provider class in
 * {@code META-INF/services/io.miningos.gateway.adapters.ork.spi.OrkTransportProvider} and has a public no-argument
 * constructor. The jar is found on the class path or, in the shipped distribution, dropped into the gateway's
 * {@code plugins/} folder ({@code gateway.pluginsDir}); each jar there gets a class loader of its own whose parent
 * sees the gateway's classes (this SPI, and the libraries in the gateway jar such as SLF4J), so a plugin that needs
 * other libraries bundles them in its jar. Two providers with the same {@link #name()} stop the gateway's start.
 *
 * <h2>Rules every provider follows</h2>
 * <ul>
 *   <li><b>One instance per process.</b> The gateway makes one instance of each provider and calls {@link #open}
 *       once per configured ORK that names it, from one thread, before it serves; state shared among a provider's
 *       ORKs (a child process, a connection pool) belongs in the instance.</li>
 *   <li><b>{@link #open} may block</b> (start a process, unpack files, connect) for as long as it needs; the
 *       gateway starts serving only after every ORK's transport is open.</li>
 *   <li><b>Option errors</b> are reported by {@link #open} throwing {@link IllegalArgumentException} whose message
 *       starts with the offending option key and a colon, e.g. {@code "rpcPublicKey: must be 64 hex characters"};
 *       the gateway prefixes the file and the ORK ({@code common.json: orks.cluster-2.rpcPublicKey: ...}) and
 *       stops its start. Unknown options are refused the same way, so a misspelt option never silently means its
 *       default. {@link OrkOptions} reads options by these rules. {@link #open} checks every option before it
 *       starts anything.</li>
 *   <li><b>"Cannot run here"</b> (a runtime the transport needs is missing, its files can't be unpacked) is
 *       reported by {@link #open} throwing {@link OrkTransportException} with a message saying what to install or
 *       fix; the gateway stops its start with that one line, naming the ORK
 *       ({@code error: ORK cluster-1: <message>}). That is the only meaning of an {@code OrkTransportException}
 *       from {@link #open}: an ORK that is merely down or unreachable must not stop the start, so {@code open}
 *       does not wait for the ORK to answer; its calls fail until it does.</li>
 *   <li><b>Calls</b> follow {@link OrkTransport}'s contract: answers byte for byte, many calls at once, a call that
 *       gives up at its own deadline reports a timeout through its cause, {@code close} fails the calls in
 *       flight at once.</li>
 * </ul>
 *
 * <h2>Commands, start-up notes and health</h2>
 * A plugin may add command-line commands to the gateway ({@link #commands()}, e.g. {@code hrpc-key}), lines the
 * gateway prints when it has started ({@link #startupNotes(Path)}, e.g. the key ORK operators must allow), and the
 * state of what it runs for the readiness check ({@link #health()}, e.g. whether the hrpc bridge process is up).
 */
public interface OrkTransportProvider {

    /** The name a site uses in {@code orks.<id>.transport}. Lower-case, unique among installed transports. */
    String name();

    /**
     * Checks this transport's options for one ORK and opens it. May block.
     *
     * @throws IllegalArgumentException on a bad option, the message starting with the option key
     * @throws OrkTransportException    if the transport cannot run on this machine; the message says what to
     *                                  install or fix
     */
    OrkTransport open(OrkTransportContext context);

    /**
     * Checks this transport's options for one ORK without opening anything (no process, no connection, no file
     * written): what {@code check-config} asks of every configured ORK. Reports problems exactly as {@link #open}
     * does, an {@link IllegalArgumentException} whose message starts with the option key; it should check everything
     * {@link #open} checks about the options. By default nothing is checked before the ORK opens.
     *
     * @param orkId   the ORK's key in configuration
     * @param options that ORK's configuration object without the {@code transport} key
     * @throws IllegalArgumentException on a bad option, the message starting with the option key
     */
    default void validate(String orkId, Map<String, Object> options) {
    }

    /**
     * Commands this plugin adds to the gateway's command line ({@code miningos-gateway <name> ...}), listed in its
     * usage text. Called when the command line is read, without {@link #open} having been called; a command's
     * name must not clash with the gateway's own ({@code serve}, {@code token}, {@code users}, {@code help}) or
     * another plugin's. None by default.
     */
    default List<TransportCommand> commands() {
        return List.of();
    }

    /**
     * Lines the gateway prints (stdout) once it serves, after its own welcome, for the operator to act on, e.g.
     * {@code "hrpc client key (allow it on your ORKs): <hex>"}. Called once per start, after every ORK's transport
     * opened, and only for a provider that some configured ORK uses. An exception stops the start like one from
     * {@link #open}. None by default.
     *
     * @param dataDir the gateway's data directory (absolute), as given to {@link #open}
     */
    default List<String> startupNotes(Path dataDir) {
        return List.of();
    }

    /**
     * The state of what this transport runs to reach its ORKs, for {@code GET /health/ready}: one entry per
     * component (a shared child process, a connection pool), none when it runs nothing of its own. Called only
     * for a provider that some configured ORK uses, after its ORKs opened, and as often as the readiness check is
     * polled (every second, say): it must answer at once from state the transport already keeps, never call an
     * ORK, and never throw. None by default.
     */
    default List<TransportHealth> health() {
        return List.of();
    }
}
