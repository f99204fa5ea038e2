package io.miningos.gateway.application.cache;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Approximate heap bytes held by a plain JSON value ({@code Map}, {@code List}, {@code String}, {@code Number},
 * {@code Boolean}, {@code null}), for the {@link ResponseCache}'s byte bound. An estimate with fixed per-object
 * overheads, not a measurement; it only has to grow with the value.
 */
public final class JsonFootprint {

    private static final long OBJECT = 16;
    private static final long REFERENCE = 8;
    private static final long MAP_ENTRY = 40;
    private static final long BOXED_NUMBER = 24;
    private static final long STRING = 40;

    private JsonFootprint() {
    }

    public static long of(Object value) {
        return switch (value) {
            case null -> 0;
            case Boolean b -> 0; // the two Boolean instances are shared
            case String s -> STRING + 2L * s.length();
            case BigDecimal n -> BOXED_NUMBER + 32 + 4L * n.precision();
            case BigInteger n -> BOXED_NUMBER + 32 + n.bitLength() / 8;
            case Number n -> BOXED_NUMBER;
            case Map<?, ?> map -> {
                long total = OBJECT + 48;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    total += MAP_ENTRY + of(e.getKey()) + of(e.getValue());
                }
                yield total;
            }
            case List<?> list -> {
                long total = OBJECT + 24 + REFERENCE * list.size();
                for (Object item : list) {
                    total += of(item);
                }
                yield total;
            }
            default -> OBJECT + 64;
        };
    }
}
