package io.miningos.gateway.domain.ork;

import io.miningos.gateway.domain.error.DomainException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ActionIdTest {

    @Test
    void anIdIsOneToEighteenDigits() {
        assertEquals(1718036711905L, ActionId.parse("1718036711905").value());
        assertEquals(0, ActionId.parse("0").value());
        assertEquals(999_999_999_999_999_999L, ActionId.parse("9".repeat(18)).value());
        for (String bad : Arrays.asList(null, "", " 1", "+1", "-1", "1.0", "x", "9".repeat(19))) {
            assertEquals("ERR_ID_INVALID", assertThrows(DomainException.class, () -> ActionId.parse(bad)).code(),
                    String.valueOf(bad));
        }
        assertEquals("ERR_ID_INVALID", assertThrows(DomainException.class, () -> new ActionId(-1)).code());
    }

    @Test
    void aListIsCommaSeparatedIdsKeptAsWritten() {
        assertEquals(List.of("1718036711905", "007"), ActionIds.parse("1718036711905,007").ids());
        for (String bad : Arrays.asList(null, "", "1,", ",1", "1, 2", "1;2", "-1", "9".repeat(19))) {
            assertEquals("ERR_IDS_INVALID", assertThrows(DomainException.class, () -> ActionIds.parse(bad)).code(),
                    String.valueOf(bad));
        }
        assertEquals("ERR_IDS_INVALID", assertThrows(DomainException.class, () -> new ActionIds(List.of())).code());
        assertEquals("ERR_IDS_INVALID",
                assertThrows(DomainException.class, () -> new ActionIds(List.of("1", "x"))).code());
    }

    @Test
    void idsCompareAsNumbers() {
        assertEquals("7", ActionId.normal("007"));
        assertEquals("7", ActionId.normal(" 7 "));
        assertEquals("abc", ActionId.normal("abc"));
    }
}
