package io.miningos.gateway.adapters.ork.sim.rpc;

import java.util.regex.Pattern;

/**
 * A handler error of the simulated ORK. The transport answers it as the JSON string {@code "[HRPC_ERR]=<code>"},
 * exactly as a real ORK's RPC wrapper does. Cheap to throw: no stack trace.
 */
public final class OrkError extends RuntimeException {
    private static final Pattern CODE = Pattern.compile("ERR_[A-Z0-9_]+");

    public OrkError(String code) {
        super(code, null, false, false);
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("ORK error codes look like ERR_SOMETHING: " + code);
        }
    }

    public String code() {
        return getMessage();
    }
}
