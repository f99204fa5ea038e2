package io.miningos.gateway.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.miningos.gateway.application.ork.port.OrkRejections;
import io.miningos.gateway.application.ork.port.OrksUnavailableException;
import io.miningos.gateway.domain.error.ErrorCodes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The OpenAPI 3.1 document of every route. Its source, {@value #SOURCE}, describes each operation with its own
 * {@code ERR_*} codes per status ({@code x-error-codes}) and what it is ({@code x-permission}, {@code x-ork},
 * {@code x-cache-route}); this class adds what follows from that, the same for every operation of a kind (the
 * token's 401, a permission's 403, a body's 400/413, {@code overwriteCache}, the ORK failures, the ORKs' own
 * verdicts from {@link OrkRejections}), and writes every status out as a response whose {@code message} lists its
 * codes. Bootstrap's {@code ApiDocumentTest} fails when a route exists without an operation or the other way round.
 */
public final class OpenApiDocument {

    static final String SOURCE = "/openapi/openapi.json";
    private static final ObjectMapper JSON = HttpJson.mapper();
    private static final String ERROR_SCHEMA = "#/components/schemas/Error";
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    private OpenApiDocument() {
    }

    /** The served document, with the sign-in starting at {@code signInStartPath} (its default in the source). */
    public static byte[] render(String signInStartPath) {
        try {
            return JSON.writeValueAsBytes(expand(source(), signInStartPath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode source() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(SOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + SOURCE);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable " + SOURCE, e);
        }
    }

    static ObjectNode expand(ObjectNode document, String signInStartPath) {
        ObjectNode paths = (ObjectNode) document.get("paths");
        if (!signInStartPath.equals(SignInRoutes.DEFAULT_START_PATH) && paths.has(SignInRoutes.DEFAULT_START_PATH)) {
            paths.set(signInStartPath, paths.remove(SignInRoutes.DEFAULT_START_PATH));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (String method : METHODS) {
                if (path.getValue().get(method) instanceof ObjectNode operation) {
                    expandOperation(path.getKey(), operation);
                }
            }
        }
        return document;
    }

    private static void expandOperation(String path, ObjectNode operation) {
        Map<Integer, Set<String>> codes = new TreeMap<>();
        JsonNode own = operation.path("x-error-codes");
        own.fields().forEachRemaining(entry -> entry.getValue().forEach(code ->
                add(codes, Integer.parseInt(entry.getKey()), code.asText())));
        add(codes, 500, ErrorResponses.INTERNAL);
        if (path.startsWith("/auth/")) {
            if (!operation.has("security")) {
                operation.putArray("security").addObject().putArray("bearer");
            }
            add(codes, 401, ErrorCodes.AUTH_FAIL);
            add(codes, 503, "ERR_STORAGE_BUSY", "ERR_STORAGE_UNAVAILABLE"); // a token not cached is read from storage
        }
        String permission = operation.path("x-permission").asText("token");
        if (permission.equals("write")) {
            add(codes, 403, ErrorCodes.WRITE_PERM_REQUIRED);
        } else if (permission.contains(":")) {
            add(codes, 403, ErrorCodes.AUTH_FAIL_NO_PERMS);
        }
        if (operation.has("requestBody")) {
            add(codes, 400, ErrorCodes.BODY_INVALID_JSON);
            add(codes, 413, "ERR_PAYLOAD_TOO_LARGE");
        }
        if (operation.has("x-cache-route")) {
            ArrayNode parameters = operation.has("parameters") ? (ArrayNode) operation.get("parameters")
                    : operation.putArray("parameters");
            parameters.addObject().put("$ref", "#/components/parameters/overwriteCache");
            add(codes, 400, QueryParams.code(QueryParams.REFRESH, "_INVALID"));
        }
        if (operation.get("x-ork") instanceof ObjectNode ork) {
            expandOrk(operation, ork, codes);
        }
        ObjectNode listed = operation.putObject("x-error-codes");
        codes.forEach((status, set) -> {
            ArrayNode array = listed.putArray(Integer.toString(status));
            set.forEach(array::add);
        });
        ObjectNode responses = operation.has("responses") ? (ObjectNode) operation.get("responses")
                : operation.putObject("responses");
        codes.forEach((status, set) -> {
            if (!responses.has(Integer.toString(status))) {
                responses.set(Integer.toString(status), errorResponse(status, set));
            }
        });
        sortByStatus(operation, responses);
    }

    /** What every ORK-backed operation can answer besides its own codes. */
    private static void expandOrk(ObjectNode operation, ObjectNode ork, Map<Integer, Set<String>> codes) {
        // screened before any ORK is asked
        add(codes, 400, "ERR_QUERY_OPERATOR_NOT_ALLOWED", "ERR_QUERY_REGEX_TOO_LONG", "ERR_INVALID_NUMBER");
        add(codes, 503, OrkResponses.STOPPING);
        add(codes, 504, OrksUnavailableException.TIMEOUT); // the request's deadline passed
        add(codes, 502, "ERR_RESPONSE_TOO_LARGE");
        // each-style routes whose entries say how every ORK failed answer 200 even then; the others fail
        if (!ork.path("allFailed").asText("").equals("entries")) {
            add(codes, 502, OrksUnavailableException.UNAVAILABLE, "ERR_ORK_ANSWER_TOO_LARGE");
            OrkRejections.badRequestCodes().stream().sorted().forEach(code -> add(codes, 400, code));
            OrkRejections.notFoundCodes().stream().sorted().forEach(code -> add(codes, 404, code));
        }
        if (operation.path("responses").get("200") instanceof ObjectNode ok) {
            ObjectNode header = (ok.has("headers") ? (ObjectNode) ok.get("headers") : ok.putObject("headers"))
                    .putObject(OrkResponses.FAILURES_HEADER);
            header.put("description", "Each ORK that failed and why, e.g. `cluster-2=timeout, cluster-3=ERR_...`;"
                    + " absent when every ORK answered.");
            header.putObject("schema").put("type", "string");
        }
    }

    private static ObjectNode errorResponse(int status, Set<String> codes) {
        ObjectNode response = JSON.createObjectNode();
        response.put("description", ErrorResponses.reasonPhrase(status) + ": " + String.join(", ", codes));
        ObjectNode schema = response.putObject("content").putObject("application/json").putObject("schema");
        ArrayNode allOf = schema.putArray("allOf");
        allOf.addObject().put("$ref", ERROR_SCHEMA);
        ObjectNode properties = allOf.addObject().put("type", "object").putObject("properties");
        properties.putObject("statusCode").put("const", status);
        ArrayNode values = properties.putObject("message").putArray("enum");
        codes.forEach(values::add);
        return response;
    }

    private static void sortByStatus(ObjectNode operation, ObjectNode responses) {
        Map<String, JsonNode> sorted = new TreeMap<>();
        responses.fields().forEachRemaining(entry -> sorted.put(entry.getKey(), entry.getValue()));
        ObjectNode ordered = operation.putObject("responses");
        sorted.forEach(ordered::set);
    }

    private static void add(Map<Integer, Set<String>> codes, int status, String... more) {
        codes.computeIfAbsent(status, s -> new LinkedHashSet<>()).addAll(List.of(more));
    }

    /** Every operation of the source as {@code "GET /auth/actions/{type}/{id}"}, for the drift check. */
    public static List<String> operations(JsonNode document) {
        List<String> out = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> {
            for (String method : METHODS) {
                if (path.getValue().has(method)) {
                    out.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
                }
            }
        });
        return out;
    }
}
