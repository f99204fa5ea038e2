package io.miningos.gateway.adapters.http;

import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.miningos.gateway.application.ork.port.GatheredAnswer;
import io.miningos.gateway.application.ork.port.OrkFailure;
import io.miningos.gateway.application.ork.port.OrksUnavailableException;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/**
 * Sends what the ORKs answered: the gathered body as it is (never re-serialized), and, when some ORK failed,
 * the header {@value #FAILURES_HEADER} naming each failed ORK and why, e.g.
 * {@code cluster-2=timeout, cluster-3=ERR_RACK_ID_INVALID}. When every ORK failed the request gets the error
 * body (502 {@code ERR_ORK_UNAVAILABLE}, or 504 {@code ERR_ORK_TIMEOUT}) with the same header.
 */
final class OrkResponses {

    static final String FAILURES_HEADER = "X-Ork-Failures";
    private static final int MAX_REASON_LENGTH = 100;

    private OrkResponses() {
    }

    /** Waits for the answer (handlers run on virtual threads) and sends it. */
    static void send(Context ctx, CompletableFuture<GatheredAnswer> pending) {
        GatheredAnswer answer;
        try {
            answer = pending.join();
        } catch (CompletionException | CancellationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof OrksUnavailableException unavailable) {
                ctx.header(FAILURES_HEADER, header(unavailable.failures()));
                ErrorResponses.write(ctx, unavailable.asDomainException());
                return;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
        if (!answer.failures().isEmpty()) {
            ctx.header(FAILURES_HEADER, header(answer.failures()));
        }
        ctx.contentType(ContentType.APPLICATION_JSON).result(answer.body().open());
    }

    /** Header-safe: ids and reasons keep letters, digits and {@code . _ : -}; anything else becomes {@code _}. */
    static String header(List<OrkFailure> failures) {
        return failures.stream()
                .map(f -> safe(f.orkId()) + "=" + safe(f.shortReason()))
                .collect(Collectors.joining(", "));
    }

    private static String safe(String text) {
        String cleaned = text.replaceAll("[^A-Za-z0-9._:-]", "_");
        return cleaned.length() > MAX_REASON_LENGTH ? cleaned.substring(0, MAX_REASON_LENGTH) : cleaned;
    }
}
