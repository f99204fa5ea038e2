package io.miningos.gateway.application.multisite;

import io.miningos.gateway.application.multisite.port.SiteFailure;

/** A site's failure carried through a cached load, so the failed load is not kept and its waiters all see it. */
final class SiteFailureException extends RuntimeException {

    private final transient SiteFailure failure;

    SiteFailureException(SiteFailure failure) {
        super(failure.siteId() + ": " + failure.cause() + " " + failure.detail(), null, false, false);
        this.failure = failure;
    }

    SiteFailure failure() {
        return failure;
    }
}
