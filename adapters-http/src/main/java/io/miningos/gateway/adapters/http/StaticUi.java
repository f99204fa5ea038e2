package io.miningos.gateway.adapters.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Serves a built UI from a folder at {@code /}: files with their content type and caching headers, and
 * {@code index.html} for client-side routes (paths without a file extension that match no file). API paths
 * ({@code /auth/*}, {@code /oauth/*}, {@code /ws}) are never answered with the UI.
 *
 * <p>Caching: {@code index.html} is revalidated on every load (a new UI release shows at once); files whose name
 * carries a content hash (as bundlers emit, e.g. {@code main.3f9a1c2b.js}) are immutable for a year; anything
 * else is revalidated with its ETag / Last-Modified.
 */
public final class StaticUi {

    private static final Pattern HASHED_NAME = Pattern.compile(".*[.-][0-9a-zA-Z_]{8,}\\.[a-z0-9]+$");
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html;charset=utf-8"),
            Map.entry("htm", "text/html;charset=utf-8"),
            Map.entry("js", "text/javascript;charset=utf-8"),
            Map.entry("mjs", "text/javascript;charset=utf-8"),
            Map.entry("css", "text/css;charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("txt", "text/plain;charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("avif", "image/avif"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("otf", "font/otf"),
            Map.entry("wasm", "application/wasm"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("csv", "text/csv;charset=utf-8"),
            Map.entry("xml", "application/xml"));

    private final Path root;
    private final Path index;

    /** @throws IllegalArgumentException when the folder or its {@code index.html} is missing */
    public StaticUi(Path folder) {
        try {
            this.root = folder.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("UI folder not found: " + folder);
        }
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("UI folder is not a directory: " + folder);
        }
        this.index = root.resolve("index.html");
        if (!Files.isRegularFile(index)) {
            throw new IllegalArgumentException("UI folder has no index.html: " + folder);
        }
    }

    /** API paths the UI must never answer. */
    static boolean isApiPath(String path) {
        return path.equals("/auth") || path.startsWith("/auth/") || path.equals("/oauth")
                || path.startsWith("/oauth/") || path.equals("/ws") || path.startsWith("/ws/");
    }

    /**
     * Answers a GET/HEAD request that matched no route; returns false when the UI has nothing for it (so the
     * caller answers 404).
     */
    boolean serve(Context ctx) {
        HandlerType method = ctx.method();
        if ((method != HandlerType.GET && method != HandlerType.HEAD) || isApiPath(ctx.path())
                || hasDotSegment(ctx.path())) {
            return false;
        }
        Optional<Path> file = resolve(ctx.path());
        if (file.isEmpty() && hasExtension(ctx.path())) {
            return false; // a missing asset is a 404, not the UI: a page for a .js confuses the browser
        }
        try {
            send(ctx, file.orElse(index));
            return true;
        } catch (IOException e) {
            return false; // vanished or unreadable since it was resolved
        }
    }

    /**
     * A path with a segment starting with {@code .} ({@code /.env}, {@code /.git/config}, {@code /.well-known/x})
     * is never served, not even as the UI's index: a built UI has no such files, and one left in the folder (an
     * editor's backup, a checkout's {@code .git}) must not leak. Encoded dots ({@code %2e}) count as dots.
     */
    static boolean hasDotSegment(String path) {
        for (String segment : path.split("/", -1)) {
            if (segment.startsWith(".") || segment.regionMatches(true, 0, "%2e", 0, 3)) {
                return true;
            }
        }
        return false;
    }

    private Optional<Path> resolve(String requestPath) {
        String relative = requestPath.startsWith("/") ? requestPath.substring(1) : requestPath;
        if (relative.isEmpty() || relative.indexOf('\0') >= 0 || relative.contains("\\")) {
            return Optional.empty();
        }
        try {
            Path candidate = root.resolve(relative).normalize();
            if (!candidate.startsWith(root) || !Files.isRegularFile(candidate)) {
                return Optional.empty();
            }
            Path real = candidate.toRealPath(); // a link may not lead out of the folder
            return real.startsWith(root) ? Optional.of(real) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private void send(Context ctx, Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        Instant modified = attributes.lastModifiedTime().toInstant().truncatedTo(ChronoUnit.SECONDS);
        String etag = "\"" + Long.toHexString(attributes.size()) + "-" + Long.toHexString(modified.getEpochSecond())
                + "\"";
        String name = file.getFileName().toString();
        ctx.header("Content-Type", contentType(name));
        ctx.header("ETag", etag);
        ctx.header("Last-Modified", HTTP_DATE.format(modified));
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", file.equals(index) ? "no-cache"
                : HASHED_NAME.matcher(name).matches() ? "public, max-age=31536000, immutable"
                : "public, max-age=0, must-revalidate");
        if (notModified(ctx, etag, modified)) {
            ctx.status(304);
            return;
        }
        ctx.status(200);
        if (ctx.method() == HandlerType.HEAD) {
            ctx.header("Content-Length", Long.toString(attributes.size()));
            return;
        }
        InputStream in = Files.newInputStream(file);
        ctx.result(in);
    }

    private static boolean notModified(Context ctx, String etag, Instant modified) {
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null) {
            for (String candidate : ifNoneMatch.split(",")) {
                String tag = candidate.trim();
                if (tag.equals(etag) || tag.equals("W/" + etag) || tag.equals("*")) {
                    return true;
                }
            }
            return false;
        }
        String ifModifiedSince = ctx.header("If-Modified-Since");
        if (ifModifiedSince != null) {
            try {
                return !modified.isAfter(Instant.from(HTTP_DATE.parse(ifModifiedSince)));
            } catch (RuntimeException e) {
                return false;
            }
        }
        return false;
    }

    static String contentType(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }

    private static boolean hasExtension(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.lastIndexOf('.') > 0;
    }
}
