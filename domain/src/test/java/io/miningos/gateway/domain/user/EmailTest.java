package io.miningos.gateway.domain.user;

import io.miningos.gateway.domain.error.DomainException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EmailTest {

    @Test
    void normalisesCaseAndSpace() {
        assertEquals("ops.lead@example.com", Email.parse("  Ops.Lead@Example.COM ").value());
        assertEquals(Email.parse("a@b.io"), Email.parse("A@B.IO"));
    }

    @Test
    void rejectsWhatIsNotAnAddress() {
        for (Object bad : new Object[]{null, 5, "", "plain", "a@b", "@b.io", "a@@b.io", "a b@c.io", "a@-b.io",
                "a@b.io\nx", "x".repeat(250) + "@b.io"}) {
            assertEquals("ERR_INVALID_EMAIL", assertThrows(DomainException.class, () -> Email.parse(bad),
                    String.valueOf(bad)).code());
        }
    }
}
