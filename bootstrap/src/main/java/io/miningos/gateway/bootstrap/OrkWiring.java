package io.miningos.gateway.bootstrap;

import io.miningos.gateway.adapters.ork.cluster.OrkTransportRegistry;
import io.miningos.gateway.adapters.ork.cluster.TransportOrkCluster;
import io.miningos.gateway.adapters.ork.spi.OrkTransport;
import io.miningos.gateway.adapters.ork.spi.OrkTransportException;
import io.miningos.gateway.adapters.ork.spi.OrkTransportProvider;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;

/**
 * Opens a transport for every configured ORK. A bad entry stops the start with a {@link ConfigException} naming
 * the file, the ORK and the key; a transport that cannot run on this machine (e.g. {@code hrpc} without Node.js)
 * with an {@link IllegalStateException} naming the ORK and saying what to install.
 */
final class OrkWiring {

    private OrkWiring() {
    }

    /**
     * Opens a transport for every configured ORK. The ORK entries are checked now (a bad one stops the start with
     * a {@link ConfigException}); the transports open on a thread of their own, so the HTTP server can start and
     * listen meanwhile (the sim generates its site, the hrpc bridge starts). The cluster takes calls at once: a call
     * made before its ORK is open waits for it, within the call's timeout. {@link Opening#awaitOpened} throws what
     * opening threw: a {@link ConfigException}, or an {@link IllegalStateException} for a transport that cannot run
     * here.
     */
    static Opening openInBackground(Map<String, Map<String, Object>> orks, OrkTransportRegistry registry,
                                    Path dataDir, Clock clock, long maxAnswerBytes) {
        for (Map.Entry<String, Map<String, Object>> ork : orks.entrySet()) {
            try {
                registry.validate(ork.getKey(), ork.getValue());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(ConfigLoader.COMMON + ": orks." + ork.getKey() + "." + e.getMessage(), e);
            }
        }
        CompletableFuture<Map<String, OrkTransport>> opened = new CompletableFuture<>();
        Thread.ofPlatform().name("ork-open").start(() -> {
            try {
                opened.complete(openTransports(orks, registry, dataDir, clock));
            } catch (RuntimeException | Error e) {
                opened.completeExceptionally(e);
            }
        });
        Map<String, OrkTransport> pending = new LinkedHashMap<>();
        for (String orkId : orks.keySet()) {
            pending.put(orkId, new PendingTransport(orkId, opened));
        }
        return new Opening(new TransportOrkCluster(pending, maxAnswerBytes), opened);
    }

    /** The cluster of {@link #openInBackground}, and its transports' opening. */
    record Opening(TransportOrkCluster cluster, CompletableFuture<Map<String, OrkTransport>> opened) {

        /** Waits until every transport is open; throws what opening one threw (the transports are closed then). */
        void awaitOpened() {
            try {
                opened.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        }
    }

    /** One ORK's transport while it opens: calls wait for it, and fail as an unreachable ORK if it cannot open. */
    private record PendingTransport(String orkId, CompletableFuture<Map<String, OrkTransport>> opened)
            implements OrkTransport {

        @Override
        public CompletableFuture<byte[]> call(String method, byte[] request, Duration timeout) {
            if (opened.state() == Future.State.SUCCESS) {
                return opened.resultNow().get(orkId).call(method, request, timeout);
            }
            return opened.handle((transports, error) -> transports).thenCompose(transports -> transports == null
                    ? CompletableFuture.failedFuture(new OrkTransportException("the ORK's transport did not open"))
                    : transports.get(orkId).call(method, request, timeout));
        }

        /** Waits for the opening to end, then closes the transport if it opened (a failed opening closed them). */
        @Override
        public void close() {
            Map<String, OrkTransport> transports = opened.handle((open, error) -> open).join();
            if (transports != null) {
                transports.get(orkId).close();
            }
        }
    }

    private static Map<String, OrkTransport> openTransports(Map<String, Map<String, Object>> orks,
                                                            OrkTransportRegistry registry, Path dataDir, Clock clock) {
        Map<String, OrkTransport> opened = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, Map<String, Object>> ork : orks.entrySet()) {
                try {
                    opened.put(ork.getKey(), registry.open(ork.getKey(), ork.getValue(), dataDir, clock));
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(ConfigLoader.COMMON + ": orks." + ork.getKey() + "." + e.getMessage(), e);
                } catch (OrkTransportException e) {
                    throw new IllegalStateException("ORK " + ork.getKey() + ": " + e.getMessage(), e);
                }
            }
        } catch (RuntimeException e) {
            new TransportOrkCluster(opened).close();
            throw e;
        }
        return opened;
    }

    /**
     * The start-up notes of the transports some ORK uses, in the order of first use. A transport that fails to give
     * them stops the start like one that cannot open.
     */
    static List<String> startupNotes(Map<String, Map<String, Object>> orks, OrkTransportRegistry registry,
                                     Path dataDir) {
        List<String> notes = new ArrayList<>();
        for (OrkTransportProvider provider : registry.usedBy(orks.values())) {
            try {
                notes.addAll(provider.startupNotes(dataDir));
            } catch (OrkTransportException e) {
                throw new IllegalStateException("transport " + provider.name() + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(notes);
    }
}
