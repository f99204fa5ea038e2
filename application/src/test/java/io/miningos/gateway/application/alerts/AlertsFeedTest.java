package io.miningos.gateway.application.alerts;

import io.miningos.gateway.application.ork.OrkFanOut;
import io.miningos.gateway.application.ork.port.RawJson;
import io.miningos.gateway.application.ork.port.out.JsonCodec;
import io.miningos.gateway.application.ork.port.out.OrkCluster;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The feed's ordering rules, with a cluster whose poll answers the test completes by hand. */
class AlertsFeedTest {

    /** Encodes nothing: the feed only passes answers through the codec, so tests can use Java values directly. */
    private static final class PassThroughCodec implements JsonCodec {
        private final List<Object> written = new CopyOnWriteArrayList<>();

        @Override
        public RawJson write(Object value) {
            written.add(value);
            return RawJson.of(Integer.toString(written.size() - 1));
        }

        @Override
        public Object read(RawJson json) {
            return written.get(Integer.parseInt(json.text()));
        }

        Object valueOf(RawJson json) {
            return read(json);
        }
    }

    private static final class HandCluster implements OrkCluster {
        final List<CompletableFuture<RawJson>> calls = new CopyOnWriteArrayList<>();

        @Override
        public List<String> orkIds() {
            return List.of("cluster-1");
        }

        @Override
        public CompletableFuture<RawJson> call(String orkId, String method, RawJson request, Duration timeout) {
            CompletableFuture<RawJson> call = new CompletableFuture<>();
            calls.add(call);
            return call;
        }
    }

    private static Map<String, Object> thingWithAlert(String id, String uuid) {
        return Map.of("id", id, "type", "miner-am-s21", "code", "AM-S21-" + id,
                "last", Map.of("alerts", List.of(Map.of("name", "hashrate_low", "uuid", uuid))));
    }

    @Test
    void aSubscriberJoiningWhileAPollLandsGetsTheListOnce() throws Exception {
        PassThroughCodec codec = new PassThroughCodec();
        HandCluster cluster = new HandCluster();
        try (AlertsFeed feed = new AlertsFeed(new OrkFanOut(cluster, 4, Duration.ofSeconds(5)), codec,
                Duration.ofHours(1))) {
            List<Object> first = new CopyOnWriteArrayList<>();
            List<Object> second = new CopyOnWriteArrayList<>();
            feed.subscribe(alerts -> first.add(codec.valueOf(alerts)));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (cluster.calls.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(1, cluster.calls.size(), "the first subscriber starts one poll");
            // The poll lands (its publication is queued on the feed's thread) and, right behind it, a second
            // subscriber joins: the publication hands it the full list before its own joining task runs.
            cluster.calls.getFirst().complete(codec.write(new ArrayList<>(List.of(thingWithAlert("m1", "u1")))));
            feed.subscribe(alerts -> second.add(codec.valueOf(alerts)));
            while ((first.isEmpty() || second.isEmpty()) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Thread.sleep(100); // room for a duplicate to show up
            assertEquals(1, first.size(), "first: " + first);
            assertEquals(1, second.size(), "second: " + second);
            assertTrue(((List<?>) second.getFirst()).size() == 1);
            assertEquals(1, cluster.calls.size(), "joining subscribers start no poll of their own");
        }
    }
}
