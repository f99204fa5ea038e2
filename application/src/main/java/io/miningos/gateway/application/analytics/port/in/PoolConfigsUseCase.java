package io.miningos.gateway.application.analytics.port.in;

import io.miningos.gateway.application.ork.port.GatheredAnswer;
import io.miningos.gateway.domain.identity.Permission;

import java.util.concurrent.CompletableFuture;

/**
 * The ORK-stored pool configs and who uses them ({@code info.poolConfig} of containers and miners), counted over
 * every ORK's things (the Node gateway counted the first ORK's first 100 things a rack).
 */
public interface PoolConfigsUseCase {

    /** What the config list needs (it holds the workers' passwords). */
    Permission POOL_CONFIG_READ = Permission.declared("pool_config:r");

    /** {@code [config + {containers, miners}]}, cached. */
    CompletableFuture<GatheredAnswer> configs(ConfigsQuery query, boolean refresh);

    /**
     * {@code {poolConfig, overriddenConfig}} of one thing: its config id and, for a container, how many of its
     * devices use another; 404 {@code ERR_THING_NOT_FOUND}. Not cached.
     */
    CompletableFuture<GatheredAnswer> thingConfig(String thingId);

    /** {@code [{container, overriddenConfig}]} for every container. Not cached. */
    CompletableFuture<GatheredAnswer> containers();
}
