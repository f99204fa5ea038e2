package io.miningos.gateway.adapters.http;

import io.miningos.gateway.domain.token.ClientIp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Client addresses let in without a token (e.g. to {@code /metrics}): single addresses ({@code 10.0.0.7},
 * {@code ::1}) and CIDR ranges ({@code 10.0.0.0/8}, {@code fd00::/8}). An IPv4-mapped IPv6 client address counts as
 * its IPv4 address. Only literals are read: nothing here ever looks a name up.
 */
public final class AllowedAddresses {

    /** This machine only: {@code 127.0.0.0/8} and {@code ::1}. */
    public static final List<String> LOOPBACK = List.of("127.0.0.0/8", "::1/128");

    private record Range(byte[] network, int prefix, String text) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Range> ranges;

    private AllowedAddresses(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /**
     * Parses addresses and ranges.
     *
     * @throws IllegalArgumentException naming the first entry that is neither an address nor a CIDR range
     */
    public static AllowedAddresses parse(List<String> entries) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : entries) {
            ranges.add(range(entry));
        }
        return new AllowedAddresses(ranges);
    }

    public static AllowedAddresses loopback() {
        return parse(LOOPBACK);
    }

    private static Range range(String entry) {
        if (entry == null || entry.isBlank()) {
            throw new IllegalArgumentException("not an address or CIDR range: " + entry);
        }
        String text = entry.trim();
        int slash = text.indexOf('/');
        byte[] network = bytes(slash < 0 ? text : text.substring(0, slash));
        if (network == null) {
            throw new IllegalArgumentException("not an address or CIDR range: " + entry);
        }
        int prefix = network.length * 8;
        if (slash >= 0) {
            String bits = text.substring(slash + 1);
            if (!bits.matches("\\d{1,3}") || Integer.parseInt(bits) > network.length * 8) {
                throw new IllegalArgumentException("bad prefix length in " + entry + " (0.." + network.length * 8
                        + ")");
            }
            prefix = Integer.parseInt(bits);
        }
        return new Range(network, prefix, text);
    }

    /** The address's bytes (4 or 16), or null when the text is not an address literal. */
    private static byte[] bytes(String text) {
        if (!ClientIp.isValid(text)) {
            return null; // also keeps InetAddress from ever resolving a name
        }
        try {
            return InetAddress.getByName(ClientIp.parse(text).value()).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Whether {@code clientAddress} (as {@link ClientAddress} gives it) is in one of the ranges. */
    public boolean contains(String clientAddress) {
        byte[] address = bytes(clientAddress);
        if (address == null) {
            return false;
        }
        for (Range range : ranges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return ranges.stream().map(Range::text).toList().toString();
    }
}
