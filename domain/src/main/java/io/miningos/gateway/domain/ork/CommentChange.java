package io.miningos.gateway.domain.ork;

import io.miningos.gateway.domain.error.DomainException;

import java.util.Objects;

/**
 * Adds, edits or deletes a comment on a thing. Comments belong to the ORK that holds the thing: it stores them,
 * finds the comment to edit or delete by {@code id} (or by {@code ts} when there is no id) and lets only its author
 * change it. The gateway checks what it can before relaying the change: which thing, and that an added or edited
 * comment has text; it stamps the caller in as the author ({@code user}).
 *
 * @param comment required to add or edit, dropped on delete
 * @param id      the comment's id (optional; not blank when given)
 * @param ts      the comment's time (optional), which finds it when there is no id
 * @param pos     the thing's position, passed on as given (optional)
 */
public record CommentChange(Operation operation, String rackId, String thingId, String comment, String id, Number ts,
                            String pos) {

    public static final String RACK_ID_INVALID = "ERR_RACK_ID_INVALID";
    public static final String THING_ID_INVALID = "ERR_THING_ID_INVALID";
    public static final String COMMENT_INVALID = "ERR_COMMENT_INVALID";
    public static final String COMMENT_ID_INVALID = "ERR_COMMENT_ID_INVALID";

    /** What the change does, and the ORK write that does it. */
    public enum Operation {
        ADD(OrkMethod.SAVE_THING_COMMENT), EDIT(OrkMethod.EDIT_THING_COMMENT), DELETE(OrkMethod.DELETE_THING_COMMENT);

        private final OrkMethod method;

        Operation(OrkMethod method) {
            this.method = method;
        }

        public OrkMethod method() {
            return method;
        }
    }

    public CommentChange {
        Objects.requireNonNull(operation, "operation");
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
}
