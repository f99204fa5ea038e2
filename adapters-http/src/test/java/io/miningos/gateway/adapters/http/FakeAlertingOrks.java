package io.miningos.gateway.adapters.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.miningos.gateway.application.ork.port.RawJson;
import io.miningos.gateway.application.ork.port.out.JsonCodec;
import io.miningos.gateway.application.ork.port.out.OrkCluster;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Two ORKs whose things carry alerts the test adds; counts the listThings calls it gets. */
final class FakeAlertingOrks implements OrkCluster {

    static final JsonCodec CODEC = new JsonCodec() {
        @Override
        public RawJson write(Object value) {
            try {
                return RawJson.wrap(HttpJson.mapper().writeValueAsBytes(value));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(e);
            }
        }

        @Override
        public Object read(RawJson json) {
            try {
                return HttpJson.mapper().readValue(json.open(), Object.class);
            } catch (IOException e) {
                throw new IllegalArgumentException(e);
            }
        }
    };

    final AtomicInteger calls = new AtomicInteger();
    private final Map<String, List<Map<String, Object>>> things = new LinkedHashMap<>();
    private final List<String> down = new CopyOnWriteArrayList<>();

    FakeAlertingOrks() {
        things.put("cluster-1", new CopyOnWriteArrayList<>());
        things.put("cluster-2", new CopyOnWriteArrayList<>());
    }

    /** Adds an alert to a (new) thing on an ORK. */
    void raise(String orkId, String thingId, String name, String severity) {
        raise(orkId, thingId, name, severity, name + " description");
    }

    void raise(String orkId, String thingId, String name, String severity, String description) {
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("name", name);
        alert.put("code", name);
        alert.put("description", description);
        alert.put("severity", severity);
        alert.put("createdAt", System.currentTimeMillis());
        alert.put("uuid", thingId + "-" + name);
        Map<String, Object> thing = new LinkedHashMap<>();
        thing.put("id", thingId);
        thing.put("code", "AM-S21-" + thingId);
        thing.put("type", "miner-am-s21");
        thing.put("info", Map.of("container", "bitdeer-7b"));
        thing.put("rack", "miner-am-s21-shelf-1");
        thing.put("last", Map.of("alerts", new ArrayList<>(List.of(alert))));
        things.get(orkId).add(thing);
    }

    void setDown(String orkId, boolean isDown) {
        if (isDown) {
            down.add(orkId);
        } else {
            down.remove(orkId);
        }
    }

    @Override
    public List<String> orkIds() {
        return List.copyOf(things.keySet());
    }

    @Override
    public CompletableFuture<RawJson> call(String orkId, String method, RawJson request, Duration timeout) {
        calls.incrementAndGet();
        if (!method.equals("listThings")) {
            return CompletableFuture.failedFuture(new IllegalStateException("unexpected " + method));
        }
        if (down.contains(orkId)) {
            return CompletableFuture.failedFuture(new IllegalStateException("down"));
        }
        return CompletableFuture.completedFuture(CODEC.write(things.get(orkId)));
    }
}
