package io.miningos.gateway.domain.globaldata;

import io.miningos.gateway.domain.error.DomainException;

import java.util.Locale;

/**
 * The configured name of this site, which tags every stored record. Written data may name the site too (the
 * shipped UI sends it, capitalised the way lodash's {@code capitalize} does, and later queries for that same
 * spelling); a name that matches ignoring case is kept as written so those queries find the record, a different
 * site is refused, and an absent one is filled in.
 */
public record SiteName(String value) {

    public static final String INVALID = "ERR_INVALID_SITE";

    public SiteName {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("site name must not be blank");
        }
    }

    /**
     * The spelling to store for a record whose written {@code site} field is {@code written}: this site's name when
     * absent or null, the written text when it names this site ignoring case.
     *
     * @throws DomainException {@code ERR_INVALID_SITE} when it is not a string or names another site
     */
    public String spellingFor(Object written) {
        if (written == null) {
            return value;
        }
        if (!(written instanceof String text)
                || !text.toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT))) {
            throw DomainException.invalid(INVALID);
        }
        return text;
    }

    @Override
    public String toString() {
        return value;
    }
}
