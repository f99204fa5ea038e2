package io.miningos.gateway.adapters.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import io.miningos.gateway.domain.error.DomainException;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Typed reads of query-string parameters. An absent or empty parameter is "not given"; a given one that does not
 * parse fails with {@code ERR_<NAME>_INVALID} (JSON-encoded ones with {@code ERR_<NAME>_INVALID_JSON}), where
 * NAME is the parameter's name in upper snake case ({@code groupBy} → {@code GROUP_BY}).
 */
public final class QueryParameters {

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,18}");
    private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z0-9])([A-Z])");

    private QueryParameters() {
    }

    /** The parameter's text, or null when absent or empty. */
    public static String text(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** An integer within {@code [min, max]}, or null when not given. */
    public static Long integer(Context ctx, String name, long min, long max) {
        String text = text(ctx, name);
        if (text == null) {
            return null;
        }
        if (!INTEGER.matcher(text).matches()) {
            throw DomainException.invalid(invalid(name));
        }
        long value = Long.parseLong(text);
        if (value < min || value > max) {
            throw DomainException.invalid(invalid(name));
        }
        return value;
    }

    /** {@code true}/{@code 1} or {@code false}/{@code 0}; false when not given. */
    public static boolean flag(Context ctx, String name) {
        String text = text(ctx, name);
        if (text == null) {
            return false;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw DomainException.invalid(invalid(name));
        };
    }

    /** A JSON-encoded parameter as a plain Java value (parsed strictly), or null when not given. */
    public static Object json(Context ctx, String name) {
        String text = text(ctx, name);
        if (text == null) {
            return null;
        }
        try {
            return HttpJson.mapper().readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw DomainException.invalid(code(name) + "_INVALID_JSON");
        }
    }

    /** {@code ERR_<NAME>_INVALID} for the parameter {@code name}. */
    public static String invalid(String name) {
        return code(name) + "_INVALID";
    }

    private static String code(String name) {
        return "ERR_" + CAMEL_HUMP.matcher(name).replaceAll("$1_$2").toUpperCase(Locale.ROOT);
    }
}
