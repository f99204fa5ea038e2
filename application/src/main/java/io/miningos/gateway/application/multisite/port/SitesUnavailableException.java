package io.miningos.gateway.application.multisite.port;

import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.error.ErrorKind;

import java.util.List;

/**
 * No site of a request answered: 504 {@code ERR_SITE_TIMEOUT} when every one timed out, else 502
 * {@code ERR_SITE_UNAVAILABLE}; the failures go into {@code X-Site-Failures}.
 */
public final class SitesUnavailableException extends RuntimeException {

    public static final String UNAVAILABLE = "ERR_SITE_UNAVAILABLE";
    public static final String TIMEOUT = "ERR_SITE_TIMEOUT";

    private final transient List<SiteFailure> failures;

    public SitesUnavailableException(List<SiteFailure> failures) {
        super("no site answered", null, false, false);
        this.failures = List.copyOf(failures);
    }

    public List<SiteFailure> failures() {
        return failures;
    }

    public DomainException asDomainException() {
        boolean allTimedOut = !failures.isEmpty()
                && failures.stream().allMatch(f -> f.cause() == SiteFailure.Cause.TIMEOUT);
        return allTimedOut ? new DomainException(ErrorKind.UPSTREAM_TIMEOUT, TIMEOUT)
                : new DomainException(ErrorKind.UPSTREAM_FAILED, UNAVAILABLE);
    }
}
