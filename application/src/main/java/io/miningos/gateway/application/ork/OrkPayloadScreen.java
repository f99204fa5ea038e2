package io.miningos.gateway.application.ork;

import io.miningos.gateway.domain.error.DomainException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.Set;

/**
 * What a client sends on to the ORKs, screened as a whole before any ORK or cache is asked. {@link OrkRequests}
 * applies it to every payload, so no parameter (today's or a future route's) can be forgotten. Three rules, at any
 * depth (inside arrays and nested objects):
 * <ul>
 *   <li>No code-running query operator as a key. Real ORKs evaluate queries, projections and sorts with a
 *       JavaScript query engine (mingo): {@code $where}, {@code $function}, {@code $accumulator}, and {@code $expr},
 *       the door from a filter into aggregation expressions (where the latter two live), are refused whatever the
 *       ORK would do with them; no client of the gateway uses any of them. Keys are compared after JSON decoding, so
 *       a key spelled with JSON unicode escapes is the operator it spells; the same words as values are data.</li>
 *   <li>No {@code $regex} pattern longer than {@value #MAX_REGEX_LENGTH} characters: a real ORK runs it with a
 *       backtracking JavaScript regex engine, so a long crafted pattern can hold it for minutes (the newer ORK
 *       refuses the same length itself).</li>
 *   <li>No number a JavaScript ORK reads as something else: at most {@value #MAX_DIGITS} digits before the point
 *       and after it ({@code 1e400} would be Infinity, {@code 1e-400} zero, and either a hang for exact
 *       arithmetic).</li>
 * </ul>
 */
public final class OrkPayloadScreen {

    public static final String OPERATOR_NOT_ALLOWED = "ERR_QUERY_OPERATOR_NOT_ALLOWED";
    public static final String INVALID_NUMBER = "ERR_INVALID_NUMBER";
    public static final String REGEX_TOO_LONG = "ERR_QUERY_REGEX_TOO_LONG";
    static final Set<String> CODE_RUNNING = Set.of("$where", "$function", "$accumulator", "$expr");
    static final int MAX_DIGITS = 300;
    static final int MAX_REGEX_LENGTH = 200;
    private static final double MAX_DOUBLE = 1e300;

    private OrkPayloadScreen() {
    }

    /**
     * Throws {@code ERR_QUERY_OPERATOR_NOT_ALLOWED}, {@code ERR_QUERY_REGEX_TOO_LONG} or {@code ERR_INVALID_NUMBER} at
     * the first breach found.
     */
    public static void screen(Object value) {
        switch (value) {
            case Map<?, ?> map -> {
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (CODE_RUNNING.contains(entry.getKey())) {
                        throw DomainException.invalid(OPERATOR_NOT_ALLOWED);
                    }
                    if ("$regex".equals(entry.getKey()) && entry.getValue() instanceof String pattern
                            && pattern.length() > MAX_REGEX_LENGTH) {
                        throw DomainException.invalid(REGEX_TOO_LONG);
                    }
                    screen(entry.getValue());
                }
            }
            case Iterable<?> items -> items.forEach(OrkPayloadScreen::screen);
            case Number number when !isReadable(number) -> throw DomainException.invalid(INVALID_NUMBER);
            case null, default -> {
            }
        }
    }

    private static boolean isReadable(Number number) {
        return switch (number) {
            // Long arithmetic: a scale can be near Integer.MIN_VALUE.
            case BigDecimal dec -> dec.scale() <= MAX_DIGITS && (long) dec.precision() - dec.scale() <= MAX_DIGITS;
            case BigInteger big -> big.bitLength() <= 996; // 2^996 < 10^300
            case Double d -> Double.isFinite(d) && Math.abs(d) < MAX_DOUBLE;
            case Float f -> Float.isFinite(f);
            default -> true; // Integer, Long, Short, Byte
        };
    }
}
