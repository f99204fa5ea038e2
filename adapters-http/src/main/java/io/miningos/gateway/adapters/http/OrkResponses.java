package io.miningos.gateway.adapters.http;

import io.javalin.http.Context;
import io.miningos.gateway.application.multisite.port.SitesUnavailableException;
import io.miningos.gateway.application.ork.port.GatheredAnswer;
import io.miningos.gateway.application.ork.port.OrkFailure;
import io.miningos.gateway.application.ork.port.OrksUnavailableException;
import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.error.ErrorKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Sends what the ORKs answered: the gathered body as it is (never re-serialized), and, when some ORK failed,
 * the header {@value #FAILURES_HEADER} naming each failed ORK and why, e.g.
 * {@code cluster-2=timeout, cluster-3=ERR_RACK_ID_INVALID}. When every ORK failed the request gets the error
 * body (502 {@code ERR_ORK_UNAVAILABLE}, or 504 {@code ERR_ORK_TIMEOUT}) with the same header.
 */
final class OrkResponses {

    static final String FAILURES_HEADER = "X-Ork-Failures";
    /** How long after a request's deadline its wait for the ORKs ends at the latest. */
    static final Duration MARGIN = Duration.ofMillis(500);
    static final String STOPPING = "ERR_SERVER_STOPPING";
    private static final Logger LOG = LoggerFactory.getLogger(OrkResponses.class);
    private static final int MAX_REASON_LENGTH = 100;

    private OrkResponses() {
    }

    /**
     * Waits for the answer (handlers run on virtual threads) and sends it. The wait ends {@link #MARGIN} after the
     * request's deadline whatever happens inside (the fan-outs end by the deadline; this bounds any other wait, such
     * as a shared cached load): a request still waiting then gets 504 {@code ERR_ORK_TIMEOUT}.
     */
    static void send(Context ctx, CompletableFuture<GatheredAnswer> pending) {
        GatheredAnswer answer = await(ctx, pending);
        if (answer == null) {
            return;
        }
        if (!answer.failures().isEmpty()) {
            ctx.header(FAILURES_HEADER, header(answer.failures()));
        }
        ResponseBodies.json(ctx, answer.body());
    }

    /**
     * The answer, or null when the request got its error response here: no answer by the deadline (504), no
     * upstream answered (502/504 with {@value #FAILURES_HEADER} or, for sites, {@value SiteResponses#FAILURES_HEADER}),
     * the server stopping.
     */
    static <A> A await(Context ctx, CompletableFuture<A> pending) {
        try {
            long wait = RequestDeadlines.current(ctx) + MARGIN.toNanos() - System.nanoTime();
            return pending.get(Math.max(0, wait), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) { // the server is stopping and gave up on this request
            Thread.currentThread().interrupt();
            ErrorResponses.write(ctx, new DomainException(ErrorKind.UNAVAILABLE, STOPPING));
            return null;
        } catch (TimeoutException e) {
            LOG.warn("{} {}: no answer by its deadline; answered 504", ctx.method(), ctx.path());
            ErrorResponses.write(ctx, new DomainException(ErrorKind.UPSTREAM_TIMEOUT, OrksUnavailableException.TIMEOUT));
            return null;
        } catch (ExecutionException | CancellationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            switch (cause) {
                case OrksUnavailableException unavailable -> {
                    ctx.header(FAILURES_HEADER, header(unavailable.failures()));
                    ErrorResponses.write(ctx, unavailable.asDomainException());
                }
                case SitesUnavailableException unavailable -> {
                    ctx.header(SiteResponses.FAILURES_HEADER, SiteResponses.header(unavailable.failures()));
                    ErrorResponses.write(ctx, unavailable.asDomainException());
                }
                case TimeoutException timeout -> {
                    LOG.warn("{} {}: its ORK answers were not gathered in time; answered 504", ctx.method(),
                            ctx.path());
                    ErrorResponses.write(ctx,
                            new DomainException(ErrorKind.UPSTREAM_TIMEOUT, OrksUnavailableException.TIMEOUT));
                }
                case RuntimeException runtime -> throw runtime;
                // A fault inside the gateway (an Error in a fan-out or a cached load): logged where it was caught.
                case Error fault -> ErrorResponses.writeFault(ctx, fault);
                default -> throw new IllegalStateException(cause);
            }
            return null;
        }
    }

    /** Header-safe: ids and reasons keep letters, digits and {@code . _ : -}; anything else becomes {@code _}. */
    static String header(List<OrkFailure> failures) {
        return failures.stream()
                .map(f -> safe(f.orkId()) + "=" + safe(f.shortReason()))
                .collect(Collectors.joining(", "));
    }

    static String safe(String text) {
        String cleaned = text.replaceAll("[^A-Za-z0-9._:-]", "_");
        return cleaned.length() > MAX_REASON_LENGTH ? cleaned.substring(0, MAX_REASON_LENGTH) : cleaned;
    }
}
