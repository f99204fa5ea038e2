package io.miningos.gateway.domain.token;

import io.miningos.gateway.domain.error.DomainException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClientIpTest {

    @Test
    void canonicalisesEquivalentSpellings() {
        assertEquals("::1", ClientIp.parse("::1").value());
        assertEquals("::1", ClientIp.parse("0:0:0:0:0:0:0:1").value());
        assertEquals("::1", ClientIp.parse("[::1]").value());
        assertEquals("127.0.0.1", ClientIp.parse("::ffff:127.0.0.1").value());
        assertEquals("2001:db8::1", ClientIp.parse("2001:0DB8:0000:0000:0000:0000:0000:0001").value());
        assertEquals("fe80::1", ClientIp.parse("fe80::1%eth0").value());
        assertEquals("192.168.1.100", ClientIp.parse(" 192.168.1.100 ").value());
        assertEquals(ClientIp.parse("0:0:0:0:0:0:0:1"), ClientIp.parse("::1"));
    }

    @Test
    void acceptsOnlyLiteralsAndNeverLooksUpNames() {
        for (String bad : new String[]{"localhost", "example.com", "256.1.1.1", "1.2.3", "1.2.3.4.5", "01.2.3.4",
                ":::", "1::2::3", "", "gggg::1", "1.2.3.4/24"}) {
            DomainException e = assertThrows(DomainException.class, () -> ClientIp.parse(bad), bad);
            assertEquals("ERR_IPS_INVALID", e.code());
        }
        assertThrows(DomainException.class, () -> ClientIp.parse(null));
    }
}
