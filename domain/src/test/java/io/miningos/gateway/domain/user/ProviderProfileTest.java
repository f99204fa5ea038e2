package io.miningos.gateway.domain.user;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProviderProfileTest {

    @Test
    void keepsWhatAProviderUsuallySends() {
        ProviderProfile profile = ProviderProfile.of(" Ana Tech ", "Ana", "https://lh3.googleusercontent.com/a/x=s96-c");
        assertEquals("Ana Tech", profile.name());
        assertEquals("Ana", profile.givenName());
        assertEquals("https://lh3.googleusercontent.com/a/x=s96-c", profile.picture());
    }

    @Test
    void dropsWhatTheUiCouldNotShowSafely() {
        ProviderProfile profile = ProviderProfile.of("x".repeat(201), "bad\u0000name", "javascript:alert(1)");
        assertTrue(profile.isEmpty());
        assertNull(ProviderProfile.of(7, true, "data:image/png;base64,AAAA").name());
        assertNull(ProviderProfile.of(null, null, "data:image/png;base64,AAAA").picture());
        assertNull(ProviderProfile.of(null, null, "https://" + "a".repeat(2000)).picture());
        assertNull(ProviderProfile.of(null, null, "/relative.png").picture());
        assertNull(ProviderProfile.of("  ", "", "not a url").name());
    }
}
