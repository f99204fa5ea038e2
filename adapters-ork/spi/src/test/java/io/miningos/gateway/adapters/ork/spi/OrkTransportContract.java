package io.miningos.gateway.adapters.ork.spi;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The transport half of the SPI's contract ({@link OrkTransportProvider}, {@link OrkTransport}), which every
 * transport must pass whatever it talks to: answers come back byte for byte, many calls run at once, a call that
 * outlasts its deadline fails as a timeout, {@code close} fails the calls in flight at once, and a bad option is
 * refused naming its key. It depends on the SPI and JUnit only; a third party runs it from this module's test-jar
 * ({@code adapters-ork-spi}, classifier {@code tests}).
 *
 * <h2>What a subclass provides</h2>
 * <ul>
 *   <li>{@link #provider()}: the provider under test. The gateway makes one instance per process, so return the
 *       same instance on every call (the checks open and close many ORKs on it).</li>
 *   <li>{@link #echo()}: options of an ORK, and a method that ORK answers with its request, unchanged. A real ORK's
 *       {@code echo} does that; so must a simulated one.</li>
 *   <li>{@link #silent()}: options of an ORK, and a method that ORK does not answer for at least a minute: one its
 *       test peer never answers, or every method of an ORK with a long added latency.</li>
 *   <li>Optionally {@link #badOptions()}: options with one bad value, and its key. An unknown key is always
 *       tried.</li>
 *   <li>Optionally {@link #dataDir()}: the data directory ORKs are opened with (default: a fresh temporary
 *       folder per test), e.g. one whose client key the test peer allows.</li>
 * </ul>
 * Calls that should fail fast are given {@link #FAST} to do so: generous, since the machine may be loaded; it
 * guards against a hang and asserts no speed.
 */
public abstract class OrkTransportContract {

    /** How long a failure that should be immediate may take on a loaded machine. */
    protected static final Duration FAST = Duration.ofSeconds(10);
    /** Calls that should succeed get this long. */
    protected static final Duration CALL = Duration.ofSeconds(30);

    /** Options to open an ORK with, and the method of that ORK a check calls. */
    public record Target(Map<String, Object> options, String method) {
        public Target {
            options = Map.copyOf(options);
            Objects.requireNonNull(method, "method");
        }
    }

    /** Options holding one bad value, and the key whose error message must start it. */
    public record BadOption(Map<String, Object> options, String key) {
        public BadOption {
            options = Map.copyOf(options);
            Objects.requireNonNull(key, "key");
        }
    }

    @TempDir
    Path temporaryDataDir;
    private final List<OrkTransport> opened = new ArrayList<>();

    /** The provider under test; the same instance on every call. */
    protected abstract OrkTransportProvider provider();

    /** An ORK whose {@link Target#method()} answers with its request bytes, unchanged. */
    protected abstract Target echo();

    /** An ORK whose {@link Target#method()} does not answer for at least a minute. */
    protected abstract Target silent();

    /** Options with one bad value each, besides the unknown key the contract always tries. None by default. */
    protected List<BadOption> badOptions() {
        return List.of();
    }

    /** The data directory ORKs are opened with; a fresh temporary folder per test by default. */
    protected Path dataDir() {
        return temporaryDataDir;
    }

    @AfterEach
    void closeOpened() {
        opened.forEach(OrkTransport::close);
    }

    // ------------------------------------------------------------------ the contract

    @Test
    void answersComeBackByteForByte() throws Exception {
        OrkTransport ork = open("contract-echo", echo());
        // Odd spacing, a number no double holds, a decimal's trailing zero, escapes and non-ASCII text: anything
        // that decodes and re-encodes the JSON changes at least one of them.
        byte[] request = ("{ \"big\" : 123456789012345678901234567890, \"price\":1.50,"
                + " \"site\":\"N\u00f6rdfeld \u2713 \\u00e9\\n\\\"\", \"list\":[ 1 ,2 ] }")
                .getBytes(StandardCharsets.UTF_8);

        byte[] answer = ork.call(echo().method(), request, CALL).get(CALL.toSeconds() + 5, TimeUnit.SECONDS);

        assertArrayEquals(request, answer, () -> "answer was " + new String(answer, StandardCharsets.UTF_8));
    }

    @Test
    void manyCallsFromManyThreadsRunAtOnceAndEachGetsItsOwnAnswer() throws Exception {
        OrkTransport ork = open("contract-concurrent", echo());
        int threads = 8;
        int callsPerThread = 25;
        ExecutorService callers = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<CompletableFuture<byte[]>>>> sent = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                sent.add(callers.submit(() -> {
                    List<CompletableFuture<byte[]>> calls = new ArrayList<>();
                    for (int i = 0; i < callsPerThread; i++) {
                        calls.add(ork.call(echo().method(), body(thread, i), CALL));
                    }
                    return calls;
                }));
            }
            for (int t = 0; t < threads; t++) {
                List<CompletableFuture<byte[]>> calls = sent.get(t).get(CALL.toSeconds(), TimeUnit.SECONDS);
                for (int i = 0; i < callsPerThread; i++) {
                    byte[] answer = calls.get(i).get(CALL.toSeconds() + 5, TimeUnit.SECONDS);
                    assertArrayEquals(body(t, i), answer, "call " + i + " of thread " + t);
                }
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aCallThatOutlastsItsDeadlineFailsAsATimeout() {
        OrkTransport ork = open("contract-deadline", silent());

        CompletableFuture<byte[]> call = ork.call(silent().method(), "{}".getBytes(StandardCharsets.UTF_8),
                Duration.ofMillis(300));

        Throwable failure = failure(call, Duration.ofMillis(300).plus(FAST));
        assertTrue(isTimeout(failure), "a call that gave up at its deadline must fail with an OrkTransportException "
                + "whose cause chain holds a TimeoutException (or with a bare TimeoutException); got " + failure);
    }

    @Test
    void closeFailsTheCallsInFlightAtOnceAndRefusesNewOnes() {
        OrkTransport ork = open("contract-close", silent());
        CompletableFuture<byte[]> pending = ork.call(silent().method(), "{}".getBytes(StandardCharsets.UTF_8),
                Duration.ofMinutes(2));

        ork.close();

        assertInstanceOf(OrkTransportException.class, failure(pending, FAST),
                "a call in flight fails with OrkTransportException when its transport closes");
        CompletableFuture<byte[]> after;
        try {
            after = ork.call(silent().method(), "{}".getBytes(StandardCharsets.UTF_8), CALL);
        } catch (RuntimeException e) {
            throw new AssertionError("a call after close must return a failed future, not throw", e);
        }
        assertInstanceOf(OrkTransportException.class, failure(after, FAST),
                "a call after close fails with OrkTransportException");
    }

    @Test
    void aBadOptionIsRefusedWithAMessageStartingWithItsKey() {
        Map<String, Object> withUnknown = new LinkedHashMap<>(echo().options());
        withUnknown.put("contractNoSuchOption", 1);
        List<BadOption> cases = new ArrayList<>(badOptions());
        cases.add(new BadOption(withUnknown, "contractNoSuchOption"));

        for (BadOption bad : cases) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> opened.add(provider().open(context("contract-bad-option", bad.options()))),
                    "options " + bad.options() + " must be refused");
            assertNotNull(e.getMessage());
            assertTrue(e.getMessage().startsWith(bad.key() + ":"), "the message must start with \"" + bad.key()
                    + ":\"; got \"" + e.getMessage() + "\"");
        }
    }

    // ------------------------------------------------------------------ helpers

    /** Opens an ORK on the provider under test; closed after the test. */
    protected OrkTransport open(String orkId, Target target) {
        OrkTransport ork = provider().open(context(orkId, target.options()));
        assertNotNull(ork, "open returned null");
        opened.add(ork);
        return ork;
    }

    private OrkTransportContext context(String orkId, Map<String, Object> options) {
        return new OrkTransportContext(orkId, options, dataDir(), Clock.systemUTC());
    }

    private static byte[] body(int thread, int call) {
        return ("{\"thread\":" + thread + ",\"call\":" + call + ",\"pad\":\"" + "x".repeat(call * 7) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Waits up to {@code within} for {@code call} to fail and returns why; fails the test if it doesn't. */
    private static Throwable failure(CompletableFuture<byte[]> call, Duration within) {
        try {
            byte[] answer = call.get(within.toMillis(), TimeUnit.MILLISECONDS);
            return fail("expected a failure, got an answer: " + new String(answer, StandardCharsets.UTF_8));
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            return fail("the call had not failed " + within.toMillis() + " ms later");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    /** The gateway's reading of a timeout ({@link OrkTransport}'s javadoc): a TimeoutException within 16 causes. */
    private static boolean isTimeout(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof TimeoutException) {
            return true;
        }
        if (!(t instanceof OrkTransportException)) {
            return false;
        }
        for (int depth = 0; t != null && depth <= 16; depth++, t = t.getCause()) {
            if (t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
