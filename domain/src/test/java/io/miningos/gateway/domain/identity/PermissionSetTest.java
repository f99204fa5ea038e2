package io.miningos.gateway.domain.identity;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PermissionSetTest {

    @Test
    void mergesLevelsOfTheSameResource() {
        // the Node example config lists "revenue:rw" and later "revenue:r" for one role
        PermissionSet set = PermissionSet.parse(List.of("revenue:r", "production:rw", "revenue:w", "revenue:r"));
        assertEquals(new Access(true, true), set.accessTo("revenue"));
        assertEquals(List.of("revenue", "production"), set.capabilities());
        assertEquals(List.of("revenue:r", "revenue:w", "production:r", "production:w"), set.asLevelStrings());
        assertEquals(List.of("revenue:rw", "production:rw"), set.asCompactStrings());
    }

    @Test
    void allowsOnlyWhatItGrants() {
        PermissionSet set = PermissionSet.parse(List.of("miner:r", "comments:rw", "actions:w"));
        assertTrue(set.allows("miner:r"));
        assertFalse(set.allows("miner:w"));
        assertFalse(set.allows("miner:rw"));
        assertTrue(set.allows("comments:rw"));
        assertTrue(set.allows("actions:w"));
        assertFalse(set.allows("actions:r"));
        assertFalse(set.allows("users:w"));
    }

    @Test
    void rejectsMalformedPermissions() {
        for (String bad : new String[]{"miner", "miner:", ":rw", "miner:x", "miner:rwx", "Miner:r", "a:b:c",
                "miner:rr w"}) {
            assertThrows(IllegalArgumentException.class, () -> PermissionSet.parse(List.of(bad)), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> Permission.parse(null));
    }

    @Test
    void aRouteMayDeclareKnownResourcesOnly() {
        assertEquals("pool_config:r", Permission.declared("pool_config:r").toString());
        assertEquals("miner:rw", Permission.declared("miner:rw").toString());
        IllegalArgumentException misspelt = assertThrows(IllegalArgumentException.class,
                () -> Permission.declared("minr:r"));
        assertTrue(misspelt.getMessage().contains("'minr'"), misspelt.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Permission.declared("alerts"));
    }
}
