package io.miningos.gateway.bootstrap.archfixture.domain.wholes;

import io.miningos.gateway.bootstrap.archfixture.domain.parts.Part;

import java.util.List;

public record Whole(List<Part> parts) {
}
