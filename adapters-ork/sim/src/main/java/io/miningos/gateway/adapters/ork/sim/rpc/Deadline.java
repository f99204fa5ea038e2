package io.miningos.gateway.adapters.ork.sim.rpc;

import java.time.Duration;

/**
 * When the caller of one simulated ORK call stops waiting. The computation checks it in every loop that can run
 * long ({@link #check()}) and gives up by throwing {@link CallAbandoned}, so work nobody waits for any more frees
 * its thread and its memory at once. Cancelling (the caller went away, the transport closed) ends it early.
 */
public final class Deadline {

    /** For work with no caller waiting (tests, start-up): never passes. */
    public static final Deadline NONE = new Deadline(0, false);

    private final long atNanos;
    private final boolean bounded;
    private volatile boolean cancelled;

    private Deadline(long atNanos, boolean bounded) {
        this.atNanos = atNanos;
        this.bounded = bounded;
    }

    /** A deadline {@code timeout} from now. */
    public static Deadline in(Duration timeout) {
        return new Deadline(System.nanoTime() + Math.max(0, timeout.toNanos()), true);
    }

    /** Ends the work early, as if the deadline had passed. */
    public void cancel() {
        if (this != NONE) {
            cancelled = true;
        }
    }

    public boolean passed() {
        return cancelled || bounded && System.nanoTime() - atNanos >= 0;
    }

    /** @throws CallAbandoned when the deadline has passed or the call was cancelled */
    public void check() {
        if (passed()) {
            throw new CallAbandoned();
        }
    }
}
