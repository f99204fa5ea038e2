package io.miningos.gateway.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.miningos.gateway.adapters.ork.spi.OrkTransport;
import io.miningos.gateway.adapters.ork.spi.OrkTransportException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** An in-test ORK reached through an in-memory transport: scripted answers per method, every call recorded. */
final class FakeOrk {

    static final ObjectMapper JSON = new ObjectMapper();

    record Call(String method, JsonNode request) {
    }

    /** What the ORK does with one call. */
    sealed interface Reply permits Answer, Unreachable, Silent, Later {
    }

    record Answer(String json, long delayMillis) implements Reply {
    }

    record Unreachable(String message) implements Reply {
    }

    record Silent() implements Reply {
    }

    /** Answers when the test completes {@code json}. */
    record Later(CompletableFuture<String> json) implements Reply {
    }

    static Reply answer(String json) {
        return new Answer(json, 0);
    }

    static Reply answerAfter(long millis, String json) {
        return new Answer(json, millis);
    }

    static Reply error(String code) {
        return new Answer("\"[HRPC_ERR]=" + code + "\"", 0);
    }

    static Reply unreachable() {
        return new Unreachable("connection refused");
    }

    static Reply silent() {
        return new Silent();
    }

    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Function<JsonNode, Reply>> handlers = new HashMap<>();
    private Function<JsonNode, Reply> fallback = request -> answer("[]");

    FakeOrk on(String method, Function<JsonNode, Reply> handler) {
        handlers.put(method, handler);
        return this;
    }

    FakeOrk on(String method, Reply reply) {
        return on(method, request -> reply);
    }

    FakeOrk onAnyOther(Reply reply) {
        fallback = request -> reply;
        return this;
    }

    List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    List<Call> calls(String method) {
        return calls().stream().filter(c -> c.method().equals(method)).toList();
    }

    Call lastCall(String method) {
        List<Call> matching = calls(method);
        if (matching.isEmpty()) {
            throw new AssertionError("no " + method + " call; calls: " + calls());
        }
        return matching.getLast();
    }

    OrkTransport transport() {
        return new OrkTransport() {
            @Override
            public CompletableFuture<byte[]> call(String method, byte[] request, Duration timeout) {
                JsonNode parsed;
                try {
                    parsed = JSON.readTree(request);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                synchronized (calls) {
                    calls.add(new Call(method, parsed));
                }
                Reply reply = handlers.getOrDefault(method, fallback).apply(parsed);
                return switch (reply) {
                    case Answer answer -> answer.delayMillis() == 0
                            ? CompletableFuture.completedFuture(bytes(answer.json()))
                            : CompletableFuture.supplyAsync(() -> bytes(answer.json()), CompletableFuture
                                    .delayedExecutor(answer.delayMillis(), TimeUnit.MILLISECONDS));
                    case Unreachable unreachable ->
                            CompletableFuture.failedFuture(new OrkTransportException(unreachable.message()));
                    case Silent silent -> new CompletableFuture<>();
                    case Later later -> later.json().thenApply(FakeOrk::bytes);
                };
            }

            @Override
            public void close() {
            }
        };
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
