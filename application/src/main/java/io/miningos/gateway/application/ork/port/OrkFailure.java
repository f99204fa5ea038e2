package io.miningos.gateway.application.ork.port;

import java.util.Objects;

/**
 * Why one ORK gave no usable answer to one call.
 *
 * @param orkId  the ORK's configured id
 * @param cause  what went wrong
 * @param detail for {@link Cause#ORK_ERROR} the ORK's error text exactly as sent, e.g.
 *               {@code "[HRPC_ERR]=ERR_RACK_ID_INVALID"}; otherwise a description for the log (it may name hosts
 *               and is never sent to clients)
 */
public record OrkFailure(String orkId, Cause cause, String detail) {

    /** The prefix of an ORK handler error on the wire. */
    public static final String ORK_ERROR_PREFIX = "[HRPC_ERR]=";

    public enum Cause {
        /** No answer within the call's timeout. */
        TIMEOUT,
        /** The ORK could not be reached or the transport failed. */
        UNREACHABLE,
        /** The ORK answered with an error ({@code "[HRPC_ERR]=ERR_..."}). */
        ORK_ERROR,
        /** The ORK answered something that is not a JSON document. */
        BAD_ANSWER,
        /** The ORK's answer was larger than one answer may be ({@code gateway.maxOrkAnswerBytes}). */
        TOO_LARGE
    }

    /** What a client sees for an answer over the size limit. */
    public static final String TOO_LARGE_CODE = "ERR_ORK_ANSWER_TOO_LARGE";

    public OrkFailure {
        Objects.requireNonNull(orkId, "orkId");
        Objects.requireNonNull(cause, "cause");
        detail = detail == null ? "" : detail;
    }

    /**
     * What a client may see about this failure in a response entry: the ORK's own error text for ORK errors (the
     * shipped UI matches on it, prefix included), otherwise one of our codes.
     */
    public String clientMessage() {
        return switch (cause) {
            case TIMEOUT -> "ERR_ORK_TIMEOUT";
            case UNREACHABLE -> "ERR_ORK_UNAVAILABLE";
            case BAD_ANSWER -> "ERR_ORK_BAD_ANSWER";
            case TOO_LARGE -> TOO_LARGE_CODE;
            case ORK_ERROR -> detail;
        };
    }

    /**
     * A short reason: {@code timeout}, {@code unavailable}, {@code bad_answer}, {@code too_large}, or the ORK's
     * error code.
     */
    public String shortReason() {
        return switch (cause) {
            case TIMEOUT -> "timeout";
            case UNREACHABLE -> "unavailable";
            case BAD_ANSWER -> "bad_answer";
            case TOO_LARGE -> "too_large";
            case ORK_ERROR -> detail.startsWith(ORK_ERROR_PREFIX) ? detail.substring(ORK_ERROR_PREFIX.length())
                    : detail;
        };
    }
}
