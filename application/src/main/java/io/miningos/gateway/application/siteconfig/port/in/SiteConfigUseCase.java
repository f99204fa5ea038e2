package io.miningos.gateway.application.siteconfig.port.in;

import io.miningos.gateway.application.ork.port.GatheredAnswer;
import io.miningos.gateway.domain.caller.Caller;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The ORKs' global configuration (nominal site figures, auto-sleep...). */
public interface SiteConfigUseCase {

    /** Cached; one slot per ORK, projected by the optional {@code fields}. */
    CompletableFuture<GatheredAnswer> globalConfig(Map<String, Object> fields, boolean refresh);

    /**
     * Needs {@code features:w}. {@code {success: [<each ORK's updated config, a failed ORK's slot []>]}}; fails
     * like a map read when every ORK failed.
     */
    CompletableFuture<GatheredAnswer> setAutoSleepAllowed(Caller caller, boolean allowed);
}
