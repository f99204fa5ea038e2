package io.miningos.gateway.adapters.http;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AllowedAddressesTest {

    @Test
    void loopbackIsThisMachineInBothFamilies() {
        AllowedAddresses loopback = AllowedAddresses.loopback();
        assertTrue(loopback.contains("127.0.0.1"));
        assertTrue(loopback.contains("127.8.9.10"));
        assertTrue(loopback.contains("::1"));
        assertTrue(loopback.contains("0:0:0:0:0:0:0:1"));
        assertTrue(loopback.contains("::ffff:127.0.0.1"), "IPv4-mapped IPv6 counts as its IPv4 address");
        assertFalse(loopback.contains("10.0.0.1"));
        assertFalse(loopback.contains("::2"));
    }

    @Test
    void rangesMatchByPrefixIncludingPartialBytes() {
        AllowedAddresses ranges = AllowedAddresses.parse(List.of("10.0.0.0/8", "192.168.4.0/22", "fd00::/8",
                "203.0.113.7"));
        assertTrue(ranges.contains("10.200.3.4"));
        assertTrue(ranges.contains("192.168.7.255"));
        assertFalse(ranges.contains("192.168.8.0"));
        assertTrue(ranges.contains("fd12:3456::1"));
        assertFalse(ranges.contains("fe80::1"));
        assertTrue(ranges.contains("203.0.113.7"));
        assertFalse(ranges.contains("203.0.113.8"));
        assertTrue(AllowedAddresses.parse(List.of("0.0.0.0/0")).contains("8.8.8.8"));
    }

    @Test
    void namesAndGarbageAreNeverAddresses() {
        AllowedAddresses all = AllowedAddresses.parse(List.of("0.0.0.0/0", "::/0"));
        assertFalse(all.contains("localhost"), "never looked up");
        assertFalse(all.contains(""));
        assertFalse(all.contains(null));
    }

    @Test
    void badEntriesAreRefusedNamingThem() {
        for (String bad : List.of("localhost", "10.0.0.0/33", "::1/129", "10.0.0.0/", "10.0.0.0/x", " ", "1.2.3")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> AllowedAddresses.parse(List.of(bad)));
            assertTrue(e.getMessage().contains(bad.trim().isEmpty() ? "not an address" : bad), e.getMessage());
        }
    }
}
