package io.miningos.gateway.adapters.ork.sim.site;

import java.util.List;
import java.util.Objects;

/**
 * A mining-pool account served by a pool rack ({@code minerpool-f2pool}, {@code minerpool-ocean}).
 *
 * @param urls stratum URLs in priority order, as miners list them in {@code pool_config}
 */
public record PoolAccount(String rackId, String poolType, String username, List<String> urls) {
    public PoolAccount {
        Objects.requireNonNull(rackId, "rackId");
        Objects.requireNonNull(poolType, "poolType");
        Objects.requireNonNull(username, "username");
        urls = List.copyOf(urls);
    }

    public String rackType() {
        return "minerpool-" + poolType;
    }
}
