package io.miningos.gateway.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The served OpenAPI document: valid OpenAPI 3.1, and every operation's failures written out. */
class OpenApiDocumentTest {

    private static final Pattern CODE = Pattern.compile("ERR_[A-Z0-9_]+");

    private static JsonNode rendered(String startPath) throws Exception {
        return HttpJson.mapper().readTree(OpenApiDocument.render(startPath));
    }

    @Test
    void isAValidOpenApi31DocumentAsToolsReadIt() {
        String text = new String(OpenApiDocument.render(SignInRoutes.DEFAULT_START_PATH), StandardCharsets.UTF_8);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, null);
        assertTrue(result.getMessages() == null || result.getMessages().isEmpty(), "problems: " + result.getMessages());
        assertEquals("3.1.0", result.getOpenAPI().getOpenapi());
        assertTrue(result.getOpenAPI().getPaths().size() > 30, "paths: " + result.getOpenAPI().getPaths().keySet());
    }

    @Test
    void everyOperationHasASummaryATagAndItsFailuresAsResponsesListingTheirCodes() throws Exception {
        JsonNode document = rendered(SignInRoutes.DEFAULT_START_PATH);
        List<String> problems = new ArrayList<>();
        for (String operation : OpenApiDocument.operations(document)) {
            String[] parts = operation.split(" ", 2);
            JsonNode op = document.path("paths").path(parts[1]).path(parts[0].toLowerCase(Locale.ROOT));
            if (op.path("summary").asText().isBlank() || !op.path("tags").isArray()) {
                problems.add(operation + ": no summary or tag");
            }
            op.path("x-error-codes").fields().forEachRemaining(status -> {
                JsonNode response = op.path("responses").path(status.getKey());
                String described = response.toString();
                status.getValue().forEach(code -> {
                    if (!CODE.matcher(code.asText()).matches()) {
                        problems.add(operation + ": not a code: " + code);
                    }
                    if (!described.contains("\"" + code.asText() + "\"")) {
                        problems.add(operation + " " + status.getKey() + ": response does not list " + code);
                    }
                });
            });
            if (!op.path("x-error-codes").has("500")) {
                problems.add(operation + ": no 500");
            }
            if (parts[1].startsWith("/auth/") && (!op.path("x-error-codes").path("401").toString()
                    .contains("ERR_AUTH_FAIL") || !op.path("security").toString().contains("bearer"))) {
                problems.add(operation + ": no bearer security or 401");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void whatFollowsFromAnOperationsKindIsAdded() throws Exception {
        JsonNode document = rendered(SignInRoutes.DEFAULT_START_PATH);
        JsonNode listThings = document.path("paths").path("/auth/list-things").path("get");
        assertTrue(listThings.path("parameters").toString().contains("#/components/parameters/overwriteCache"));
        JsonNode codes = listThings.path("x-error-codes");
        assertTrue(codes.path("400").toString().contains("ERR_OVERWRITECACHE_INVALID"));
        assertTrue(codes.path("400").toString().contains("ERR_QUERY_OPERATOR_NOT_ALLOWED"));
        assertTrue(codes.path("400").toString().contains("ERR_SORT_INVALID"), "an ORK's verdict, answered 400");
        assertTrue(codes.path("404").toString().contains("ERR_THING_NOTFOUND"), "an ORK's not-found");
        assertTrue(codes.path("502").toString().contains("ERR_ORK_UNAVAILABLE"));
        assertTrue(codes.path("504").toString().contains("ERR_ORK_TIMEOUT"));
        assertTrue(listThings.path("responses").path("200").path("headers").has("X-Ork-Failures"));

        JsonNode vote = document.path("paths").path("/auth/actions/voting/{id}/vote").path("put").path("x-error-codes");
        assertTrue(vote.path("403").toString().contains("ERR_WRITE_PERM_REQUIRED"));
        assertTrue(vote.path("413").toString().contains("ERR_PAYLOAD_TOO_LARGE"));
        assertTrue(vote.path("400").toString().contains("ERR_BODY_INVALID_JSON"));
        assertEquals("[\"ERR_RESPONSE_TOO_LARGE\"]", vote.path("502").toString(),
                "no ERR_ORK_UNAVAILABLE: a write's entries say how each ORK failed");

        JsonNode users = document.path("paths").path("/auth/users").path("get").path("x-error-codes");
        assertTrue(users.path("403").toString().contains("ERR_AUTH_FAIL_NO_PERMS"));
        JsonNode live = document.path("paths").path("/health/live").path("get");
        assertFalse(live.path("x-error-codes").has("401"), "no token");
        assertEquals("[]", live.path("security").toString());
    }

    @Test
    void theSignInStartsWhereTheSiteSays() throws Exception {
        JsonNode document = rendered("/login/google");
        assertTrue(document.path("paths").has("/login/google"));
        assertFalse(document.path("paths").has(SignInRoutes.DEFAULT_START_PATH));
    }
}
