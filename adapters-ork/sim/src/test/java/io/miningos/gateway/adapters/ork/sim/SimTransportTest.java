package io.miningos.gateway.adapters.ork.sim;

import io.miningos.gateway.adapters.ork.spi.OrkTransport;
import io.miningos.gateway.adapters.ork.spi.OrkTransportContext;
import io.miningos.gateway.adapters.ork.spi.OrkTransportException;
import io.miningos.gateway.adapters.ork.spi.OrkTransportProvider;
import io.miningos.gateway.domain.ork.OrkMethod;
import io.miningos.gateway.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimTransportTest {

    @TempDir
    Path dataDir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-02-10T08:00:00Z"));

    private OrkTransport open(String orkId, Map<String, Object> options) {
        Map<String, Object> all = new HashMap<>(Map.of("miners", 60));
        all.putAll(options);
        return new SimTransportProvider().open(new OrkTransportContext(orkId, all, dataDir, clock));
    }

    private static String call(OrkTransport t, String method, String json) throws Exception {
        return new String(t.call(method, json.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(20)).get(),
                StandardCharsets.UTF_8);
    }

    @Test
    void theProviderIsFoundByNameThroughTheServiceLoader() {
        boolean found = ServiceLoader.load(OrkTransportProvider.class).stream()
                .anyMatch(p -> p.get().name().equals("sim") && p.get() instanceof SimTransportProvider);
        assertTrue(found);
    }

    @Test
    void badOptionsNameTheOffendingKey() {
        for (Map.Entry<String, Object> bad : Map.<String, Object>of("miners", 0, "seed", "x", "failureRate", 2,
                "down", "yes", "site", "Not Valid", "latencyMs", -1, "actionIntervalMs", 5, "colour", "red",
                "threads", 0, "queue", 100_000).entrySet()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> open("o", Map.of(bad.getKey(), bad.getValue())));
            assertTrue(e.getMessage().startsWith(bad.getKey() + ":"), e.getMessage());
        }
    }

    @Test
    void handlerErrorsAreSuccessfulAnswersHoldingTheErrorString() throws Exception {
        try (OrkTransport t = open("o", Map.of("persist", false))) {
            assertEquals("\"[HRPC_ERR]=ERR_RACK_ID_INVALID\"", call(t, "getWrkSettings", "{}"));
            assertEquals("\"[HRPC_ERR]=ERR_FACS_NET_DATA_FORMAT\"", call(t, "getWrkSettings", "[1,2]"));
            assertEquals("[1,2]", call(t, "echo", "[1,2]"));
        }
    }

    /** The dispatch switch is exhaustive over the catalogue at compile time; this checks nothing else answers. */
    @Test
    void answersExactlyTheMethodsOfTheGatewaysCatalogueAndEcho() throws Exception {
        try (OrkTransport t = open("o", Map.of("persist", false))) {
            for (OrkMethod method : OrkMethod.values()) {
                String answer = call(t, method.wireName(), "{}"); // an ORK error answer is fine; a failure is not
                assertFalse(answer.isEmpty(), method.wireName());
            }
            for (String outside : List.of("registerThing", "listthings", "getThingsCount ", "")) {
                ExecutionException e = assertThrows(ExecutionException.class, () -> t.call(outside,
                        "{}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS));
                assertInstanceOf(OrkTransportException.class, e.getCause());
                assertTrue(e.getCause().getMessage().startsWith("UNKNOWN_METHOD"), e.getCause().getMessage());
            }
        }
    }

    @Test
    void downAndFailingOrksFailAtTheTransportLevel() {
        try (OrkTransport down = open("d", Map.of("down", true, "persist", false));
             OrkTransport failing = open("f", Map.of("failureRate", 1.0, "persist", false))) {
            for (OrkTransport t : new OrkTransport[]{down, failing}) {
                ExecutionException e = assertThrows(ExecutionException.class,
                        () -> t.call("listRacks", "{}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5)).get());
                assertInstanceOf(OrkTransportException.class, e.getCause());
            }
        }
    }

    @Test
    void latencyBeyondTheCallersTimeoutIsATimeout() throws Exception {
        try (OrkTransport slow = open("s", Map.of("latencyMs", 400, "persist", false))) {
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> slow.call("listRacks", "{}".getBytes(StandardCharsets.UTF_8), Duration.ofMillis(50)).get());
            assertTimeout(e);
            assertTrue(e.getCause().getMessage().contains("within 50 ms"), e.getCause().getMessage());
            assertTrue(call(slow, "listRacks", "{}").startsWith("[{"));
        }
    }

    /**
     * A read that takes seconds on a site this size: the alert history of two years, rebuilt from the episodes. (Not
     * a time-series read, which would also start filling day sums in the background.)
     */
    private static byte[] twoYearsOfAlerts() {
        return "{\"logType\":\"alerts\",\"start\":0}".getBytes(StandardCharsets.UTF_8);
    }

    /** The SPI's timeout rule: an OrkTransportException whose cause chain holds a TimeoutException. */
    private static void assertTimeout(ExecutionException e) {
        assertInstanceOf(OrkTransportException.class, e.getCause());
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof TimeoutException) {
                return;
            }
        }
        throw new AssertionError("not reported as a timeout: " + e.getCause());
    }

    /** Waits (generously) until no call computes on the ORK's threads any more. */
    private static void awaitIdle(OrkTransport t) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (((SimTransport) t).computing() > 0) {
            assertTrue(System.nanoTime() < until, "the abandoned call still computes");
            Thread.sleep(20);
        }
    }

    @Test
    void aCallPastItsDeadlineIsATimeoutAndItsWorkStopsSoTheNextCallGetsTheThread() throws Exception {
        try (OrkTransport t = open("busy", Map.of("miners", 3_000, "threads", 1, "persist", false))) {
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> t.call("getHistoricalLogs", twoYearsOfAlerts(), Duration.ofMillis(100)).get());
            assertTimeout(e);
            awaitIdle(t);
            // the one thread is free again: a cheap call answers
            assertTrue(call(t, "listRacks", "{}").startsWith("[{"));
        }
    }

    @Test
    void answersAreComputedOnTheOrksOwnPlatformThreadsAndACancelledCallStops() throws Exception {
        try (OrkTransport t = open("own", Map.of("miners", 3_000, "persist", false))) {
            var heavy = t.call("getHistoricalLogs", twoYearsOfAlerts(), Duration.ofSeconds(60));
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            boolean seen = false;
            while (!seen && System.nanoTime() < until) {
                // getAllStackTraces lists platform threads only: a virtual thread computing would not show up
                seen = Thread.getAllStackTraces().entrySet().stream().anyMatch(th -> th.getKey().getName()
                        .startsWith("sim-own-") && Arrays.stream(th.getValue())
                        .anyMatch(f -> f.getClassName().endsWith("ThingQueries")));
                Thread.sleep(5);
            }
            assertTrue(seen, "the read ran on a platform thread of the ORK's own pool");
            heavy.cancel(false);
            awaitIdle(t);
        }
    }

    @Test
    void aWriteDuringALongTimeSeriesReadIsAnsweredAtOnceAndSoAreTheReadsAfterIt() throws Exception {
        try (OrkTransport t = open("parallel", Map.of("miners", 3_000, "persist", false))) {
            // half a year of the daily store, summed on demand: minutes of work on a site this size
            var heavy = t.call("tailLogCustomRangeAggr", ("{\"keys\":[{\"type\":\"miner\",\"startDate\":"
                    + "\"2025-08-14\",\"endDate\":\"2026-02-09\"}]}").getBytes(StandardCharsets.UTF_8),
                    Duration.ofMinutes(5));
            awaitComputing(t);
            String rack = call(t, "listRacks", "{\"type\":\"miner\"}")
                    .replaceAll("(?s)^\\[\\{\"id\":\"([^\"]+)\".*", "$1");
            assertEquals("{\"k\":1}", call(t, "saveWrkSettings", "{\"rackId\":\"" + rack
                    + "\",\"entries\":{\"k\":1}}"));
            assertEquals("{\"k\":1}", call(t, "getWrkSettings", "{\"rackId\":\"" + rack + "\"}"));
            assertTrue(!heavy.isDone(), "the write and the read after it did not wait for the long read");
            heavy.cancel(false);
        }
    }

    @Test
    void aQuickCallIsAnsweredWhileTheOnlyHeavyThreadComputesALongRead() throws Exception {
        try (OrkTransport t = open("lanes", Map.of("miners", 3_000, "threads", 1, "persist", false))) {
            var heavy = t.call("tailLogCustomRangeAggr", ("{\"keys\":[{\"type\":\"miner\",\"startDate\":"
                    + "\"2025-08-14\",\"endDate\":\"2026-02-09\"}]}").getBytes(StandardCharsets.UTF_8),
                    Duration.ofMinutes(5));
            awaitComputing(t);
            // the page's other calls (things, racks, configs) have threads of their own
            assertTrue(call(t, "listRacks", "{}").startsWith("[{"));
            assertTrue(!heavy.isDone(), "the quick call did not wait for the long read's thread");
            heavy.cancel(false);
        }
    }

    @Test
    void callsBeyondTheQueueFailAtOnceAsUnavailable() throws Exception {
        try (OrkTransport t = open("full", Map.of("miners", 3_000, "threads", 1, "queue", 1, "persist", false))) {
            var running = t.call("getHistoricalLogs", twoYearsOfAlerts(), Duration.ofSeconds(60));
            awaitComputing(t);
            var waiting = t.call("listRacks", "{}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(60));
            ExecutionException e = assertThrows(ExecutionException.class, () -> t.call("listRacks",
                    "{}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(60)).get(10, TimeUnit.SECONDS));
            assertInstanceOf(OrkTransportException.class, e.getCause());
            assertTrue(e.getCause().getMessage().contains("busy"), e.getCause().getMessage());
            running.cancel(false);
            assertTrue(new String(waiting.get(30, TimeUnit.SECONDS), StandardCharsets.UTF_8).startsWith("[{"));
        }
    }

    private static void awaitComputing(OrkTransport t) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (((SimTransport) t).computing() == 0) {
            assertTrue(System.nanoTime() < until, "the call never started");
            Thread.sleep(5);
        }
    }

    @Test
    void aWriteThatCannotBeSavedChangesNothing() throws Exception {
        Path blocker = dataDir.resolve("sim");
        Files.writeString(blocker, "a file where the state folder should be: every save fails");
        try (OrkTransport t = open("unsaved", Map.of("seed", 4))) {
            String things = call(t, "listThings", "{\"query\":{\"tags\":\"t-miner\"},\"limit\":1}");
            String thingId = things.replaceAll("(?s)^\\[\\{\"id\":\"([^\"]+)\".*", "$1");
            String rack = things.replaceAll("(?s).*\"rack\":\"([^\"]+)\".*", "$1");
            String comment = "{\"rackId\":\"" + rack + "\",\"thingId\":\"" + thingId
                    + "\",\"comment\":\"fan noise\",\"user\":\"a@b.c\"}";
            String actions = call(t, "queryActions", "{\"queries\":[{\"type\":\"voting\"},{\"type\":\"ready\"}]}");

            assertEquals("\"[HRPC_ERR]=ERR_SIM_STATE_NOT_SAVED\"", call(t, "saveThingComment", comment));
            assertEquals("\"[HRPC_ERR]=ERR_SIM_STATE_NOT_SAVED\"", call(t, "setGlobalConfig",
                    "{\"isAutoSleepAllowed\":true}"));
            assertEquals("\"[HRPC_ERR]=ERR_SIM_STATE_NOT_SAVED\"", call(t, "pushAction", "{\"query\":{\"id\":\""
                    + thingId + "\"},\"action\":\"setLED\",\"params\":[true],\"voter\":\"a@b.c\","
                    + "\"authPerms\":[\"miner:rw\"]}"));
            assertTrue(call(t, "listThings", "{\"query\":{\"id\":\"" + thingId + "\"},\"fields\":{\"comments\":1}}")
                    .contains("\"comments\":[]"), "the comment was not kept");
            assertTrue(call(t, "getGlobalConfig", "{}").contains("\"isAutoSleepAllowed\":false"));
            assertEquals(actions, call(t, "queryActions", "{\"queries\":[{\"type\":\"voting\"},"
                    + "{\"type\":\"ready\"}]}"), "no action was added");

            Files.delete(blocker);
            assertEquals("1", call(t, "saveThingComment", comment));
            String saved = call(t, "listThings", "{\"query\":{\"id\":\"" + thingId
                    + "\"},\"fields\":{\"comments\":1}}");
            assertEquals(1, saved.split("fan noise", -1).length - 1, "the retry did not duplicate it: " + saved);
        }
    }

    @Test
    void aCommentEditOrDeleteThatCannotBeSavedChangesNothing() throws Exception {
        // Issue 12 item 16, the other comment writes: a failed save leaves the comment as it was.
        try (OrkTransport t = open("edits", Map.of("seed", 5))) {
            String things = call(t, "listThings", "{\"query\":{\"tags\":\"t-miner\"},\"limit\":1}");
            String thingId = things.replaceAll("(?s)^\\[\\{\"id\":\"([^\"]+)\".*", "$1");
            String rack = things.replaceAll("(?s).*\"rack\":\"([^\"]+)\".*", "$1");
            String target = "\"rackId\":\"" + rack + "\",\"thingId\":\"" + thingId + "\",\"user\":\"a@b.c\"";
            assertEquals("1", call(t, "saveThingComment", "{" + target + ",\"comment\":\"fan noise\"}"));
            String readComments = "{\"query\":{\"id\":\"" + thingId + "\"},\"fields\":{\"comments\":1}}";
            String saved = call(t, "listThings", readComments);
            String commentId = saved.replaceAll("(?s).*\"comments\":\\[\\{\"id\":\"([^\"]+)\".*", "$1");

            Path stateFolder = dataDir.resolve("sim");
            try (var files = Files.list(stateFolder)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(stateFolder);
            Files.writeString(stateFolder, "a file where the state folder should be: every save fails");
            assertEquals("\"[HRPC_ERR]=ERR_SIM_STATE_NOT_SAVED\"", call(t, "editThingComment", "{" + target
                    + ",\"id\":\"" + commentId + "\",\"comment\":\"fixed\"}"));
            assertEquals("\"[HRPC_ERR]=ERR_SIM_STATE_NOT_SAVED\"", call(t, "deleteThingComment", "{" + target
                    + ",\"id\":\"" + commentId + "\"}"));
            assertEquals(saved, call(t, "listThings", readComments), "the comment is as it was");

            Files.delete(stateFolder);
            assertEquals("1", call(t, "deleteThingComment", "{" + target + ",\"id\":\"" + commentId + "\"}"));
            assertTrue(call(t, "listThings", readComments).contains("\"comments\":[]"), "deleted once saved");
        }
    }

    @Test
    void anAnsweredCallHoldsNoMemoryUntilItsTimeout() throws Exception {
        // Regression: each call's timeout timer held the call, and so its answer, until the timeout (15 s by
        // default) even when it was answered at once; under load the heap filled with answers already sent.
        try (OrkTransport t = open("held", Map.of("persist", false))) {
            WeakReference<byte[]> answer = new WeakReference<>(t.call("listThings", "{\"limit\":100}"
                    .getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(5)).get(30, TimeUnit.SECONDS));
            for (int i = 0; i < 50 && answer.get() != null; i++) {
                System.gc();
                Thread.sleep(20);
            }
            assertTrue(answer.get() == null, "the answer is still held");
        }
    }

    @Test
    void closingFailsCallsInFlightAndRefusesNewOnes() {
        OrkTransport t = open("c", Map.of("persist", false, "latencyMs", 5_000));
        var pending = t.call("listRacks", "{}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(30));
        t.close();
        ExecutionException inFlight = assertThrows(ExecutionException.class, () -> pending.get(2, TimeUnit.SECONDS));
        assertInstanceOf(OrkTransportException.class, inFlight.getCause());
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> t.call("listRacks", "{}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5)).get());
        assertInstanceOf(OrkTransportException.class, e.getCause());
    }

    @Test
    void orksWithoutASeedStillGetDifferentSites() throws Exception {
        try (OrkTransport a = open("cluster-1", Map.of("persist", false));
             OrkTransport b = open("cluster-2", Map.of("persist", false))) {
            assertTrue(!call(a, "listRacks", "{}").equals(call(b, "listRacks", "{}")));
        }
    }

    @Test
    void commentsSettingsConfigAndActionsSurviveARestart() throws Exception {
        String thingId;
        String rack;
        long actionId;
        try (OrkTransport t = open("site-a", Map.of("seed", 3))) {
            String things = call(t, "listThings", "{\"query\":{\"tags\":\"t-miner\"},\"limit\":1}");
            thingId = things.replaceAll("(?s)^\\[\\{\"id\":\"([^\"]+)\".*", "$1");
            rack = things.replaceAll("(?s).*\"rack\":\"([^\"]+)\".*", "$1");
            assertEquals("1", call(t, "saveThingComment", "{\"rackId\":\"" + rack + "\",\"thingId\":\"" + thingId
                    + "\",\"comment\":\"noisy fan\",\"user\":\"a@b.c\"}"));
            call(t, "saveWrkSettings", "{\"rackId\":\"" + rack + "\",\"entries\":{\"k\":1}}");
            call(t, "setGlobalConfig", "{\"isAutoSleepAllowed\":true}");
            String pushed = call(t, "pushAction", "{\"query\":{\"id\":\"" + thingId + "\"},\"action\":\"setPowerMode\","
                    + "\"params\":[\"sleep\"],\"voter\":\"a@b.c\",\"authPerms\":[\"miner:rw\"]}");
            actionId = Long.parseLong(pushed.replaceAll("(?s)^\\{\"id\":(\\d+),.*", "$1"));
            clock.advance(Duration.ofSeconds(90)); // executed at the next tick, seen at the next minute's poll
            call(t, "listRacks", "{}");
        }
        Path file = dataDir.resolve("sim").resolve("site-a.json");
        assertTrue(Files.size(file) > 0);
        try (OrkTransport again = open("site-a", Map.of("seed", 3))) {
            String thing = call(again, "listThings", "{\"query\":{\"id\":\"" + thingId + "\"},\"status\":1}");
            assertTrue(thing.contains("\"comment\":\"noisy fan\""), thing);
            assertTrue(thing.contains("\"status\":\"sleeping\""), "the executed action's effect is replayed: " + thing);
            assertEquals("{\"k\":1}", call(again, "getWrkSettings", "{\"rackId\":\"" + rack + "\"}"));
            assertTrue(call(again, "getGlobalConfig", "{}").contains("\"isAutoSleepAllowed\":true"));
            assertTrue(call(again, "getAction", "{\"id\":" + actionId + ",\"type\":\"done\"}").contains("COMPLETED"));
            String next = call(again, "pushAction", "{\"query\":{\"id\":\"" + thingId + "\"},\"action\":\"setLED\","
                    + "\"params\":[true],\"voter\":\"a@b.c\",\"authPerms\":[\"miner:rw\"]}");
            assertTrue(Long.parseLong(next.replaceAll("(?s)^\\{\"id\":(\\d+),.*", "$1")) > actionId);
        }
    }

    @Test
    void anUnreadableStateFileIsSetAsideAndTheOrkStartsFresh() throws Exception {
        Path dir = Files.createDirectories(dataDir.resolve("sim"));
        Files.writeString(dir.resolve("broken.json"), "{not json");
        try (OrkTransport t = open("broken", Map.of())) {
            assertTrue(call(t, "getGlobalConfig", "{}").contains("\"isAutoSleepAllowed\":false"));
        }
        try (var files = Files.list(dir)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith("broken.json.unreadable-")));
        }
    }
}
