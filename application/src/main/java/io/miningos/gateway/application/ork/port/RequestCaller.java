package io.miningos.gateway.application.ork.port;

import java.util.Optional;

/**
 * Who the request being served is for (a user id as text), so that the ORK fan-outs it starts count against that
 * caller's share ({@code OrkFanOut}'s per-caller cap). Like {@link RequestDeadline} it travels with the thread: the
 * HTTP adapter runs each authenticated handler {@linkplain #runAs as} its caller. Work outside a request has none.
 */
public final class RequestCaller {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private RequestCaller() {
    }

    /** Runs {@code work} as {@code caller} (null: as nobody), restoring the previous caller after. */
    public static void runAs(String caller, RequestDeadline.Work work) throws Exception {
        ThreadValue.runWith(CURRENT, caller, work);
    }

    /** The current thread's caller, if it serves an authenticated request. */
    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
