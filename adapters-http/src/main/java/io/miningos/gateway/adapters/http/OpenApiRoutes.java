package io.miningos.gateway.adapters.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;

/**
 * {@code GET /openapi.json}: the OpenAPI 3.1 document of every route ({@link OpenApiDocument}), without a token.
 * Built at the first request, not at start-up.
 */
public final class OpenApiRoutes implements RouteGroup {

    public static final String PATH = "/openapi.json";

    private final String signInStartPath;
    private volatile byte[] document;

    /** @param signInStartPath where this site's sign-in starts ({@code startRedirectPath}) */
    public OpenApiRoutes(String signInStartPath) {
        this.signInStartPath = signInStartPath;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(PATH, this::serve);
    }

    private void serve(Context ctx) {
        byte[] bytes = document;
        if (bytes == null) {
            bytes = OpenApiDocument.render(signInStartPath);
            document = bytes; // a race renders it twice, the same bytes
        }
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType(ContentType.APPLICATION_JSON).result(bytes);
    }
}
