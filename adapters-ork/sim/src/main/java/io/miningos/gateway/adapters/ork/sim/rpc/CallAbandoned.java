package io.miningos.gateway.adapters.ork.sim.rpc;

/**
 * Thrown from inside a computation whose {@link Deadline} passed: nobody waits for the answer any more. The
 * transport reports the call as a timeout. Cheap to throw: no stack trace.
 */
public final class CallAbandoned extends RuntimeException {
    public CallAbandoned() {
        super("the call's deadline passed", null, false, false);
    }
}
