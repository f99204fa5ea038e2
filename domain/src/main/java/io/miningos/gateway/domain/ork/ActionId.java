package io.miningos.gateway.domain.ork;

import io.miningos.gateway.domain.error.DomainException;

import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * The id an ORK gives an action: a whole number, written in decimal digits (ORKs number actions from the time they
 * were pushed, e.g. {@code 1718036711905}). The gateway checks ids before relaying them; an ORK that holds no
 * action with the id answers so itself.
 */
public record ActionId(long value) {

    public static final String INVALID = "ERR_ID_INVALID";
    /** 1 to 18 digits: every such id fits a {@code long}, and a real ORK's ids are far shorter. */
    static final Pattern DIGITS = Pattern.compile("\\d{1,18}");

    public ActionId {
        if (value < 0) {
            throw DomainException.invalid(INVALID);
        }
    }

    /** Parses {@code 1718036711905}; anything else (blank, signs, spaces, 19+ digits) is {@code ERR_ID_INVALID}. */
    public static ActionId parse(String text) {
        if (text == null || !DIGITS.matcher(text).matches()) {
            throw DomainException.invalid(INVALID);
        }
        return new ActionId(Long.parseLong(text));
    }

    /** An id as written in an ORK answer or a client's list, in the form ids compare in: {@code 007} is {@code 7}. */
    public static String normal(String id) {
        try {
            return new BigInteger(id.trim()).toString();
        } catch (NumberFormatException e) {
            return id;
        }
    }
}
