package io.miningos.gateway.application.ork.port;

import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.error.ErrorKind;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The ORK error codes that mean the request was the client's mistake, not an outage: a request every ORK refused
 * with them is answered 400 or 404 with the ORK's code instead of 502 {@code ERR_ORK_UNAVAILABLE}. The codes are
 * those real ORKs (and the simulator) throw from the methods the gateway reads with; every other code, and every
 * code with more text after it, stays an outage. README, "ORK errors", has this table.
 */
public final class OrkRejections {

    /** The request is malformed or names something the ORK does not know how to serve: 400. */
    static final Set<String> BAD_REQUEST = Set.of(
            "ERR_TYPE_INVALID", "ERR_TYPE_AGGR_INVALID", "ERR_FIELDS_INVALID", "ERR_QUERY_INVALID",
            "ERR_QUERY_OPERATOR_NOT_ALLOWED", "ERR_SORT_INVALID", "ERR_KEY_INVALID", "ERR_KEYS_INVALID",
            "ERR_IDS_INVALID", "ERR_AGGR_FIELDS_INVALID", "ERR_AGGR_TIMES_INVALID", "ERR_START_DATE_INVALID",
            "ERR_END_DATE_INVALID", "ERR_TIMEZONE_OFFSET_INVALID", "ERR_LOG_TYPE_INVALID", "ERR_LOG_TAG_INVALID",
            "ERR_RACK_ID_INVALID", "ERR_QUERIES_INVALID", "ERR_QUERIES_TYPE_INVALID", "ERR_QUERIES_LIMIT_EXCEEDED",
            "ERR_SUBDB_UNKOWN", "ERR_SUFFIX_TOO_LONG", "ERR_INVALID_REQUEST_TYPE",
            // the simulated ORK's bound on one answer, the gateway's own code for a too-large tail-log range
            "ERR_RANGE_TOO_LARGE");

    /** What the request names does not exist: 404. */
    static final Set<String> NOT_FOUND = Set.of(
            "ERR_ACTION_ID_NOT_FOUND", "ERR_THING_NOTFOUND", "ERR_RACK_NOTFOUND", "ERR_LOG_NOTFOUND",
            "ERR_LOG_KEY_NOTFOUND");

    private OrkRejections() {
    }

    /** The ORK codes answered 400 (for the API document). */
    public static Set<String> badRequestCodes() {
        return BAD_REQUEST;
    }

    /** The ORK codes answered 404 when every ORK says so (for the API document). */
    public static Set<String> notFoundCodes() {
        return NOT_FOUND;
    }

    /** {@code INVALID_INPUT} or {@code NOT_FOUND} for a code of the table (bare, without the ORK prefix). */
    public static Optional<ErrorKind> kindOf(String code) {
        if (BAD_REQUEST.contains(code)) {
            return Optional.of(ErrorKind.INVALID_INPUT);
        }
        return NOT_FOUND.contains(code) ? Optional.of(ErrorKind.NOT_FOUND) : Optional.empty();
    }

    /**
     * The client's mistake that every ORK which answered agrees on, if any: at least one ORK answered, and each
     * answered with a code of the table. A bad request is one whatever the other ORKs did (answer with the first
     * such code, in configuration order); "not found" counts only when every ORK said so, since what is missing may
     * be on an ORK that could not be asked.
     */
    static Optional<DomainException> of(List<OrkFailure> failures) {
        List<OrkFailure> verdicts = failures.stream().filter(f -> f.cause() == OrkFailure.Cause.ORK_ERROR).toList();
        if (verdicts.isEmpty()) {
            return Optional.empty();
        }
        String badRequest = null;
        for (OrkFailure verdict : verdicts) {
            Optional<ErrorKind> kind = verdict.detail().startsWith(OrkFailure.ORK_ERROR_PREFIX)
                    ? kindOf(verdict.shortReason()) : Optional.empty();
            if (kind.isEmpty()) {
                return Optional.empty();
            }
            if (kind.get() == ErrorKind.INVALID_INPUT && badRequest == null) {
                badRequest = verdict.shortReason();
            }
        }
        if (badRequest != null) {
            return Optional.of(DomainException.invalid(badRequest));
        }
        return verdicts.size() == failures.size()
                ? Optional.of(DomainException.notFound(verdicts.getFirst().shortReason())) : Optional.empty();
    }
}
