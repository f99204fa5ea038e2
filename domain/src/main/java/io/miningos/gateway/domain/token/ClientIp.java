package io.miningos.gateway.domain.token;

import io.miningos.gateway.domain.error.DomainException;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * A client IP address in canonical text form, so that {@code ::1}, {@code 0:0:0:0:0:0:0:1} and
 * {@code ::ffff:127.0.0.1} compare the way they should. Only literals are accepted: parsing never does a DNS
 * look-up.
 */
public record ClientIp(String value) {

    public static final String INVALID = "ERR_IPS_INVALID";

    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    /** Parses and canonicalises an address literal; throws {@code ERR_IPS_INVALID} for anything else. */
    public static ClientIp parse(String text) {
        if (text == null) {
            throw DomainException.invalid(INVALID);
        }
        String s = text.trim();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        int zone = s.indexOf('%');
        if (zone >= 0) {
            s = s.substring(0, zone);
        }
        if (IPV4.matcher(s).matches()) {
            return new ClientIp(s);
        }
        // A string with a colon is only ever parsed as an IPv6 literal by InetAddress, never resolved.
        if (s.indexOf(':') >= 0 && IPV6_CHARS.matcher(s).matches()) {
            try {
                InetAddress address = InetAddress.getByName(s);
                if (address instanceof Inet6Address v6) {
                    return new ClientIp(compress(v6.getHostAddress()));
                }
                return new ClientIp(address.getHostAddress()); // IPv4-mapped IPv6 becomes plain IPv4
            } catch (UnknownHostException e) {
                throw DomainException.invalid(INVALID);
            }
        }
        throw DomainException.invalid(INVALID);
    }

    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (DomainException e) {
            return false;
        }
    }

    /** Shortens the JDK's full IPv6 form ({@code 0:0:0:0:0:0:0:1}) to the usual one ({@code ::1}). */
    private static String compress(String full) {
        String[] groups = full.split(":", -1);
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < groups.length; ) {
            if (groups[i].equals("0")) {
                int j = i;
                while (j < groups.length && groups[j].equals("0")) {
                    j++;
                }
                if (j - i > bestLen && j - i > 1) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestStart < 0) {
            return full;
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLen, groups.length));
        return head + "::" + tail;
    }

    @Override
    public String toString() {
        return value;
    }
}
