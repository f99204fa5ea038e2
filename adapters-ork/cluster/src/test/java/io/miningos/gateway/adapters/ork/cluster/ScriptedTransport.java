package io.miningos.gateway.adapters.ork.cluster;

import io.miningos.gateway.adapters.ork.spi.OrkTransport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;

/** An in-test ORK transport whose answers a test scripts; no network. */
final class ScriptedTransport implements OrkTransport {

    private final BiFunction<String, String, CompletableFuture<byte[]>> script;
    final AtomicBoolean closed = new AtomicBoolean();
    volatile CompletableFuture<byte[]> lastCall;
    volatile String lastRequest;

    ScriptedTransport(BiFunction<String, String, CompletableFuture<byte[]>> script) {
        this.script = script;
    }

    static ScriptedTransport answering(String json) {
        return new ScriptedTransport((method, request) -> CompletableFuture.completedFuture(bytes(json)));
    }

    static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public CompletableFuture<byte[]> call(String method, byte[] request, Duration timeout) {
        lastRequest = new String(request, StandardCharsets.UTF_8);
        CompletableFuture<byte[]> call = script.apply(method, lastRequest);
        lastCall = call;
        return call;
    }

    @Override
    public void close() {
        closed.set(true);
    }
}
