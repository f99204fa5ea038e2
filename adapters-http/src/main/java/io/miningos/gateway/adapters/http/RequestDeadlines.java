package io.miningos.gateway.adapters.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.router.HandlerWrapper;
import io.miningos.gateway.application.ork.port.RequestCaller;
import io.miningos.gateway.application.ork.port.RequestDeadline;
import io.miningos.gateway.domain.caller.Caller;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

import java.time.Duration;

/**
 * Each request's deadline: {@code requestDeadline} after Jetty began reading it, so time it spent queued (for a
 * thread, behind a busy connection) counts. Every handler of the request runs {@linkplain RequestDeadline within}
 * it, which is how the ORK fan-outs it starts learn it; an authenticated handler also runs {@linkplain RequestCaller
 * as} its user, whose share of ORK fan-outs they count against.
 */
final class RequestDeadlines implements HandlerWrapper {

    private static final String ATTRIBUTE = RequestDeadlines.class.getName();

    private final long deadlineNanos;

    RequestDeadlines(Duration requestDeadline) {
        this.deadlineNanos = requestDeadline.toNanos();
    }

    @Override
    public Handler wrap(io.javalin.router.Endpoint endpoint) {
        return ctx -> RequestDeadline.runWithin(of(ctx), () -> RequestCaller.runAs(callerOf(ctx),
                () -> endpoint.handler.handle(ctx)));
    }

    /** The authenticated user the ORK fan-outs of the request count against (none before authentication). */
    private static String callerOf(Context ctx) {
        Caller caller = Authentication.callerOrNull(ctx);
        return caller == null ? null : "user:" + caller.userId();
    }

    /** The request's deadline ({@link System#nanoTime()}), fixed the first time it is asked for. */
    long of(Context ctx) {
        Long deadline = ctx.attribute(ATTRIBUTE);
        if (deadline == null) {
            deadline = began(ctx) + deadlineNanos;
            ctx.attribute(ATTRIBUTE, deadline);
        }
        return deadline;
    }

    /** The deadline a handler runs within; a request no handler wrapped (none in this server) has none yet. */
    static long current(Context ctx) {
        Long deadline = ctx.attribute(ATTRIBUTE);
        if (deadline == null) {
            throw new IllegalStateException("no deadline for " + ctx.path());
        }
        return deadline;
    }

    private static long began(Context ctx) {
        ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
        return request != null ? request.getBeginNanoTime() : System.nanoTime();
    }
}
