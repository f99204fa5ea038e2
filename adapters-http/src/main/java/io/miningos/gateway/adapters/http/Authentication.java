package io.miningos.gateway.adapters.http;

import io.javalin.http.Context;
import io.miningos.gateway.application.identity.port.in.AuthenticateUseCase;
import io.miningos.gateway.domain.caller.Caller;
import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.error.ErrorCodes;
import org.slf4j.MDC;


/**
 * Resolves {@code Authorization: Bearer <token>} (scheme case-insensitive) before every {@code /auth/} route and
 * leaves the {@link Caller} on the request.
 */
public final class Authentication {

    static final String MISSING_HEADER = "Missing or invalid Authorization header";
    private static final String CALLER = Authentication.class.getName() + ".caller";
    private static final String BEARER = "bearer";

    private final AuthenticateUseCase authenticate;
    private final ClientAddress clientAddress;

    public Authentication(AuthenticateUseCase authenticate, ClientAddress clientAddress) {
        this.authenticate = authenticate;
        this.clientAddress = clientAddress;
    }

    void handle(Context ctx) {
        bearer(ctx);
    }

    /**
     * Resolves the request's bearer token, for a route outside {@code /auth/} that takes one (e.g. {@code /metrics}
     * from an address not allowed without it); the caller is then left on the request like on {@code /auth/}.
     */
    public Caller bearer(Context ctx) {
        String token = bearerToken(ctx.header("Authorization"));
        if (token == null) {
            throw DomainException.unauthenticated(ErrorCodes.AUTH_FAIL, MISSING_HEADER);
        }
        Caller caller = authenticate.authenticate(token, clientAddress.of(ctx));
        ctx.attribute(CALLER, caller);
        MDC.put(RequestIds.MDC_USER_ID, Long.toString(caller.userId()));
        return caller;
    }

    /** Resolves a token presented some other way (e.g. the WebSocket's {@code ?token=}). */
    public Caller authenticate(String token, Context ctx) {
        if (token == null || token.isBlank()) {
            throw DomainException.unauthenticated(ErrorCodes.AUTH_FAIL, MISSING_HEADER);
        }
        return authenticate.authenticate(token, clientAddress.of(ctx));
    }

    /** The caller of an authenticated route. */
    public static Caller caller(Context ctx) {
        Caller caller = ctx.attribute(CALLER);
        if (caller == null) {
            throw new IllegalStateException("route " + ctx.path() + " is not behind authentication");
        }
        return caller;
    }

    /** The caller if the request was authenticated (for logging), else null. */
    static Caller callerOrNull(Context ctx) {
        return ctx.attribute(CALLER);
    }

    static String bearerToken(String header) {
        if (header == null) {
            return null;
        }
        String trimmed = header.trim();
        if (trimmed.indexOf(' ') != BEARER.length() || !trimmed.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = trimmed.substring(BEARER.length() + 1).trim();
        return token.isEmpty() ? null : token;
    }
}
