package io.miningos.gateway.adapters.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import io.miningos.gateway.domain.error.DomainException;

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
 */
final class QueryParams {

    /** {@code overwriteCache=true}: skip the cached answer, fetch anew and store it. */
    static final String REFRESH = "overwriteCache";
    private static final Pattern NOT_CODE_CHARACTER = Pattern.compile("[^A-Z0-9]");
    private static final String REFRESH_INVALID = code(REFRESH, "_INVALID");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");

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
        if (raw == null) {
            return null;
        }
        try {
            return HttpJson.mapper().readValue(raw, Object.class);
        } catch (JsonProcessingException e) {
            throw DomainException.invalid(code(name, "_INVALID_JSON"));
        }
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
        return Boolean.TRUE.equals(flag(ctx, REFRESH, REFRESH_INVALID));
    }

    /**
     * Every parameter of the request except {@code overwriteCache}, typed as {@code kinds} says, sorted by name
     * (so the same parameters in another order make the same ORK request and share a cache entry). Parameters
     * not in {@code kinds} are passed on as text.
     */
    static Map<String, Object> all(Context ctx, Map<String, Kind> kinds) {
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
        if (!INTEGER.matcher(raw).matches()) {
            throw DomainException.invalid(code.get());
        }
        return Long.parseLong(raw);
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
        Object value;
        try {
            value = HttpJson.mapper().readValue(raw, Object.class);
        } catch (JsonProcessingException e) {
            throw DomainException.invalid(code(name, "_INVALID_JSON"));
        }
        boolean rightKind = kind == Kind.OBJECT ? value instanceof Map<?, ?> : value instanceof List<?>;
        if (!rightKind) {
            throw DomainException.invalid(code(name, kind == Kind.OBJECT ? "_INVALID_OBJECT" : "_INVALID_ARRAY"));
        }
        return value;
    }

    /** {@code ERR_<NAME><suffix>}, the name upper-cased as one word as the Node gateway did ({@code AGGRFIELDS}). */
    static String code(String name, String suffix) {
        return "ERR_" + NOT_CODE_CHARACTER.matcher(name.toUpperCase(Locale.ROOT)).replaceAll("_") + suffix;
    }
}
