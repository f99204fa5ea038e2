package io.miningos.gateway.domain.ork;

import io.miningos.gateway.domain.error.DomainException;
import io.miningos.gateway.domain.ork.CommentChange.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CommentChangeTest {

    @Test
    void eachOperationIsOneOrkWrite() {
        assertEquals(OrkMethod.SAVE_THING_COMMENT, Operation.ADD.method());
        assertEquals(OrkMethod.EDIT_THING_COMMENT, Operation.EDIT.method());
        assertEquals(OrkMethod.DELETE_THING_COMMENT, Operation.DELETE.method());
    }

    @Test
    void addingOrEditingNeedsTextDeletingDropsIt() {
        assertEquals("fan noise", new CommentChange(Operation.EDIT, "r", "t", "fan noise", "c1", null, null).comment());
        assertNull(new CommentChange(Operation.DELETE, "r", "t", "ignored", null, 1718036711905L, null).comment());
        assertRefused("ERR_COMMENT_INVALID", () -> new CommentChange(Operation.ADD, "r", "t", " ", null, null, null));
        assertRefused("ERR_COMMENT_INVALID", () -> new CommentChange(Operation.EDIT, "r", "t", null, "c1", null, null));
    }

    @Test
    void theThingAndTheCommentIdMustBeNamedWhenGiven() {
        assertRefused("ERR_RACK_ID_INVALID", () -> new CommentChange(Operation.ADD, "", "t", "c", null, null, null));
        assertRefused("ERR_THING_ID_INVALID", () -> new CommentChange(Operation.ADD, "r", null, "c", null, null, null));
        assertRefused("ERR_COMMENT_ID_INVALID", () -> new CommentChange(Operation.DELETE, "r", "t", null, " ", null,
                null));
    }

    private static void assertRefused(String code, Executable change) {
        assertEquals(code, assertThrows(DomainException.class, change).code());
    }
}
