package io.miningos.gateway.application.ork;

import io.miningos.gateway.application.ork.port.OrkFailure;
import io.miningos.gateway.application.ork.port.RawJson;

import java.util.Objects;

/** What one ORK contributed to a fan-out: an answer or a failure. */
public sealed interface OrkReply permits OrkReply.Answered, OrkReply.Failed {

    String orkId();

    record Answered(String orkId, RawJson answer) implements OrkReply {
        public Answered {
            Objects.requireNonNull(orkId, "orkId");
            Objects.requireNonNull(answer, "answer");
        }
    }

    record Failed(OrkFailure failure) implements OrkReply {
        public Failed {
            Objects.requireNonNull(failure, "failure");
        }

        @Override
        public String orkId() {
            return failure.orkId();
        }
    }
}
