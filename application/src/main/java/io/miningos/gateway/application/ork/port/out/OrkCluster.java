package io.miningos.gateway.application.ork.port.out;

import io.miningos.gateway.application.ork.port.RawJson;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The site's ORKs (orchestrator clusters): call method M with JSON payload P on ORK k. How an ORK is reached
 * (simulated, Hyperswarm RPC, ...) is the implementation's business.
 */
public interface OrkCluster {

    /** The configured ORKs, in configuration order. */
    List<String> orkIds();

    /**
     * Calls {@code method} on one ORK. Never throws: the future completes with the ORK's answer, or exceptionally
     * with {@link OrkCallException} when the ORK could not be reached, did not answer within {@code timeout},
     * answered with an ORK error ({@code "[HRPC_ERR]=..."}) or answered something that is not JSON.
     */
    CompletableFuture<RawJson> call(String orkId, String method, RawJson request, Duration timeout);
}
