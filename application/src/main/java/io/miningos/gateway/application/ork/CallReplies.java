package io.miningos.gateway.application.ork;

import io.miningos.gateway.application.ork.port.OrkFailure;
import io.miningos.gateway.domain.analytics.JsonView;

import java.util.List;

/**
 * What every ORK answered to one {@link OrkCall}: the decoded answers of the ORKs that answered, in configuration
 * order (readers never throw on a shape), and the ORKs that failed.
 *
 * @param truncated a paged read stopped at {@link OrkCall#MAX_PAGES} pages with things left unread
 */
public record CallReplies(List<JsonView> answers, List<OrkFailure> failures, boolean truncated) {

    public CallReplies {
        answers = List.copyOf(answers);
        failures = List.copyOf(failures);
    }

    public CallReplies(List<JsonView> answers, List<OrkFailure> failures) {
        this(answers, failures, false);
    }
}
