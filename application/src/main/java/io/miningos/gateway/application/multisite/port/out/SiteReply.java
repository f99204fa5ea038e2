package io.miningos.gateway.application.multisite.port.out;

import io.miningos.gateway.application.multisite.port.SiteFailure;
import io.miningos.gateway.domain.analytics.JsonView;

import java.util.Objects;

/**
 * What one site call gave: the decoded JSON answer (untrusted: readers check its shape) or why there is none.
 *
 * @param answer  the decoded answer; missing when the call failed
 * @param failure why the call failed; null when it answered
 */
public record SiteReply(JsonView answer, SiteFailure failure) {

    public SiteReply {
        Objects.requireNonNull(answer, "answer");
    }

    public static SiteReply answered(JsonView answer) {
        return new SiteReply(answer, null);
    }

    public static SiteReply failed(SiteFailure failure) {
        return new SiteReply(JsonView.of(null), Objects.requireNonNull(failure, "failure"));
    }

    public boolean ok() {
        return failure == null;
    }
}
