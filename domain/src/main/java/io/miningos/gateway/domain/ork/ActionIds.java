package io.miningos.gateway.domain.ork;

import io.miningos.gateway.domain.error.DomainException;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Action ids as clients list them, comma-separated ({@code 1718036711905,1718036500077}), each one an
 * {@link ActionId}. Kept as written: they are relayed to the ORKs as strings.
 */
public record ActionIds(List<String> ids) {

    public static final String INVALID = "ERR_IDS_INVALID";
    private static final Pattern LIST = Pattern.compile(ActionId.DIGITS.pattern() + "(," + ActionId.DIGITS.pattern()
            + ")*");

    public ActionIds {
        ids = List.copyOf(ids);
        if (ids.isEmpty() || ids.stream().anyMatch(id -> !ActionId.DIGITS.matcher(id).matches())) {
            throw DomainException.invalid(INVALID);
        }
    }

    /** Parses {@code 1,2,3}; anything else (blank, spaces, signs, empty items) is {@code ERR_IDS_INVALID}. */
    public static ActionIds parse(String text) {
        if (text == null || !LIST.matcher(text).matches()) {
            throw DomainException.invalid(INVALID);
        }
        return new ActionIds(List.of(text.split(",")));
    }
}
