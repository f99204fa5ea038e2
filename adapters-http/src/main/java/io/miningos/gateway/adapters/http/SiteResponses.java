package io.miningos.gateway.adapters.http;

import io.javalin.http.Context;
import io.miningos.gateway.application.multisite.port.FederatedAnswer;
import io.miningos.gateway.application.multisite.port.SiteFailure;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Sends a multi-site answer: the body as computed, and, when some site failed, the header {@value #FAILURES_HEADER}
 * naming each failed site and why, e.g. {@code south=timeout, east=refused} (as {@code X-Ork-Failures} does for
 * ORKs). When no requested site answered: 502 {@code ERR_SITE_UNAVAILABLE}, or 504 {@code ERR_SITE_TIMEOUT}
 * when every one timed out, with the same header.
 */
final class SiteResponses {

    static final String FAILURES_HEADER = "X-Site-Failures";

    private SiteResponses() {
    }

    static void send(Context ctx, CompletableFuture<FederatedAnswer> pending) {
        FederatedAnswer answer = OrkResponses.await(ctx, pending);
        if (answer == null) {
            return;
        }
        if (!answer.failures().isEmpty()) {
            ctx.header(FAILURES_HEADER, header(answer.failures()));
        }
        ResponseBodies.json(ctx, answer.body());
    }

    static String header(List<SiteFailure> failures) {
        return failures.stream()
                .map(f -> OrkResponses.safe(f.siteId()) + "=" + OrkResponses.safe(f.shortReason()))
                .collect(Collectors.joining(", "));
    }
}
