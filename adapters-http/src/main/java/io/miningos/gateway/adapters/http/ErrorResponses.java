package io.miningos.gateway.adapters.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.error.ErrorKind;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The one place where failures become HTTP answers: {@code {"statusCode", "error", "message"}} with the
 * {@code ERR_*} code in {@code message}. Nothing else about a failure (least of all a stack trace) reaches a client.
 */
public final class ErrorResponses {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);
    public static final String ROUTE_NOT_FOUND = "ERR_ROUTE_NOT_FOUND";
    public static final String INTERNAL = "ERR_INTERNAL";

    private ErrorResponses() {
    }

    /** The status every expected-failure kind is answered with. Forbidden is 403 (the Node gateway used 401). */
    public static HttpStatus statusOf(ErrorKind kind) {
        return switch (kind) {
            case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case NOT_CONFIGURED -> HttpStatus.NOT_IMPLEMENTED;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case UPSTREAM_FAILED -> HttpStatus.BAD_GATEWAY;
            case UPSTREAM_TIMEOUT -> HttpStatus.GATEWAY_TIMEOUT;
        };
    }

    /** The error body for a domain failure, as a map (also used on WebSockets and redirects). */
    public static Map<String, Object> body(DomainException e) {
        HttpStatus status = statusOf(e.kind());
        return body(status.getCode(), e.reason() != null ? e.reason() : reasonPhrase(status.getCode()), e.code());
    }

    public static Map<String, Object> body(int statusCode, String error, String code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("statusCode", statusCode);
        body.put("error", error);
        body.put("message", code);
        return body;
    }

    /** The standard reason phrase ({@code 500} is "Internal Server Error", as clients of the Node gateway saw). */
    static String reasonPhrase(int status) {
        return status == 500 ? "Internal Server Error" : HttpStatus.forStatus(status).getMessage();
    }

    static void write(Context ctx, DomainException e) {
        ctx.status(statusOf(e.kind())).json(body(e));
    }

    /** Javalin's own refusals (unknown route, body too large, malformed request...). */
    static void write(Context ctx, HttpResponseException e) {
        int status = e.getStatus();
        String code = switch (status) {
            case 404 -> ROUTE_NOT_FOUND;
            case 405 -> "ERR_METHOD_NOT_ALLOWED";
            case 413 -> "ERR_PAYLOAD_TOO_LARGE";
            case 400 -> "ERR_BAD_REQUEST";
            case 401 -> "ERR_AUTH_FAIL";
            case 403 -> "ERR_AUTH_FAIL_NO_PERMS";
            default -> status >= 500 ? INTERNAL : "ERR_REQUEST_REFUSED";
        };
        ctx.status(status).json(body(status, reasonPhrase(status), code));
    }

    /**
     * A fault inside the gateway that was logged, with its stack, where it was caught (e.g. an Error in a fan-out
     * many requests shared): one line here, and a bare 500.
     */
    static void writeFault(Context ctx, Throwable fault) {
        String incident = UUID.randomUUID().toString();
        LOG.warn("request {} {} failed: {} (incident {}; logged where it happened)", ctx.method(), ctx.path(),
                fault, incident);
        ctx.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .header("X-Incident-Id", incident)
                .json(body(500, reasonPhrase(500), INTERNAL));
    }

    /**
     * An {@link Error} thrown by a handler (Javalin's exception handlers see only Exceptions): logged once, with
     * its stack and an incident id, and answered with the usual 500 body unless the response is under way.
     */
    static void writeError(HttpServletResponse response, Error error) {
        String incident = UUID.randomUUID().toString();
        LOG.error("fatal error {} while serving a request", incident, error);
        if (response.isCommitted()) {
            return;
        }
        try {
            response.reset();
            response.setStatus(500);
            response.setHeader("X-Incident-Id", incident);
            response.setContentType("application/json");
            response.getOutputStream().write(HttpJson.mapper().writeValueAsBytes(
                    body(500, reasonPhrase(500), INTERNAL)));
        } catch (IOException | RuntimeException e) {
            LOG.debug("could not write the 500 body of incident {}", incident, e);
        }
    }

    /** Anything unexpected: logged with an id the operator can grep for, answered with a bare 500. */
    static void writeUnexpected(Context ctx, Exception e) {
        String incident = UUID.randomUUID().toString();
        LOG.error("unexpected failure {} on {} {}", incident, ctx.method(), ctx.path(), e);
        ctx.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .header("X-Incident-Id", incident)
                .json(body(500, reasonPhrase(500), INTERNAL));
    }
}
