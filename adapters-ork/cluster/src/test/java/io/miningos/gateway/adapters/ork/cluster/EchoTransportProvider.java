package io.miningos.gateway.adapters.ork.cluster;

import io.miningos.gateway.adapters.ork.spi.OrkTransport;
import io.miningos.gateway.adapters.ork.spi.OrkTransportContext;
import io.miningos.gateway.adapters.ork.spi.OrkTransportProvider;

import java.util.concurrent.CompletableFuture;

/** A plugin registered only through {@code META-INF/services} in the test resources: answers with the request. */
public final class EchoTransportProvider implements OrkTransportProvider {

    static final String NAME = "test-echo";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public OrkTransport open(OrkTransportContext context) {
        return new ScriptedTransport((method, request) ->
                CompletableFuture.completedFuture(ScriptedTransport.bytes(request)));
    }
}
