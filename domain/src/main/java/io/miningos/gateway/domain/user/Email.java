package io.miningos.gateway.domain.user;

import io.miningos.gateway.domain.error.DomainException;

import java.util.Locale;
import java.util.regex.Pattern;

/** An e-mail address, trimmed and lower-cased so that look-ups and uniqueness ignore case. */
public record Email(String value) {

    public static final String INVALID = "ERR_INVALID_EMAIL";

    // Pragmatic check: one @, a non-empty local part without spaces, a dotted domain. Not RFC 5322, on purpose.
    private static final Pattern SHAPE =
            Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    private static final int MAX_LENGTH = 254;

    public Email {
        if (value == null || value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches()
                || !value.equals(value.toLowerCase(Locale.ROOT))) {
            throw DomainException.invalid(INVALID);
        }
    }

    /** Parses user input: trims and lower-cases, then validates; throws {@code ERR_INVALID_EMAIL}. */
    public static Email parse(Object raw) {
        if (!(raw instanceof String text)) {
            throw DomainException.invalid(INVALID);
        }
        return new Email(text.trim().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
