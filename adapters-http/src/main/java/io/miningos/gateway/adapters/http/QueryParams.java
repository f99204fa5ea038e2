package io.miningos.gateway.adapters.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import io.miningos.gateway.domain.error.DomainException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Typed reads of query-string parameters. Absent parameters read as {@code null}; present but malformed ones fail
 * with the parameter's {@code ERR_*} code. JSON parameters ({@code query}, {@code fields}...) fail with
 * {@code ERR_<NAME>_INVALID_JSON} when unparsable and {@code ERR_<NAME>_INVALID_OBJECT} / {@code _INVALID_ARRAY}
 * when of the wrong kind.
 *
 * <p>The UI asks for the same few queries over and over (its dashboards poll), so what parsing a query string or a
 * JSON parameter gave is remembered by its text (a bounded memo): a repeated query costs a copy of the result, not a
 * parse. Every call gets its own copy, as if parsed anew; failures are not remembered.
 */
final class QueryParams {

    /** {@code overwriteCache=true}: skip the cached answer, fetch anew and store it. */
    static final String REFRESH = "overwriteCache";
    private static final Pattern NOT_CODE_CHARACTER = Pattern.compile("[^A-Z0-9]");
    private static final String REFRESH_INVALID = code(REFRESH, "_INVALID");
    /** Distinct query strings and JSON parameters remembered; far more than the UI's polling uses. */
    static final int MEMO_ENTRIES = 2_048;
    /** Longer texts are parsed every time (the memo must stay small). */
    static final int MEMO_MAX_CHARS = 2_048;

    /** Parsed JSON parameters by their text; never handed out, only copies of them. */
    private static final Cache<String, Object> JSON_MEMO = Caffeine.newBuilder().maximumSize(MEMO_ENTRIES).build();
    /** {@link #all} by the query string and the route's parameter kinds (compared as the same map). */
    private static final Cache<AllKey, Map<String, Object>> ALL_MEMO = Caffeine.newBuilder()
            .maximumSize(MEMO_ENTRIES).build();

    private record AllKey(Map<String, Kind> kinds, String query) {
        @Override
        public boolean equals(Object o) {
            return o instanceof AllKey other && other.kinds == kinds && other.query.equals(query);
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(kinds) + query.hashCode();
        }
    }

    /** How a parameter is read. */
    enum Kind { TEXT, INTEGER, FLAG, OBJECT, ARRAY }

    private QueryParams() {
    }

    static String text(Context ctx, String name) {
        return ctx.queryParam(name);
    }

