package io.miningos.gateway.adapters.http;

import io.javalin.http.Context;
import org.slf4j.MDC;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives every request an id: the {@value #HEADER} a trusted proxy sent ({@code gateway.trustProxy}; ignored
 * otherwise, and when it is not 1 to 128 letters, digits or {@code . _ : -}), or a new one (16 hex digits). The id
 * is echoed in the response's {@value #HEADER} and is in the logging context ({@value #MDC_REQUEST_ID}) of every line
 * the request's thread logs, together with {@value #MDC_ROUTE} (the matched route template) and {@value #MDC_USER_ID}
 * once the caller is known.
 */
final class RequestIds {

    static final String HEADER = "X-Request-Id";
    static final String MDC_REQUEST_ID = "requestId";
    static final String MDC_ROUTE = "route";
    static final String MDC_USER_ID = "userId";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final boolean trustProxy;

    RequestIds(boolean trustProxy) {
        this.trustProxy = trustProxy;
    }

    /** Runs before everything else of a request. */
    void begin(Context ctx) {
        String id = trustProxy ? accepted(ctx.header(HEADER)) : null;
        if (id == null) {
            id = newId();
        }
        MDC.put(MDC_REQUEST_ID, id);
        ctx.header(HEADER, id);
    }

    /** Runs once the route is matched. */
    static void matched(Context ctx) {
        MDC.put(MDC_ROUTE, GatewayHttpServer.routeOf(ctx));
    }

    /** Runs after the request's last log line. */
    static void end() {
        MDC.remove(MDC_REQUEST_ID);
        MDC.remove(MDC_ROUTE);
        MDC.remove(MDC_USER_ID);
    }

    static String accepted(String header) {
        return header != null && ACCEPTED.matcher(header).matches() ? header : null;
    }

    /** 64 random bits: unique enough to find one request's lines, and cheap (no secure random source). */
    static String newId() {
        String hex = Long.toHexString(ThreadLocalRandom.current().nextLong());
        return hex.length() == 16 ? hex : "0".repeat(16 - hex.length()) + hex;
    }
}
