package io.miningos.gateway.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import io.miningos.gateway.adapters.http.OpenApiDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The API document can't drift from the routes: the real gateway's route table (every route group as wired here)
 * and the operations of the document it serves at {@code /openapi.json} are the same set, and every {@code ERR_*}
 * code the document names is one the code base spells (a literal, or a query parameter's generated
 * {@code ERR_<NAME>_INVALID[_JSON|_OBJECT|_ARRAY]}).
 */
class ApiDocumentTest {

    private static final Pattern LITERAL = Pattern.compile("\"(ERR_[A-Z0-9_]+)\"");

    @TempDir
    Path dataDir;

    private static JsonNode servedDocument(TestGateway gateway) {
        TestGateway.Response response = gateway.get("/openapi.json", null);
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedRouteExists() {
        try (TestGateway gateway = TestGateway.start(dataDir, Map.of("cluster-1", new FakeOrk()))) {
            Set<String> routes = new TreeSet<>(gateway.server().routes());
            Set<String> documented = new TreeSet<>(OpenApiDocument.operations(servedDocument(gateway)));
            Set<String> undocumented = new TreeSet<>(routes);
            undocumented.removeAll(documented);
            Set<String> missing = new TreeSet<>(documented);
            missing.removeAll(routes);
            assertEquals(Set.of(), undocumented, "routes without an operation in "
                    + "adapters-http/src/main/resources/openapi/openapi.json");
            assertEquals(Set.of(), missing, "operations of the document without a route");
        }
    }

    @Test
    void everyDocumentedCodeIsOneTheCodeSpells() throws IOException {
        Set<String> literals = productionCodeLiterals();
        try (TestGateway gateway = TestGateway.start(dataDir, Map.of("cluster-1", new FakeOrk()))) {
            JsonNode document = servedDocument(gateway);
            List<String> unknown = new ArrayList<>();
            for (String operation : OpenApiDocument.operations(document)) {
                String[] parts = operation.split(" ", 2);
                JsonNode op = document.path("paths").path(parts[1]).path(parts[0].toLowerCase(Locale.ROOT));
                Set<String> generated = generatedCodes(op, document);
                op.path("x-error-codes").forEach(codes -> codes.forEach(code -> {
                    if (!literals.contains(code.asText()) && !generated.contains(code.asText())) {
                        unknown.add(operation + ": " + code.asText());
                    }
                }));
            }
            assertEquals(List.of(), unknown);
        }
    }

    /** The codes QueryParams and the time-series checks build from a parameter's name. */
    private static Set<String> generatedCodes(JsonNode operation, JsonNode document) {
        Set<String> codes = new HashSet<>();
        for (JsonNode parameter : operation.path("parameters")) {
            JsonNode resolved = parameter.has("$ref") ? document.path("components").path("parameters")
                    .path(parameter.get("$ref").asText().replaceFirst(".*/", "")) : parameter;
            String name = "ERR_" + resolved.path("name").asText().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
            for (String suffix : List.of("_INVALID", "_INVALID_JSON", "_INVALID_OBJECT", "_INVALID_ARRAY")) {
                codes.add(name + suffix);
            }
        }
        return codes;
    }

    private static Set<String> productionCodeLiterals() throws IOException {
        Set<String> codes = new HashSet<>();
        Path root = Path.of("..").toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(file -> file.toString().endsWith(".java") && file.toString().contains("/src/main/java/"))
                    .filter(file -> !file.toString().contains("/node_modules/"))
                    .forEach(file -> {
                        try {
                            Matcher m = LITERAL.matcher(Files.readString(file));
                            while (m.find()) {
                                codes.add(m.group(1));
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        }
        return codes;
    }
}
