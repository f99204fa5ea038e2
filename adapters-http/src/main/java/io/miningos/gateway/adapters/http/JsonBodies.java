package io.miningos.gateway.adapters.http;

import com.fasterxml.jackson.core.type.TypeReference;
import io.javalin.http.Context;
import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.error.ErrorCodes;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Request bodies: a JSON object, parsed strictly; an empty body counts as {@code {}}. */
public final class JsonBodies {

    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };

    private JsonBodies() {
    }

    /** The body as a JSON object; malformed JSON or a non-object is {@code ERR_BODY_INVALID_JSON}. */
    public static Map<String, Object> object(Context ctx) {
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length == 0 || isBlank(bytes)) {
            return new LinkedHashMap<>();
        }
        try {
            return HttpJson.mapper().readValue(bytes, OBJECT); // a non-object is a mismatch, hence invalid too
        } catch (IOException e) {
            throw DomainException.invalid(ErrorCodes.BODY_INVALID_JSON);
        }
    }

    /** The {@code data} object of a {@code {"data": {...}}} body; anything else is {@code ERR_INVALID_JSON}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> data(Context ctx) {
        Object data = object(ctx).get("data");
        if (!(data instanceof Map<?, ?>)) {
            throw DomainException.invalid(ErrorCodes.INVALID_JSON);
        }
        return (Map<String, Object>) data;
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
