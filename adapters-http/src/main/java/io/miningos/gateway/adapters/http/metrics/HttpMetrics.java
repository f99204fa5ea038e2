package io.miningos.gateway.adapters.http.metrics;

import java.util.function.IntSupplier;

/** What the HTTP edge itself measures: requests, WebSocket clients, refusals of the request rate limit. */
public interface HttpMetrics {

    /** Measures nothing (tests, and servers built without metrics). */
    HttpMetrics NONE = new HttpMetrics() {
    };

    /**
     * One HTTP request was answered.
     *
     * @param route  the matched route's template (e.g. {@code /auth/actions/{type}/{id}}), never the raw path; one
     *               of {@link #UNMATCHED} or {@link #STATIC} when no route matched
     * @param nanos  from the request's arrival to its answer
     */
    default void request(String route, String method, int status, long nanos) {
    }

    /** Where to read how many WebSocket clients are open and how many of them are subscribed to alerts. */
    default void sockets(IntSupplier open, IntSupplier subscribed) {
    }

    /** A WebSocket client fell too far behind and was dropped. */
    default void socketDropped() {
    }

    /** A request to {@code route} was refused for exceeding its client's request rate. */
    default void rateLimited(String route) {
    }

    /** The route label of a request no route matched. */
    String UNMATCHED = "other";
    /** The route label of a request the hosted UI's files answered. */
    String STATIC = "static";
}
