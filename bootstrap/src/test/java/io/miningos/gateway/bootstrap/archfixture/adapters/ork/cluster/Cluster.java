package io.miningos.gateway.bootstrap.archfixture.adapters.ork.cluster;

import io.miningos.gateway.bootstrap.archfixture.adapters.ork.sim.SimTransport;

/** Bad: the cluster naming a plugin, which is to be installed by packaging only. */
public record Cluster(SimTransport sim) {
}
