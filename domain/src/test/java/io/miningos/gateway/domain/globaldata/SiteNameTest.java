package io.miningos.gateway.domain.globaldata;

import io.miningos.gateway.domain.error.DomainException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SiteNameTest {

    private final SiteName site = new SiteName("site-01");

    @Test
    void absentSiteIsFilledIn() {
        assertEquals("site-01", site.spellingFor(null));
    }

    @Test
    void theUisCapitalisedSpellingIsKept() {
        assertEquals("Site-01", site.spellingFor("Site-01"));
        assertEquals("site-01", site.spellingFor("site-01"));
    }

    @Test
    void anotherSiteOrANonStringIsRefused() {
        assertEquals(SiteName.INVALID, assertThrows(DomainException.class, () -> site.spellingFor("site-02")).code());
        assertEquals(SiteName.INVALID, assertThrows(DomainException.class, () -> site.spellingFor(1)).code());
        assertEquals(SiteName.INVALID, assertThrows(DomainException.class, () -> site.spellingFor("")).code());
    }

    @Test
    void aBlankConfiguredNameIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> new SiteName(" "));
    }
}
