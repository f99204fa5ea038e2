package io.miningos.gateway.bootstrap.archfixture.adapters.ork.sim;

public final class SimTransport {
}
