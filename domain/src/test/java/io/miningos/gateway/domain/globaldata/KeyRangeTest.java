package io.miningos.gateway.domain.globaldata;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyRangeTest {

    @Test
    void inclusiveBoundsSelectAYearOfMonths() {
        KeyRange year2024 = KeyRange.of(null, 202401L, null, 202412L);
        assertEquals(new KeyRange(202401, 202412), year2024);
        assertTrue(year2024.contains(202401));
        assertTrue(year2024.contains(202412));
        assertFalse(year2024.contains(202312));
        assertFalse(year2024.contains(202501));
    }

    @Test
    void exclusiveBoundsLeaveTheirEdgeOut() {
        KeyRange range = KeyRange.of(202401L, null, 202412L, null);
        assertEquals(new KeyRange(202402, 202411), range);
    }

    @Test
    void theTighterOfTwoBoundsOnASideWins() {
        assertEquals(new KeyRange(202406, 202409), KeyRange.of(202405L, 202401L, 202410L, 202412L));
        assertEquals(new KeyRange(202403, 202407), KeyRange.of(202401L, 202403L, 202408L, 202407L));
    }

    @Test
    void noBoundsIsEverything() {
        assertTrue(KeyRange.of(null, null, null, null).isAll());
        assertTrue(KeyRange.ALL.contains(Long.MIN_VALUE));
        assertTrue(KeyRange.ALL.contains(Long.MAX_VALUE));
    }

    @Test
    void contradictoryOrExtremeBoundsAreEmptyNotAnError() {
        assertTrue(KeyRange.of(null, 202412L, null, 202401L).isEmpty());
        assertTrue(KeyRange.of(5L, null, 6L, null).isEmpty());
        assertTrue(KeyRange.of(Long.MAX_VALUE, null, null, null).isEmpty());
        assertTrue(KeyRange.of(null, null, Long.MIN_VALUE, null).isEmpty());
        assertFalse(KeyRange.of(null, null, Long.MAX_VALUE, null).isEmpty());
    }
}
