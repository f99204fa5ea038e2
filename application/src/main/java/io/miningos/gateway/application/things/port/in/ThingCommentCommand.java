package io.miningos.gateway.application.things.port.in;

import io.miningos.gateway.application.ork.OrkPayload;
import io.miningos.gateway.domain.error.DomainException;

import java.util.Map;

/**
 * Adds, edits or deletes a comment on a thing ({@code /auth/thing/comment}). The ORK finds the comment to edit or
 * delete by {@code id}, or by {@code ts} when there is no id; only its author may change it.
 *
 * @param comment required to add or edit, ignored on delete
 */
public record ThingCommentCommand(Operation operation, String rackId, String thingId, String comment, String id,
                                  Number ts, String pos) {

    public static final String RACK_ID_INVALID = "ERR_RACK_ID_INVALID";
    public static final String THING_ID_INVALID = "ERR_THING_ID_INVALID";
    public static final String COMMENT_INVALID = "ERR_COMMENT_INVALID";
    public static final String COMMENT_ID_INVALID = "ERR_COMMENT_ID_INVALID";

    public enum Operation {
        ADD("saveThingComment"), EDIT("editThingComment"), DELETE("deleteThingComment");

        private final String orkMethod;

        Operation(String orkMethod) {
            this.orkMethod = orkMethod;
        }

        public String orkMethod() {
            return orkMethod;
        }
    }

    public ThingCommentCommand {
        if (operation == null) {
            throw new IllegalArgumentException("operation");
        }
        if (rackId == null || rackId.isBlank()) {
            throw DomainException.invalid(RACK_ID_INVALID);
        }
        if (thingId == null || thingId.isBlank()) {
            throw DomainException.invalid(THING_ID_INVALID);
        }
        if (operation == Operation.DELETE) {
            comment = null;
        } else if (comment == null || comment.isBlank()) {
            throw DomainException.invalid(COMMENT_INVALID);
        }
        if (id != null && id.isBlank()) {
            throw DomainException.invalid(COMMENT_ID_INVALID);
        }
    }

    /** The ORK request; {@code user} (the author) is the caller's e-mail. */
    public Map<String, Object> payload(String user) {
        return OrkPayload.builder().put("id", id).put("rackId", rackId).put("thingId", thingId).put("pos", pos)
                .put("ts", ts).put("comment", comment).put("user", user).build();
    }
}
