package io.miningos.gateway.domain.analytics.site;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an electrical branch feeds, as the DCS energy layout writes it: {@code "Groups 1-2"} covers
 * {@code group-1} and {@code group-2}, {@code "Group 3"} covers {@code group-3}; anything else (e.g.
 * {@code "Cooling & Auxiliary"}) feeds no mining group.
 */
public final class Feeds {

    private static final Pattern RANGE = Pattern.compile("Groups?\\s+(\\d{1,4})\\s*-\\s*(\\d{1,4})",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SINGLE = Pattern.compile("Groups?\\s+(\\d{1,4})(?!\\s*-)", Pattern.CASE_INSENSITIVE);
    private static final Pattern MINING = Pattern.compile("Groups?\\s+\\d", Pattern.CASE_INSENSITIVE);

    private Feeds() {
    }

    /** The group ids ({@code group-<n>}) a feeds text covers, ascending; empty for none. */
    public static List<String> groups(String feeds) {
        List<String> out = new ArrayList<>();
        if (feeds == null) {
            return out;
        }
        Matcher range = RANGE.matcher(feeds);
        if (range.find()) {
            int from = Integer.parseInt(range.group(1));
            int to = Integer.parseInt(range.group(2));
            for (int g = Math.min(from, to); g <= Math.max(from, to); g++) {
                out.add("group-" + g);
            }
            return out;
        }
        Matcher single = SINGLE.matcher(feeds);
        if (single.find()) {
            out.add("group-" + Integer.parseInt(single.group(1)));
        }
        return out;
    }

    /** True when the text names mining groups (a cooling or auxiliary branch does not). */
    public static boolean feedsMining(String feeds) {
        return feeds != null && MINING.matcher(feeds).find();
    }

    /** The number of a group id, {@code group-12} → 12; 0 for other names. */
    public static int groupNumber(String groupId) {
        if (groupId != null && groupId.matches("group-\\d{1,9}")) {
            return Integer.parseInt(groupId.substring("group-".length()));
        }
        return 0;
    }
}
