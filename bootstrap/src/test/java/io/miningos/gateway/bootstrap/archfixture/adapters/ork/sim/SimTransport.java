package io.miningos.gateway.bootstrap.archfixture.adapters.ork.sim;

import io.miningos.gateway.bootstrap.archfixture.domain.ork.Method;
import io.miningos.gateway.bootstrap.archfixture.domain.parts.Part;

/** Bad: a plugin naming the domain beyond its ORK method catalogue ({@link Method} is fine). */
public final class SimTransport {
    Method method = Method.LIST;
    Part part;
}
