package io.miningos.gateway.adapters.http;

import io.javalin.http.Context;

/** The address a request came from: the socket peer, or the first {@code X-Forwarded-For} hop behind a proxy. */
public final class ClientAddress {

    private final boolean trustProxy;

    public ClientAddress(boolean trustProxy) {
        this.trustProxy = trustProxy;
    }

    public String of(Context ctx) {
        if (trustProxy) {
            String forwarded = ctx.header("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                int comma = forwarded.indexOf(',');
                return (comma < 0 ? forwarded : forwarded.substring(0, comma)).trim();
            }
        }
        return ctx.req().getRemoteAddr();
    }
}
