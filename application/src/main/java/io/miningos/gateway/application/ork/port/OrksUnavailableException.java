package io.miningos.gateway.application.ork.port;

import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.error.ErrorKind;

import java.util.List;
import java.util.Optional;

/**
 * Every ORK failed, so there is nothing to answer with: the request fails and nothing is cached. When the ORKs
 * refused it as the client's mistake ({@link OrkRejections}) that is the answer (400 or 404 with the ORK's code);
 * otherwise it is an outage (502, or 504 when every ORK timed out). Carries the failures so the response can still
 * say which ORK failed and why.
 */
public final class OrksUnavailableException extends RuntimeException {

    public static final String UNAVAILABLE = "ERR_ORK_UNAVAILABLE";
    public static final String TIMEOUT = "ERR_ORK_TIMEOUT";

    private final List<OrkFailure> failures;

    public OrksUnavailableException(List<OrkFailure> failures) {
        super("no ORK answered", null, false, false);
        if (failures.isEmpty()) {
            throw new IllegalArgumentException("at least one failure");
        }
        this.failures = List.copyOf(failures);
    }

    public List<OrkFailure> failures() {
        return failures;
    }

    /**
     * The error clients get: the ORKs' verdict when they agree the client erred ({@link OrkRejections#of}), else
     * {@code ERR_ORK_TIMEOUT} when every ORK timed out, {@code ERR_ORK_ANSWER_TOO_LARGE} (502) when every ORK's
     * answer was over the size limit, else {@code ERR_ORK_UNAVAILABLE}.
     */
    public DomainException asDomainException() {
        Optional<DomainException> rejected = OrkRejections.of(failures);
        if (rejected.isPresent()) {
            return rejected.get();
        }
        boolean allTimedOut = failures.stream().allMatch(f -> f.cause() == OrkFailure.Cause.TIMEOUT);
        if (allTimedOut) {
            return new DomainException(ErrorKind.UPSTREAM_TIMEOUT, TIMEOUT);
        }
        boolean allTooLarge = failures.stream().allMatch(f -> f.cause() == OrkFailure.Cause.TOO_LARGE);
        return new DomainException(ErrorKind.UPSTREAM_FAILED, allTooLarge ? OrkFailure.TOO_LARGE_CODE : UNAVAILABLE);
    }
}
