package io.miningos.gateway.adapters.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StaticUiTest {

    private static final String INDEX = "<!doctype html><title>MiningOS</title><div id=root></div>";

    @TempDir
    Path folder;
    @TempDir
    Path outside;

    private TestServer http;

    @BeforeEach
    void start() throws IOException {
        Files.writeString(folder.resolve("index.html"), INDEX);
        Files.createDirectories(folder.resolve("assets"));
        Files.writeString(folder.resolve("assets/main.3f9a1c2b.js"), "console.log('ui')");
        Files.writeString(folder.resolve("robots.txt"), "User-agent: *");
        Files.write(folder.resolve("favicon.ico"), new byte[]{0, 0, 1, 0});
        Files.writeString(outside.resolve("secret.txt"), "top secret");
        Files.createSymbolicLink(folder.resolve("escape.txt"), outside.resolve("secret.txt"));
        http = new TestServer(HttpSettings.DEFAULT_MAX_BODY_BYTES, false, Optional.of(new StaticUi(folder)));
    }

    @AfterEach
    void stop() {
        http.close();
    }

    private TestServer.Reply fetch(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.uri(path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request);
    }

    @Test
    void servesTheIndexAtTheRootAndForClientRoutes() {
        for (String path : List.of("/", "/miners", "/miners/Qk7pX2vLm9sT4aZ/details", "/?authToken=abc")) {
            TestServer.Reply reply = fetch(path);
            assertEquals(200, reply.status(), path);
            assertEquals(INDEX, reply.raw().body(), path);
            assertEquals("text/html;charset=utf-8", reply.header("Content-Type"), path);
            assertEquals("no-cache", reply.header("Cache-Control"), path);
        }
    }

    @Test
    void servesFilesWithTypesAndCaching() {
        TestServer.Reply js = fetch("/assets/main.3f9a1c2b.js");
        assertEquals(200, js.status());
        assertEquals("console.log('ui')", js.raw().body());
        assertEquals("text/javascript;charset=utf-8", js.header("Content-Type"));
        assertEquals("public, max-age=31536000, immutable", js.header("Cache-Control"));
        TestServer.Reply robots = fetch("/robots.txt");
        assertEquals("text/plain;charset=utf-8", robots.header("Content-Type"));
        assertEquals("public, max-age=0, must-revalidate", robots.header("Cache-Control"));
        assertEquals("image/x-icon", fetch("/favicon.ico").header("Content-Type"));
    }

    @Test
    void revalidationAnswers304() {
        TestServer.Reply first = fetch("/robots.txt");
        String etag = first.header("ETag");
        assertEquals(304, fetch("/robots.txt", "If-None-Match", etag).status());
        assertEquals(304, fetch("/robots.txt", "If-Modified-Since", first.header("Last-Modified")).status());
        assertEquals(200, fetch("/robots.txt", "If-None-Match", "\"other\"").status());
    }

    @Test
    void neverAnswersApiPathsWithTheUi() {
        String token = http.rootToken();
        Expect.error(fetch("/auth/nothing", "Authorization", "Bearer " + token), 404, "Not Found",
                "ERR_ROUTE_NOT_FOUND");
        Expect.error(fetch("/auth/nothing"), 404, "Not Found", "ERR_ROUTE_NOT_FOUND");
        Expect.error(fetch("/oauth/unknown"), 404, "Not Found", "ERR_ROUTE_NOT_FOUND");
        Expect.error(fetch("/ws"), 404, "Not Found", "ERR_ROUTE_NOT_FOUND");
        assertEquals(200, fetch("/auth/site", "Authorization", "Bearer " + token).status());
        Expect.error(fetch("/auth/site"), 401, "Missing or invalid Authorization header", "ERR_AUTH_FAIL");
    }

    @Test
    void missingAssetsAndOtherMethodsAre404() {
        Expect.error(fetch("/assets/missing.js"), 404, "Not Found", "ERR_ROUTE_NOT_FOUND");
        Expect.error(http.send(HttpRequest.newBuilder(http.uri("/miners"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))), 404, "Not Found", "ERR_ROUTE_NOT_FOUND");
    }

    @Test
    void nothingOutsideTheFolderLeaks() {
        for (String path : List.of("/escape.txt", "/%2e%2e/%2e%2e/etc/passwd", "/..%2fsecret.txt",
                "/assets/..%2f..%2fetc%2fpasswd")) {
            TestServer.Reply reply = fetch(path);
            assertTrue(!reply.raw().body().contains("top secret") && !reply.raw().body().contains("root:"),
                    path + " -> " + reply.status());
        }
    }

    @Test
    void dotFilesAndDotFoldersAre404() throws IOException {
        Files.writeString(folder.resolve(".env"), "DB_PASSWORD=hunter2");
        Files.createDirectories(folder.resolve(".git"));
        Files.writeString(folder.resolve(".git/config"), "[core] secret");
        Files.createDirectories(folder.resolve(".well-known"));
        Files.writeString(folder.resolve(".well-known/security.txt"), "Contact: x");
        Files.createDirectories(folder.resolve("assets/.cache"));
        Files.writeString(folder.resolve("assets/.cache/data"), "cached secret");
        for (String path : List.of("/.env", "/.git/config", "/.git/", "/.well-known/security.txt",
                "/assets/.cache/data", "/.htaccess", "/miners/.hidden", "/%2eenv", "/.%65nv")) {
            TestServer.Reply reply = fetch(path);
            Expect.error(reply, 404, "Not Found", "ERR_ROUTE_NOT_FOUND");
        }
        // A dot inside a name is no dotfile.
        assertEquals(200, fetch("/assets/main.3f9a1c2b.js").status());
    }

    @Test
    void aFolderWithoutIndexIsRefused() throws IOException {
        Path empty = Files.createDirectory(outside.resolve("empty-ui"));
        assertThrows(IllegalArgumentException.class, () -> new StaticUi(empty));
        assertThrows(IllegalArgumentException.class, () -> new StaticUi(empty.resolve("nope")));
    }
}
