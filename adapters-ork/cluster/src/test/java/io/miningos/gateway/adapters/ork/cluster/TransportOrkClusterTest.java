package io.miningos.gateway.adapters.ork.cluster;

import io.miningos.gateway.adapters.ork.spi.OrkTransport;
import io.miningos.gateway.adapters.ork.spi.OrkTransportException;
import io.miningos.gateway.application.ork.port.OrkFailure;
import io.miningos.gateway.application.ork.port.RawJson;
import io.miningos.gateway.application.ork.port.out.OrkCallException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransportOrkClusterTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static TransportOrkCluster clusterOf(OrkTransport transport) {
        return new TransportOrkCluster(Map.of("cluster-1", transport));
    }

    private static OrkFailure failureOf(CompletableFuture<RawJson> call) {
        CompletionException thrown = assertThrows(CompletionException.class, call::join);
        return ((OrkCallException) thrown.getCause()).failure();
    }

    @Test
    void passesTheAnswerOnByteForByteAndSendsTheRequestAsGiven() {
        String answer = "[{\"id\":\"m-1\",\"hashrate\":110000000000000.50,\"name\":\"caf\\u00e9\"}]";
        ScriptedTransport transport = ScriptedTransport.answering(answer);
        RawJson got = clusterOf(transport).call("cluster-1", "listThings", RawJson.of("{\"limit\":5}"), TIMEOUT)
                .join();
        assertEquals(answer, got.text());
        assertEquals("{\"limit\":5}", transport.lastRequest);
    }

    @Test
    void anAnswerOverTheSizeBoundIsAFailureOfItsOrkAndNeverReachesTheCaller() {
        String big = "[\"" + "x".repeat(2_000) + "\"]";
        TransportOrkCluster bounded = new TransportOrkCluster(Map.of("cluster-1", ScriptedTransport.answering(big)),
                2_000);
        OrkFailure failure = failureOf(bounded.call("cluster-1", "tailLog", RawJson.of("{}"), TIMEOUT));
        assertEquals(OrkFailure.Cause.TOO_LARGE, failure.cause());
        assertEquals("too_large", failure.shortReason());
        assertEquals("ERR_ORK_ANSWER_TOO_LARGE", failure.clientMessage());
        TransportOrkCluster roomy = new TransportOrkCluster(Map.of("cluster-1", ScriptedTransport.answering(big)),
                big.length());
        assertEquals(big, roomy.call("cluster-1", "tailLog", RawJson.of("{}"), TIMEOUT).join().text());
    }

    @Test
    void anHrpcErrorStringIsAnOrkErrorCarryingTheWholeText() {
        OrkFailure failure = failureOf(clusterOf(ScriptedTransport.answering("\"[HRPC_ERR]=ERR_RACK_ID_INVALID\""))
                .call("cluster-1", "getWrkSettings", RawJson.of("{}"), TIMEOUT));
        assertEquals(OrkFailure.Cause.ORK_ERROR, failure.cause());
        assertEquals("[HRPC_ERR]=ERR_RACK_ID_INVALID", failure.clientMessage());
        assertEquals("ERR_RACK_ID_INVALID", failure.shortReason());
        assertEquals("cluster-1", failure.orkId());
    }

    @Test
    void theMarkerCountsOnlyWithinTheFirstFifteenCharacters() {
        OrkFailure near = failureOf(clusterOf(ScriptedTransport.answering("\"Err [HRPC_ERR]=ERR_X\""))
                .call("cluster-1", "m", RawJson.of("{}"), TIMEOUT));
        assertEquals(OrkFailure.Cause.ORK_ERROR, near.cause());
        String plain = "\"a comment mentioning [HRPC_ERR]=ERR_X later\"";
        assertEquals(plain, clusterOf(ScriptedTransport.answering(plain))
                .call("cluster-1", "m", RawJson.of("{}"), TIMEOUT).join().text());
    }

    @Test
    void anAnswerThatIsNotJsonNeverReachesTheCaller() {
        for (String bad : List.of("", "   ", "{\"a\":", "[1,2]]", "{} {}", "nope", "[1,2] x")) {
            OrkFailure failure = failureOf(clusterOf(ScriptedTransport.answering(bad))
                    .call("cluster-1", "listThings", RawJson.of("{}"), TIMEOUT));
            assertEquals(OrkFailure.Cause.BAD_ANSWER, failure.cause(), "answer: " + bad);
            assertEquals("ERR_ORK_BAD_ANSWER", failure.clientMessage());
        }
    }

    @Test
    void anUnreachableOrkIsReportedWithoutItsDetailsForClients() {
        ScriptedTransport transport = new ScriptedTransport((m, r) ->
                CompletableFuture.failedFuture(new OrkTransportException("connect to 10.0.0.7 refused")));
        OrkFailure failure = failureOf(clusterOf(transport).call("cluster-1", "listThings", RawJson.of("{}"),
                TIMEOUT));
        assertEquals(OrkFailure.Cause.UNREACHABLE, failure.cause());
        assertEquals("connect to 10.0.0.7 refused", failure.detail());
        assertEquals("ERR_ORK_UNAVAILABLE", failure.clientMessage());
        assertEquals("unavailable", failure.shortReason());
    }

    @Test
    void aTransportThatThrowsInsteadOfFailingItsFutureIsContained() {
        ScriptedTransport transport = new ScriptedTransport((m, r) -> {
            throw new IllegalStateException("bug");
        });
        OrkFailure failure = failureOf(clusterOf(transport).call("cluster-1", "m", RawJson.of("{}"), TIMEOUT));
        assertEquals(OrkFailure.Cause.UNREACHABLE, failure.cause());
        assertTrue(failure.detail().contains("IllegalStateException"), failure.detail());
    }

    @Test
    void aTransportThatNeverAnswersTimesOutAndIsToldToStop() {
        ScriptedTransport transport = new ScriptedTransport((m, r) -> new CompletableFuture<>());
        OrkFailure failure = failureOf(clusterOf(transport).call("cluster-1", "tailLog", RawJson.of("{}"),
                Duration.ofMillis(100)));
        assertEquals(OrkFailure.Cause.TIMEOUT, failure.cause());
        assertEquals("timeout", failure.shortReason());
        assertTrue(transport.lastCall.isCancelled());
    }

    @Test
    void aCallTimingOutNeverHoldsUpTheTimeoutsOfOthers() throws Exception {
        // Regression: a timeout completed its call on the JDK's one delay thread, with everything depending on the
        // call, so a thousand calls timing out together were answered one after the other, seconds past their
        // deadline. Here the first call's dependent work blocks until the second call has timed out.
        TransportOrkCluster cluster = clusterOf(new ScriptedTransport((m, r) -> new CompletableFuture<>()));
        CountDownLatch secondTimedOut = new CountDownLatch(1);
        CompletableFuture<RawJson> first = cluster.call("cluster-1", "m", RawJson.of("{}"), Duration.ofMillis(200));
        CompletableFuture<Boolean> firstDependent = first.handle((answer, error) -> {
            try {
                return secondTimedOut.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        CompletableFuture<RawJson> second = cluster.call("cluster-1", "m", RawJson.of("{}"), Duration.ofMillis(400));
        second.whenComplete((answer, error) -> secondTimedOut.countDown());
        ExecutionException failed = assertThrows(ExecutionException.class, () -> second.get(5, TimeUnit.SECONDS));
        assertEquals(OrkFailure.Cause.TIMEOUT, ((OrkCallException) failed.getCause()).failure().cause());
        assertTrue(firstDependent.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aTransportTimeoutCountsAsATimeout() {
        ScriptedTransport transport = new ScriptedTransport((m, r) ->
                CompletableFuture.failedFuture(new java.util.concurrent.TimeoutException("rpc timeout")));
        assertEquals(OrkFailure.Cause.TIMEOUT,
                failureOf(clusterOf(transport).call("cluster-1", "m", RawJson.of("{}"), TIMEOUT)).cause());
    }

    @Test
    void aTransportThatGaveUpAtItsOwnDeadlineCountsAsATimeout() {
        String message = "hrpc call tailLog to ORK cluster-1 timed out after 800 ms";
        ScriptedTransport transport = new ScriptedTransport((m, r) -> CompletableFuture.failedFuture(
                new OrkTransportException(message, new java.util.concurrent.TimeoutException(message))));
        OrkFailure failure = failureOf(clusterOf(transport).call("cluster-1", "tailLog", RawJson.of("{}"), TIMEOUT));
        assertEquals(OrkFailure.Cause.TIMEOUT, failure.cause());
        assertEquals(message, failure.detail());

        ScriptedTransport refused = new ScriptedTransport((m, r) -> CompletableFuture.failedFuture(
                new OrkTransportException("could not connect", new java.io.IOException("PEER_CONNECTION_FAILED"))));
        assertEquals(OrkFailure.Cause.UNREACHABLE,
                failureOf(clusterOf(refused).call("cluster-1", "m", RawJson.of("{}"), TIMEOUT)).cause());
    }

    @Test
    void anUnknownOrkIdFails() {
        OrkFailure failure = failureOf(clusterOf(ScriptedTransport.answering("[]"))
                .call("cluster-9", "m", RawJson.of("{}"), TIMEOUT));
        assertEquals(OrkFailure.Cause.UNREACHABLE, failure.cause());
    }

    @Test
    void keepsConfigurationOrderAndClosesEveryTransport() {
        ScriptedTransport first = ScriptedTransport.answering("[]");
        OrkTransport failing = new OrkTransport() {
            @Override
            public CompletableFuture<byte[]> call(String method, byte[] request, Duration timeout) {
                return new CompletableFuture<>();
            }

            @Override
            public void close() {
                throw new IllegalStateException("close failed");
            }
        };
        ScriptedTransport last = ScriptedTransport.answering("[]");
        Map<String, OrkTransport> transports = new LinkedHashMap<>();
        transports.put("b", first);
        transports.put("a", failing);
        transports.put("c", last);
        TransportOrkCluster cluster = new TransportOrkCluster(transports);
        assertEquals(List.of("b", "a", "c"), cluster.orkIds());
        cluster.close();
        assertTrue(first.closed.get());
        assertTrue(last.closed.get());
    }
}
