package io.miningos.gateway.domain.error;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The one exception type for expected business outcomes: invalid input, missing permission, not found...
 * It carries a stable {@code ERR_*} code that clients match on. The optional {@code reason} replaces the
 * generic reason phrase in the error body where the contract fixes a specific text (e.g. authentication).
 * It never carries a stack trace to the client and is cheap to throw (no stack capture).
 */
public final class DomainException extends RuntimeException {

    private static final Pattern CODE = Pattern.compile("ERR_[A-Z0-9_]+");

    private final ErrorKind kind;
    private final String code;
    private final String reason;
    private final long retryAfterSeconds;

    public DomainException(ErrorKind kind, String code, String reason) {
        this(kind, code, reason, 0);
    }

    private DomainException(ErrorKind kind, String code, String reason, long retryAfterSeconds) {
        super(code, null, false, false);
        this.kind = Objects.requireNonNull(kind, "kind");
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("error code must look like ERR_SOMETHING: " + code);
        }
        this.code = code;
        this.reason = reason;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public DomainException(ErrorKind kind, String code) {
        this(kind, code, null);
    }

    public static DomainException invalid(String code) {
        return new DomainException(ErrorKind.INVALID_INPUT, code);
    }

    public static DomainException forbidden(String code) {
        return new DomainException(ErrorKind.FORBIDDEN, code);
    }

    public static DomainException notFound(String code) {
        return new DomainException(ErrorKind.NOT_FOUND, code);
    }

    public static DomainException conflict(String code) {
        return new DomainException(ErrorKind.CONFLICT, code);
    }

    public static DomainException unauthenticated(String code, String reason) {
        return new DomainException(ErrorKind.UNAUTHENTICATED, code, reason);
    }

    /** Done too often: the caller may try again in {@code retryAfterSeconds} (at least 1). */
    public static DomainException rateLimited(String code, long retryAfterSeconds) {
        return new DomainException(ErrorKind.RATE_LIMITED, code, null, Math.max(1, retryAfterSeconds));
    }

    public ErrorKind kind() {
        return kind;
    }

    /** The {@code ERR_*} code clients match on. */
    public String code() {
        return code;
    }

    /** For {@link ErrorKind#RATE_LIMITED}: seconds until trying again can succeed; otherwise 0. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** A fixed human-readable reason that replaces the generic reason phrase, or {@code null}. */
    public String reason() {
        return reason;
    }
}
