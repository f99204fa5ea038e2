package io.miningos.gateway.application.ork.port;

import java.util.OptionalLong;

/**
 * When the request being served must have its answer, as a {@link System#nanoTime()} value. The HTTP adapter runs
 * each request's handler {@linkplain #runWithin within} the request's deadline, counted from when the request
 * arrived (so time it spent queued counts too); the ORK fan-outs that handler starts give up by then, however many
 * calls had to wait for a free slot. Work outside a request (live alerts, commands) has none, and its fan-outs
 * give each call the configured timeout. Like a gRPC context's deadline, it travels with the thread, so the use
 * cases between the edge and the fan-out need not carry it.
 */
public final class RequestDeadline {

    /** Work that runs within a deadline; it may throw what a request handler throws. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    private static final ThreadLocal<long[]> CURRENT = new ThreadLocal<>();

    private RequestDeadline() {
    }

    /** Runs {@code work} with {@code deadlineNanos} as the current deadline, restoring the previous one after. */
    public static void runWithin(long deadlineNanos, Work work) throws Exception {
        ThreadValue.runWith(CURRENT, new long[] {deadlineNanos}, work);
    }

    /** The current thread's deadline, if it serves a request. */
    public static OptionalLong currentNanos() {
        long[] deadline = CURRENT.get();
        return deadline == null ? OptionalLong.empty() : OptionalLong.of(deadline[0]);
    }

    /** The earlier of two {@link System#nanoTime()} instants (compared as the JDK says: by their difference). */
    public static long earlier(long a, long b) {
        return a - b <= 0 ? a : b;
    }
}
