package io.miningos.gateway.application.multisite.port;

import java.util.Objects;

/**
 * Why one site gave no usable answer.
 *
 * @param siteId the site's configured id
 * @param cause  what went wrong
 * @param detail for {@link Cause#ERROR} the site's {@code ERR_*} code or {@code http_<status>}; otherwise a
 *               description for the log (it may name hosts and is never sent to clients)
 */
public record SiteFailure(String siteId, Cause cause, String detail) {

    public enum Cause {
        /** No answer within the site timeout (or the request's deadline). */
        TIMEOUT,
        /** The site gateway could not be reached (connection, TLS). */
        UNREACHABLE,
        /** The site refused the service token (401, or 403 without the permission). */
        REFUSED,
        /** The site answered an error status. */
        ERROR,
        /** The answer was not JSON, or not the shape the route gives. */
        BAD_ANSWER,
        /** The answer was larger than {@code multiSite.maxSiteAnswerBytes}. */
        TOO_LARGE,
        /** The request named a region this gateway has no site for. */
        UNKNOWN_SITE
    }

    public SiteFailure {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(cause, "cause");
        detail = detail == null ? "" : detail;
    }

    /** What a client sees in a response's {@code errors} entry. */
    public String clientMessage() {
        return switch (cause) {
            case TIMEOUT -> "ERR_SITE_TIMEOUT";
            case UNREACHABLE -> "ERR_SITE_UNAVAILABLE";
            case REFUSED -> "ERR_SITE_AUTH_REFUSED";
            case ERROR -> "ERR_SITE_ERROR";
            case BAD_ANSWER -> "ERR_SITE_BAD_ANSWER";
            case TOO_LARGE -> "ERR_SITE_ANSWER_TOO_LARGE";
            case UNKNOWN_SITE -> "ERR_SITE_UNKNOWN";
        };
    }

    /** The short reason of {@code X-Site-Failures}: {@code timeout}, {@code unavailable}, ... or the site's code. */
    public String shortReason() {
        return switch (cause) {
            case TIMEOUT -> "timeout";
            case UNREACHABLE -> "unavailable";
            case REFUSED -> "refused";
            case ERROR -> detail.matches("[A-Za-z0-9_]{1,60}") ? detail : "error";
            case BAD_ANSWER -> "bad_answer";
            case TOO_LARGE -> "too_large";
            case UNKNOWN_SITE -> "unknown";
        };
    }
}
