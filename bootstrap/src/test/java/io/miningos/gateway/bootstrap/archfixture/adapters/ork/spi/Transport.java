package io.miningos.gateway.bootstrap.archfixture.adapters.ork.spi;

import io.miningos.gateway.bootstrap.archfixture.adapters.ork.cluster.Cluster;

/** Bad: the SPI naming something beyond the JDK. */
public interface Transport {
    Cluster cluster();
}
