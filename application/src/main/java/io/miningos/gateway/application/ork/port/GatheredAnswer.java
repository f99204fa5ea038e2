package io.miningos.gateway.application.ork.port;

import io.miningos.gateway.application.cache.CachedAnswer;

import java.util.List;
import java.util.Objects;

/**
 * The response to one ORK-backed request: the JSON body, ready to send as it is, and the ORKs that failed (an
 * answer with failures is partial, so the cache keeps it only briefly).
 */
public final class GatheredAnswer implements CachedAnswer {

    private final RawJson body;
    private final List<OrkFailure> failures;

    public GatheredAnswer(RawJson body, List<OrkFailure> failures) {
        this.body = Objects.requireNonNull(body, "body");
        this.failures = List.copyOf(failures);
    }

    public RawJson body() {
        return body;
    }

    /** The ORKs that gave no usable answer, in configuration order. */
    public List<OrkFailure> failures() {
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
