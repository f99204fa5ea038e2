package io.miningos.gateway.application.ork.port;

import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.error.ErrorKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How a request every ORK failed is answered: the ORKs' verdict on the client's mistake, or an outage. */
class OrkRejectionsTest {

    private static OrkFailure said(String ork, String code) {
        return new OrkFailure(ork, OrkFailure.Cause.ORK_ERROR, OrkFailure.ORK_ERROR_PREFIX + code);
    }

    private static OrkFailure failed(String ork, OrkFailure.Cause cause) {
        return new OrkFailure(ork, cause, "detail for the log");
    }

    private static void answers(ErrorKind kind, String code, OrkFailure... failures) {
        DomainException error = new OrksUnavailableException(List.of(failures)).asDomainException();
        assertEquals(kind, error.kind(), List.of(failures).toString());
        assertEquals(code, error.code(), List.of(failures).toString());
    }

    @Test
    void everyOrkSayingNotFoundIs404WithTheOrksCode() {
        answers(ErrorKind.NOT_FOUND, "ERR_ACTION_ID_NOT_FOUND",
                said("a", "ERR_ACTION_ID_NOT_FOUND"), said("b", "ERR_ACTION_ID_NOT_FOUND"));
        answers(ErrorKind.NOT_FOUND, "ERR_THING_NOTFOUND", said("a", "ERR_THING_NOTFOUND"));
    }

    @Test
    void everyOrkThatAnsweredSayingBadRequestIs400WithTheFirstCodeWhateverTheOthersDid() {
        answers(ErrorKind.INVALID_INPUT, "ERR_TYPE_INVALID", said("a", "ERR_TYPE_INVALID"),
                said("b", "ERR_FIELDS_INVALID"));
        answers(ErrorKind.INVALID_INPUT, "ERR_FIELDS_INVALID", failed("a", OrkFailure.Cause.TIMEOUT),
                said("b", "ERR_FIELDS_INVALID"), failed("c", OrkFailure.Cause.UNREACHABLE));
        answers(ErrorKind.INVALID_INPUT, "ERR_SUBDB_UNKOWN", said("a", "ERR_ACTION_ID_NOT_FOUND"),
                said("b", "ERR_SUBDB_UNKOWN"));
    }

    @Test
    void notFoundWhileSomeOrkCouldNotBeAskedIsAnOutage() {
        // The thing may well be on the ORK that did not answer.
        answers(ErrorKind.UPSTREAM_FAILED, "ERR_ORK_UNAVAILABLE", said("a", "ERR_ACTION_ID_NOT_FOUND"),
                failed("b", OrkFailure.Cause.UNREACHABLE));
        answers(ErrorKind.UPSTREAM_FAILED, "ERR_ORK_UNAVAILABLE", failed("a", OrkFailure.Cause.TIMEOUT),
                said("b", "ERR_LOG_NOTFOUND"));
    }

    @Test
    void anyOtherOrkErrorOrNoVerdictAtAllIsAnOutage() {
        answers(ErrorKind.UPSTREAM_FAILED, "ERR_ORK_UNAVAILABLE", said("a", "ERR_TYPE_INVALID"),
                said("b", "ERR_GLOBAL_CONFIG_MISSING"));
        answers(ErrorKind.UPSTREAM_FAILED, "ERR_ORK_UNAVAILABLE", said("a", "ERR_NOT_CONFIGURED"));
        answers(ErrorKind.UPSTREAM_FAILED, "ERR_ORK_UNAVAILABLE", said("a", "ERR_TYPE_INVALID: with a message"));
        answers(ErrorKind.UPSTREAM_FAILED, "ERR_ORK_UNAVAILABLE",
                new OrkFailure("a", OrkFailure.Cause.ORK_ERROR, "something without the prefix"));
        answers(ErrorKind.UPSTREAM_FAILED, "ERR_ORK_UNAVAILABLE", failed("a", OrkFailure.Cause.BAD_ANSWER),
                failed("b", OrkFailure.Cause.TIMEOUT));
        answers(ErrorKind.UPSTREAM_TIMEOUT, "ERR_ORK_TIMEOUT", failed("a", OrkFailure.Cause.TIMEOUT),
                failed("b", OrkFailure.Cause.TIMEOUT));
    }

    @Test
    void theTableKnowsTheCodesRealOrksAnswer() {
        for (String code : List.of("ERR_TYPE_INVALID", "ERR_QUERIES_INVALID", "ERR_QUERIES_TYPE_INVALID",
                "ERR_SUBDB_UNKOWN", "ERR_KEYS_INVALID", "ERR_LOG_TYPE_INVALID", "ERR_TYPE_AGGR_INVALID",
                "ERR_START_DATE_INVALID", "ERR_END_DATE_INVALID", "ERR_TIMEZONE_OFFSET_INVALID", "ERR_RACK_ID_INVALID",
                "ERR_FIELDS_INVALID", "ERR_QUERY_INVALID", "ERR_QUERY_OPERATOR_NOT_ALLOWED", "ERR_RANGE_TOO_LARGE")) {
            assertEquals(ErrorKind.INVALID_INPUT, OrkRejections.kindOf(code).orElseThrow(), code);
        }
        for (String code : List.of("ERR_ACTION_ID_NOT_FOUND", "ERR_LOG_NOTFOUND", "ERR_LOG_KEY_NOTFOUND",
                "ERR_THING_NOTFOUND", "ERR_RACK_NOTFOUND")) {
            assertEquals(ErrorKind.NOT_FOUND, OrkRejections.kindOf(code).orElseThrow(), code);
        }
        for (String code : List.of("ERR_NOT_CONFIGURED", "ERR_GLOBAL_CONFIG_MISSING", "ERR_GET_SETTINGS_FAILED",
                "ERR_FACS_NET_DATA_FORMAT", "ERR_MISSING_WRITE_PERMISSIONS", "ERR_SOMETHING_NEW")) {
            assertEquals(java.util.Optional.empty(), OrkRejections.kindOf(code), code);
        }
    }
}
