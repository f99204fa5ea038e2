package io.miningos.gateway.application.multisite.port;

import io.miningos.gateway.application.cache.CachedAnswer;
import io.miningos.gateway.application.ork.port.RawJson;

import java.util.List;
import java.util.Objects;

/** A multi-site answer: the JSON body, ready to send, and the sites that failed (for {@code X-Site-Failures}). */
public final class FederatedAnswer implements CachedAnswer {

    private final RawJson body;
    private final List<SiteFailure> failures;

    public FederatedAnswer(RawJson body, List<SiteFailure> failures) {
        this.body = Objects.requireNonNull(body, "body");
        this.failures = List.copyOf(failures);
    }

    public RawJson body() {
        return body;
    }

    public List<SiteFailure> failures() {
        return failures;
    }

    @Override
    public boolean isComplete() {
        return failures.isEmpty();
    }

    @Override
    public long sizeBytes() {
        return body.length();
    }
}
