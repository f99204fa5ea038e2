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
    /** The status of a request whose client went away before it was read (nginx's, and Javalin's, convention). */
    static final int CLIENT_CLOSED_REQUEST = 499;

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
            case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
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

    /**
     * The client went away while sending its request (an upload cut short): nothing to answer, nobody's fault
     * here. One INFO line and the status 499 (client closed request) for the access log and metrics, not a 500.
     */
    static void writeClientGone(Context ctx, Exception e) {
        LOG.info("{} {}: the client closed the connection before its request was read ({})", ctx.method(),
                ctx.path(), e.getMessage());
        ctx.status(CLIENT_CLOSED_REQUEST);
    }

    /**
     * Jetty refused the request while a handler read it (e.g. 408 when a body arrives slower than the minimum data
     * rate): the client's doing, answered with Jetty's status in the envelope and one INFO line.
     */
    static boolean writeJettyRefusal(Context ctx, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.eclipse.jetty.http.HttpException refusal && refusal.getCode() >= 400
                    && refusal.getCode() < 500) {
                int status = refusal.getCode();
                LOG.info("{} {}: refused while reading the request: {} {}", ctx.method(), ctx.path(), status,
                        refusal.getReason());
                ctx.status(status).json(body(status, reasonPhrase(status), codeOf(status)));
                return true;
            }
        }
        return false;
    }

    /** Whether reading the request failed because the client went away (Jetty's EOF, possibly wrapped). */
    static boolean isClientGone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.eclipse.jetty.io.EofException) {
                return true;
            }
        }
        return false;
    }

    static void write(Context ctx, DomainException e) {
        if (e.retryAfterSeconds() > 0) {
            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
        }
        ctx.status(statusOf(e.kind())).json(body(e));
    }

    /** Writes the envelope straight to the servlet response and commits it (where no context writes it later). */
    static void writeNow(HttpServletResponse response, DomainException e) {
        if (response.isCommitted()) {
            return;
        }
        try {
            response.setStatus(statusOf(e.kind()).getCode());
            if (e.retryAfterSeconds() > 0) {
                response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
            }
            response.setContentType("application/json");
            response.getOutputStream().write(HttpJson.mapper().writeValueAsBytes(body(e)));
            response.flushBuffer();
        } catch (IOException failure) {
            LOG.debug("could not write the refusal {}", e.code(), failure);
        }
    }

    /** Javalin's own refusals (unknown route, body too large, malformed request...). */
    static void write(Context ctx, HttpResponseException e) {
        int status = e.getStatus();
        ctx.status(status).json(body(status, reasonPhrase(status), codeOf(status)));
    }

    /** The code of a refusal that only has a status: Javalin's and Jetty's own (malformed requests, limits). */
    static String codeOf(int status) {
        return switch (status) {
            case 404 -> ROUTE_NOT_FOUND;
            case 405 -> "ERR_METHOD_NOT_ALLOWED";
            case 408 -> "ERR_REQUEST_TIMEOUT";
            case 413 -> "ERR_PAYLOAD_TOO_LARGE";
            case 414 -> "ERR_URI_TOO_LONG";
            case 431 -> "ERR_HEADERS_TOO_LARGE";
            case 400 -> "ERR_BAD_REQUEST";
            case 401 -> "ERR_AUTH_FAIL";
            case 403 -> "ERR_AUTH_FAIL_NO_PERMS";
            case 505 -> "ERR_HTTP_VERSION_NOT_SUPPORTED";
            case 503 -> "ERR_SERVER_STOPPING"; // the only 503 Jetty gives itself: refusing requests while stopping
            default -> status >= 500 ? INTERNAL : "ERR_REQUEST_REFUSED";
        };
    }

    /** The JSON body of a refusal that only has a status. */
    static byte[] bodyBytes(int status) {
        try {
            return HttpJson.mapper().writeValueAsBytes(body(status, reasonPhrase(status), codeOf(status)));
        } catch (IOException e) {
            throw new IllegalStateException(e); // a map of a number and two strings always serializes
        }
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
