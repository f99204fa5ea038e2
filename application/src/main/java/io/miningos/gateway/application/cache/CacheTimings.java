package io.miningos.gateway.application.cache;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long each cached route keeps an answer, from the site's {@code cacheTiming} ({@code "/auth/list-things":
 * "15s"}); routes not named get the default. Durations are written as a number and a unit: {@code ms}, {@code s},
 * {@code m} or {@code h} (the Node gateway used {@code 10s}, {@code 15s}, {@code 30s}, {@code 15m}); {@code 0s}
 * disables caching for a route.
 */
public final class CacheTimings {

    public static final Duration DEFAULT_TTL = Duration.ofSeconds(30);
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");
    private static final Duration MAX = Duration.ofHours(24);

    private final Map<String, Duration> perRoute;
    private final Duration fallback;

    public CacheTimings(Map<String, Duration> perRoute, Duration fallback) {
        this.perRoute = Map.copyOf(perRoute);
        this.fallback = fallback;
    }

    /** Parses a route → duration-text map; throws IllegalArgumentException naming the route and the text. */
    public static CacheTimings parse(Map<String, String> texts) {
        Map<String, Duration> parsed = new LinkedHashMap<>();
        texts.forEach((route, text) -> {
            try {
                parsed.put(route, parseDuration(text));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(route + ": " + e.getMessage());
            }
        });
        return new CacheTimings(parsed, DEFAULT_TTL);
    }

    public static Duration parseDuration(String text) {
        Matcher m = text == null ? null : DURATION.matcher(text.trim());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("not a duration like \"15s\" or \"15m\": " + text);
        }
        long amount = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
        if (d.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("longer than 24h: " + text);
        }
        return d;
    }

    /** The TTL of a route, named as in configuration (e.g. {@code /auth/actions/:type/:id}). */
    public Duration ttlFor(String route) {
        return perRoute.getOrDefault(route, fallback);
    }
}
