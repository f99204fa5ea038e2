package io.miningos.gateway.application.shared;

import io.miningos.gateway.application.shared.port.out.Telemetry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Writes down every event as one line of text, e.g. {@code "cache /auth/list-things HIT"}, in order. */
public final class RecordingTelemetry implements Telemetry {

    private final List<String> events = new ArrayList<>();
    private final List<Supplier<Map<String, Long>>> cacheBytes = new ArrayList<>();

    public synchronized List<String> events() {
        return List.copyOf(events);
    }

    public synchronized long count(String event) {
        return events.stream().filter(event::equals).count();
    }

    public Map<String, Long> cacheBytes() {
        return cacheBytes.getFirst().get();
    }

    private synchronized void add(String event) {
        events.add(event);
    }

    @Override
    public void orkCall(String orkId, String method, String outcome, long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("negative duration");
        }
        add("ork " + orkId + " " + method + " " + outcome);
    }

    @Override
    public void cacheLookup(String route, CacheLookup lookup) {
        add("cache " + route + " " + lookup);
    }

    @Override
    public void cacheEviction(String route, CacheEviction cause) {
        add("evicted " + route + " " + cause);
    }

    @Override
    public synchronized void cacheBytes(Supplier<Map<String, Long>> bytesByRoute) {
        cacheBytes.add(bytesByRoute);
    }

    @Override
    public void tokenIssued(TokenIssue how) {
        add("issued " + how);
    }

    @Override
    public void tokenRefused(TokenRefusal why) {
        add("refused " + why);
    }

    @Override
    public void storageBusy() {
        add("storage busy");
    }

    @Override
    public void storageFailed() {
        add("storage failed");
    }
}
