package io.miningos.gateway.domain.token;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenTextTest {

    /** The pattern the shipped UI applies to the token text. */
    private static final Pattern UI_ROLES = Pattern.compile("roles:([a-z_*:]*)");

    @Test
    void freshTokensHaveTheShapeTheUiParses() {
        String text = TokenText.fresh(42, List.of("site_operator")).text();
        assertTrue(text.matches("pub:api:[0-9a-f]{32}-42-roles:site_operator"), text);
        Matcher m = UI_ROLES.matcher(text);
        assertTrue(m.find());
        assertEquals("site_operator", m.group(1));
        Matcher admin = UI_ROLES.matcher(TokenText.fresh(1, List.of("*")).text());
        assertTrue(admin.find());
        assertEquals("*", admin.group(1));
    }

    @Test
    void parsesWhatItIssues() {
        TokenText issued = TokenText.fresh(7, List.of("dev", "read_only_user"));
        TokenText parsed = TokenText.parse(issued.text()).orElseThrow();
        assertEquals(issued, parsed);
        assertEquals(7, parsed.userId());
        assertEquals(List.of("dev", "read_only_user"), parsed.roles());
    }

    @Test
    void everyTokenIsDifferent() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(TokenText.fresh(1, List.of("*")).random()));
        }
    }

    @Test
    void rejectsAnythingElse() {
        for (String bad : new String[]{"", "pub:api:abc-1-roles:dev", "pub:api:" + "a".repeat(32) + "-0-roles:dev",
                "pub:api:" + "a".repeat(32) + "-1-roles:", "pub:api:" + "A".repeat(32) + "-1-roles:dev",
                "pub:api:" + "a".repeat(32) + "-1-roles:Dev", "Bearer x", "pub:api:" + "a".repeat(32) + "-1-roles:dev\n",
                "x".repeat(600)}) {
            assertTrue(TokenText.parse(bad).isEmpty(), bad);
        }
        assertTrue(TokenText.parse(null).isEmpty());
    }

    @Test
    void hashIsStableHexAndHidesTheSecret() {
        String text = TokenText.fresh(1, List.of("*")).text();
        assertEquals(TokenText.hash(text), TokenText.hash(text));
        assertTrue(TokenText.hash(text).matches("[0-9a-f]{64}"));
        assertNotEquals(TokenText.hash(text), TokenText.hash(text + "x"));
        // the known SHA-256 of "abc": the copied digest starts fresh every time
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", TokenText.hash("abc"));
        assertEquals(TokenText.hash("abc"), TokenText.hash("abc"));
        TokenText parsed = TokenText.parse(text).orElseThrow();
        assertFalse(parsed.toString().contains(parsed.random()));
    }

    @Test
    void aTokenCarriesAtLeastOneValidRole() {
        assertThrows(IllegalArgumentException.class, () -> TokenText.fresh(1, List.of()));
        assertThrows(IllegalArgumentException.class, () -> TokenText.fresh(1, List.of("Bad-Role")));
    }
}
