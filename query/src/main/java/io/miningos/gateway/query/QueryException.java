package io.miningos.gateway.query;

import java.util.regex.Pattern;

/**
 * A filter, projection, sort or path that can't be compiled. It carries the {@code ERR_*} code the caller passed
 * to {@code compile}/{@code parse} (e.g. {@code ERR_QUERY_INVALID}), so each caller reports bad input in its own
 * terms: the gateway as a 400 with that code, the simulated ORK as its {@code [HRPC_ERR]=} answer. Thrown for
 * client input, so it is cheap to throw (no stack capture).
 */
public final class QueryException extends RuntimeException {

    private static final Pattern CODE = Pattern.compile("ERR_[A-Z0-9_]+");

    private final String code;

    public QueryException(String code) {
        super(code, null, false, false);
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("error code must look like ERR_SOMETHING: " + code);
        }
        this.code = code;
    }

    /** The {@code ERR_*} code the caller chose for this input. */
    public String code() {
        return code;
    }
}
