package io.miningos.gateway.domain.error;

/** Codes shared by several capabilities. Capability-specific codes live next to the rule that raises them. */
public final class ErrorCodes {
    public static final String AUTH_FAIL = "ERR_AUTH_FAIL";
    public static final String AUTH_FAIL_NO_PERMS = "ERR_AUTH_FAIL_NO_PERMS";
    public static final String WRITE_PERM_REQUIRED = "ERR_WRITE_PERM_REQUIRED";
    public static final String NOT_ALLOWED = "ERR_NOT_ALLOWED";
    public static final String BODY_INVALID_JSON = "ERR_BODY_INVALID_JSON";
    public static final String INVALID_JSON = "ERR_INVALID_JSON";

    private ErrorCodes() {
    }
}
