package io.miningos.gateway.bootstrap.archfixture.domain.parts;

import io.miningos.gateway.bootstrap.archfixture.domain.wholes.Whole;

/** Bad, with {@link Whole}: a package cycle in the domain. */
public record Part(Whole of) {
}