    /** The parameter's text, or null when absent or empty. */
    static String given(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** An integer within {@code [min, max]}, or null when absent or empty; else {@code ERR_<NAME>_INVALID}. */
    static Long integer(Context ctx, String name, long min, long max) {
        Long value = integer(given(ctx, name), () -> invalid(name));
        if (value != null && (value < min || value > max)) {
            throw DomainException.invalid(invalid(name));
        }
        return value;
    }

    /** A JSON parameter of any kind, or null when absent or empty; {@code ERR_<NAME>_INVALID_JSON} if unparsable. */
    static Object json(Context ctx, String name) {
        String raw = given(ctx, name);
        return raw == null ? null : parseJson(raw, () -> code(name, "_INVALID_JSON"));
    }

    /** A JSON parameter of any kind, or null when absent or empty; {@code code} if unparsable. */
    static Object json(Context ctx, String name, String code) {
        String raw = given(ctx, name);
        if (raw == null) {
            return null;
        }
        return parseJson(raw, () -> code);
    }

    /** {@code ERR_<NAME>_INVALID}. */
    static String invalid(String name) {
        return code(name, "_INVALID");
    }

    static Long integer(Context ctx, String name, String code) {
        return integer(ctx.queryParam(name), () -> code);
    }

    static Boolean flag(Context ctx, String name, String code) {
        return flag(ctx.queryParam(name), () -> code);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Context ctx, String name) {
        return (Map<String, Object>) json(ctx.queryParam(name), name, Kind.OBJECT);
    }

    @SuppressWarnings("unchecked")
    static List<Object> array(Context ctx, String name) {
        return (List<Object>) json(ctx.queryParam(name), name, Kind.ARRAY);
    }

    static boolean refresh(Context ctx) {
        String query = ctx.queryString();
        if (query == null || (query.indexOf('%') < 0 && !query.contains(REFRESH))) {
            return false; // not asked for, not even spelled with escapes: no need to parse the query string
        }
        return Boolean.TRUE.equals(flag(ctx, REFRESH, REFRESH_INVALID));
    }

    /**
     * Every parameter of the request except {@code overwriteCache}, typed as {@code kinds} says, sorted by name
     * (so the same parameters in another order make the same ORK request and share a cache entry). Parameters
     * not in {@code kinds} are passed on as text.
     */
    static Map<String, Object> all(Context ctx, Map<String, Kind> kinds) {
        String query = ctx.queryString();
        if (query == null || query.length() > MEMO_MAX_CHARS) {
            return parseAll(ctx, kinds);
        }
        AllKey key = new AllKey(kinds, query);
        Map<String, Object> known = ALL_MEMO.getIfPresent(key);
        if (known == null) {
            known = parseAll(ctx, kinds);
            ALL_MEMO.put(key, known);
        }
        return new TreeMap<>(copyOf(known));
    }

    private static Map<String, Object> parseAll(Context ctx, Map<String, Kind> kinds) {
        Map<String, Object> out = new TreeMap<>();
        ctx.queryParamMap().forEach((name, values) -> {
            if (name.equals(REFRESH) || values.isEmpty()) {
                return;
            }
            String raw = values.getFirst();
            Kind kind = kinds.getOrDefault(name, Kind.TEXT);
            out.put(name, switch (kind) {
                case TEXT -> raw;
                case INTEGER -> integer(raw, () -> code(name, "_INVALID"));
                case FLAG -> flag(raw, () -> code(name, "_INVALID"));
                case OBJECT, ARRAY -> json(raw, name, kind);
            });
        });
        return out;
    }

    /** The error code is built only when needed: this runs on every request. */
    private static Long integer(String raw, Supplier<String> code) {
        if (raw == null) {
            return null;
        }
        if (!isInteger(raw)) {
            throw DomainException.invalid(code.get());
        }
        return Long.parseLong(raw);
    }

    /** {@code -?[0-9]{1,18}}: fits a long, written plainly (no sign but minus, no spaces, no underscores). */
    private static boolean isInteger(String raw) {
        int start = raw.startsWith("-") ? 1 : 0;
        int digits = raw.length() - start;
        if (digits < 1 || digits > 18) {
            return false;
        }
        for (int i = start; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static Boolean flag(String raw, Supplier<String> code) {
        if (raw == null) {
            return null;
        }
        return switch (raw) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw DomainException.invalid(code.get());
        };
    }

    private static Object json(String raw, String name, Kind kind) {
        if (raw == null) {
            return null;
        }
        Object value = parseJson(raw, () -> code(name, "_INVALID_JSON"));
        boolean rightKind = kind == Kind.OBJECT ? value instanceof Map<?, ?> : value instanceof List<?>;
        if (!rightKind) {
            throw DomainException.invalid(code(name, kind == Kind.OBJECT ? "_INVALID_OBJECT" : "_INVALID_ARRAY"));
        }
        return value;
    }

    /** The JSON text parsed, or a copy of what it gave before. */
    private static Object parseJson(String raw, Supplier<String> invalidCode) {
        Object known = JSON_MEMO.getIfPresent(raw);
        if (known != null) {
            return copyOf(known);
        }
        Object value;
        try {
            value = HttpJson.mapper().readValue(raw, Object.class);
        } catch (JsonProcessingException e) {
            throw DomainException.invalid(invalidCode.get());
        }
        if (value != null && raw.length() <= MEMO_MAX_CHARS) {
            JSON_MEMO.put(raw, copyOf(value));
        }
        return value;
    }

    /**
     * A copy of a parsed value whose maps and lists are new (their order kept): what a parse gives, for a caller
     * that may change it. Strings, numbers and booleans are immutable and shared.
     */
    @SuppressWarnings("unchecked")
    static <T> T copyOf(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 4 / 3 + 1));
            map.forEach((k, v) -> copy.put(k, copyOf(v)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(copyOf(v)));
            return (T) copy;
        }
        return value;
    }

    /** {@code ERR_<NAME><suffix>}, the name upper-cased as one word as the Node gateway did ({@code AGGRFIELDS}). */
    static String code(String name, String suffix) {
        return "ERR_" + NOT_CODE_CHARACTER.matcher(name.toUpperCase(Locale.ROOT)).replaceAll("_") + suffix;
    }
}
