package io.miningos.gateway.domain.error;

/**
 * What kind of expected failure a {@link DomainException} is. The HTTP adapter maps each kind to one status;
 * the domain only says what went wrong, never how it is transported.
 */
public enum ErrorKind {
    /** The caller sent something malformed, of the wrong type or out of range. */
    INVALID_INPUT,
    /** No valid credentials: missing, unknown, expired, revoked or bound to another address. */
    UNAUTHENTICATED,
    /** Valid credentials, but not allowed to do this. */
    FORBIDDEN,
    /** The thing named by the request does not exist. */
    NOT_FOUND,
    /** The request clashes with the current state (e.g. a duplicate). */
    CONFLICT,
    /** The caller did this too often; it may try again later. */
    RATE_LIMITED,
    /** The request body is larger than the gateway accepts. */
    TOO_LARGE,
    /** A feature that this site has not configured. */
    NOT_CONFIGURED,
    /** The gateway itself cannot serve this right now (e.g. storage locked by another process too long). */
    UNAVAILABLE,
    /** Every upstream (ORK, identity provider) that could answer failed. */
    UPSTREAM_FAILED,
    /** Upstreams did not answer in time. */
    UPSTREAM_TIMEOUT
}
